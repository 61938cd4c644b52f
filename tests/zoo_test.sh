#!/usr/bin/env bash
# The bug zoo: the README's list of classes is testbench/zoo/*.patch and the xfail_zoo_*
# scenarios; every patch applies exactly to the release driver sources, changes them, and
# does not add lines the release already has (the release is not buggy); every zoo scenario passes quietly on
# the release driver; and each one is caught by its checker first, on seeds 1..20, within
# 200,000 cycles, on every RTL variant it runs on (one that expects no checker crashes the
# run instead, on every seed), or, for a race ([proof: explore]), by `tandem explore` and by no
# plain run.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
cd "$(dirname "$0")/.."

readme=$(sed -n '/^## Bug zoo$/,/^## /p' README.md | sed -n 's/^| `\([a-z0-9_]*\)` |.*/\1/p' | sort)
patches=$(ls testbench/zoo/*.patch | xargs -n1 basename | sed 's/\.patch$//' | sort)
listing=$("$tandem" list)
scenarios=$(sed -n 's/^xfail_zoo_\([a-z0-9_]*\) .*/\1/p' <<<"$listing" | sort)
[ -n "$patches" ] || { echo "no zoo patch in testbench/zoo"; exit 1; }
[ "$readme" == "$patches" ] || { echo "README's bug zoo differs from testbench/zoo/*.patch:"; diff <(echo "$readme") <(echo "$patches") || true; exit 1; }
[ "$scenarios" == "$patches" ] || { echo "xfail_zoo_* scenarios differ from the patches:"; diff <(echo "$scenarios") <(echo "$patches") || true; exit 1; }

for class in $patches; do
  patch_file=testbench/zoo/$class.patch
  grep -q '^[-+][^-+]' "$patch_file" || { echo "$class.patch changes nothing"; exit 1; }
  tree=$out/src/$class
  mkdir -p "$tree"
  cp -r driver "$tree/"
  patch --dry-run --batch --fuzz=0 -p1 -d "$tree" -i "$PWD/$patch_file" >/dev/null ||
    { echo "$class.patch does not apply to the release driver"; exit 1; }
  # Already buggy? Then each line the patch adds (that it does not also remove: a move; and
  # not a bare brace) is in the release file already.
  for file in $(sed -n 's|^+++ b/\([^\t ]*\).*|\1|p' "$patch_file"); do
    while IFS= read -r line; do
      if grep -qxF -- "$line" "$file" && ! grep -qxF -- "-$line" "$patch_file"; then
        echo "the release driver already holds the $class bug: $file has: $line"
        exit 1
      fi
    done < <(awk -v f="b/$file" '/^\+\+\+ /{on = ($2 == f); next} on && /^\+.*[A-Za-z]/{print substr($0, 2)}' "$patch_file")
  done
done

# A race: no plain run meets it, so it is out of the seeded regression; `tandem explore`
# must find a schedule where its checker fires first (each group is the checker that fired
# first in its schedules). Its plain runs on seeds 1..20 must stay quiet (else it is no race:
# prove it by seeds), and the release driver survives the same exploration.
# How many perturbations each race's minimized schedule has: the events the race needs.
declare -A perturbations=([read_then_clear]=1 [fail_after_reset]=1 [stale_doorbell]=1 [watchdog_double_complete]=1)
explore_proof() {
  local scenario=$1 expect=$2 seed
  "$tandem" run "$scenario" --release-driver --no-log --out "$out/release" >/dev/null ||
    { echo "$scenario fails on the release driver: the scenario, not the bug, is wrong"; exit 1; }
  for seed in $(seq 1 20); do
    said=$("$tandem" run "$scenario" --seed "$seed" --max-cycles 3000000 --no-log --out "$out/zoo" || true)
    grep -q 'missed the seeded bug' <<<"$said" ||
      { echo "$scenario seed $seed: a plain run failed it: not a race only exploration finds"; exit 1; }
  done
  "$tandem" explore "$scenario" --jobs 2 --budget 150 --out "$out/explore/$scenario" >/dev/null || true  # 1: it failed
  grep -q "^FAIL $expect (" "$out/explore/$scenario/explore.txt" ||
    { echo "$scenario: exploring it did not make $expect fire first:"; cat "$out/explore/$scenario/explore.txt"; exit 1; }
  local minimized count want=${perturbations[${scenario#xfail_zoo_}]:-}
  minimized=$(sed -n "/^FAIL $expect (/,/^  minimized:/ s/^  minimized: '\(.*\)'$/\1/p" "$out/explore/$scenario/explore.txt")
  count=$(tr ',' '\n' <<<"$minimized" | grep -c .)
  [ -n "$want" ] && [ "$count" -eq "$want" ] ||
    { echo "$scenario: minimized to '$minimized', $count perturbation(s), not ${want:-a known number}"; exit 1; }
}

for class in $patches; do
  scenario=xfail_zoo_$class
  row=$(grep "^$scenario " <<<"$listing")
  expect=$(sed -n 's/.*\[expects: \([^]]*\)\].*/\1/p' <<<"$row")
  variants=$(sed -n 's/.*\[variants: \([^]]*\)\].*/\1/p' <<<"$row" | tr ',' ' ')
  if grep -qF '[proof: explore]' <<<"$row"; then
    explore_proof "$scenario" "$expect"
    continue
  fi
  for variant in ${variants:-default}; do
    "$tandem" run "$scenario" --variant "$variant" --release-driver --no-log --out "$out/release" >/dev/null ||
      { echo "$scenario ($variant) fails on the release driver: the scenario, not the bug, is wrong"; exit 1; }
    if [ -z "$expect" ]; then  # a bug no checker can judge: it crashes the run (exit code 4)
      for seed in $(seq 1 20); do
        rc=0
        "$tandem" run "$scenario" --variant "$variant" --seed "$seed" --no-log --out "$out/zoo" >/dev/null 2>&1 || rc=$?
        [ "$rc" -eq 4 ] || { echo "$scenario ($variant) seed $seed: exit $rc, not the crash's 4"; exit 1; }
      done
      continue
    fi
    for seed in $(seq 1 20); do
      "$tandem" run "$scenario" --variant "$variant" --seed "$seed" --max-cycles 200000 --no-log --out "$out/zoo" \
        >/dev/null || { echo "$scenario ($variant) seed $seed: $expect did not catch the bug first within 200000 cycles"; exit 1; }
    done
  done
done
echo "bug zoo: $(wc -w <<<"$patches") classes; patches fit the release driver; release passes; bugs caught"
