#!/usr/bin/env bash
# The TMR's checkers against its seeded bugs: each xfail_tmr_* scenario is caught first by
# the checker it names on seeds 1..3 (on its RTL variant, or its buggy driver), its first
# failure the rule the bug breaks (two scenarios of one RTL bug prove two rules), and the same
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
# first_failure SCENARIO: what its first failure must say.
first_failure() {
  case $1 in
    xfail_tmr_period_early) echo "cycle(s) early" ;;
    xfail_tmr_level_self_clears) echo "in LEVEL mode with its event still pending" ;;
    xfail_tmr_pulse_held) echo "past its one-cycle pulse" ;;
    xfail_tmr_any_kick) echo "a read of WDOG_COUNT" ;;
    xfail_tmr_any_kick_no_bark) echo "the watchdog's line (vector 1) did not rise" ;;
    xfail_tmr_rmw_ack) echo "clearing BARK (the watchdog's)" ;;
  esac
}
for scenario in $bugs; do
  rule=$(first_failure "$scenario")
  [ -n "$rule" ] || { echo "$scenario: no expected first failure in this test"; exit 1; }
  row=$(grep "^$scenario " <<<"$listing")
  expect=$(sed -n 's/.*\[expects: \([^]]*\)\].*/\1/p' <<<"$row")
  variant=$(sed -n 's/.*\[variants: \([^]]*\)\].*/\1/p' <<<"$row")
  for seed in 1 2 3; do
    first=$("$tandem" run "$scenario" --variant "$variant" --seed "$seed" --no-log --out "$out/bug" | sed -n '2p') ||
      { echo "$scenario seed $seed: $expect did not catch the seeded bug first"; exit 1; }
    grep -qF "checker $expect: " <<<"$first" && grep -qF "$rule" <<<"$first" ||
      { echo "$scenario seed $seed: the first failure is not '$rule': $first"; exit 1; }
    if [ "$variant" = default ]; then
      clean=(--release-driver) quiet="all checkers quiet"
    else
      clean=(--variant tmr) quiet="the $expect checker missed the seeded bug"
    fi
    verdict=$("$tandem" run "$scenario" "${clean[@]}" --seed "$seed" --no-log --out "$out/clean" | head -1) || true
    grep -qF "$quiet" <<<"$verdict" ||
      { echo "$scenario seed $seed without its bug (${clean[*]}): $verdict"; exit 1; }
  done
  echo "$scenario: caught first by $expect ($rule) on seeds 1..3; quiet without its bug"
done
