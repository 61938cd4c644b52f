#!/usr/bin/env bash
# The TMR's checkers against its seeded bugs: each xfail_tmr_* scenario is caught first by
# the checker it names on seeds 1..3 (on its RTL variant, or its buggy driver), and the same
# scenario on the correct RTL (--variant tmr: the checker missed the bug) or the release
# driver (every checker quiet) is not caught, so the bug, not the scenario, is what the
# checker catches.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
listing=$("$tandem" list)
bugs=$(sed -n 's/^\(xfail_tmr_[a-z0-9_]*\) .*/\1/p' <<<"$listing")
[ "$(wc -w <<<"$bugs")" -ge 3 ] || { echo "fewer than three xfail_tmr_* scenarios: $bugs"; exit 1; }
for scenario in $bugs; do
  row=$(grep "^$scenario " <<<"$listing")
  expect=$(sed -n 's/.*\[expects: \([^]]*\)\].*/\1/p' <<<"$row")
  variant=$(sed -n 's/.*\[variants: \([^]]*\)\].*/\1/p' <<<"$row")
  for seed in 1 2 3; do
    "$tandem" run "$scenario" --variant "$variant" --seed "$seed" --no-log --out "$out/bug" >/dev/null ||
      { echo "$scenario seed $seed: $expect did not catch the seeded bug first"; exit 1; }
    if [ "$variant" = default ]; then
      clean=(--release-driver) quiet="all checkers quiet"
    else
      clean=(--variant tmr) quiet="the $expect checker missed the seeded bug"
    fi
    verdict=$("$tandem" run "$scenario" "${clean[@]}" --seed "$seed" --no-log --out "$out/clean" | head -1) || true
    grep -qF "$quiet" <<<"$verdict" ||
      { echo "$scenario seed $seed without its bug (${clean[*]}): $verdict"; exit 1; }
  done
  echo "$scenario: caught first by $expect on seeds 1..3; quiet without its bug"
done
