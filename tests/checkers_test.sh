#!/usr/bin/env bash
# The checkers as the code lists them (`tandem checkers`) are the README's table; each one
# with a proving scenario has it, expecting that checker; csr_bus judges with the run log on
# and off; and a seeded bug whose run another checker failed first is not a pass, with a
# verdict that names who fired.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
cd "$(dirname "$0")/.."

code_table=$("$tandem" checkers)
readme_table=$(sed -n '/^| checker | fails a run when | proven by |$/,/^$/p' README.md | sed '/^$/d')
if [ "$code_table" != "$readme_table" ]; then
  echo "README.md's checker table differs from 'tandem checkers' (paste the latter into the README):"
  diff <(echo "$readme_table") <(echo "$code_table") || true
  exit 1
fi

listing=$("$tandem" list)
# Every checker that watches every run is proven by at least one seeded bug.
for name in $(sed -n '/^\/\/ Checkers that watch every run/,/^$/s/.* = "\(.*\)";$/\1/p' \
  testbench/checkers/checker_names.hpp); do
  grep -q "^| \`$name\` | .* | \`xfail_" <<<"$code_table" || { echo "no seeded bug proves $name"; exit 1; }
done
# ... and every seeded bug proves a checker of the table.
for name in $(sed -n 's/.*\[expects: \([^]]*\)\].*/\1/p' <<<"$listing" | sort -u); do
  grep -q "^| \`$name\` |" <<<"$code_table" || { echo "a scenario expects '$name', which is no checker"; exit 1; }
done

# csr_bus fails the run whether or not anything is logged.
"$tandem" run xfail_csr_bad_offset --out "$out/log" >/dev/null || { echo "csr_bus missed the bad offset (run log on)"; exit 1; }
"$tandem" run xfail_csr_bad_offset --out "$out/nolog" --no-log >/dev/null ||
  { echo "csr_bus missed the bad offset with the run log off"; exit 1; }
[ ! -e "$out/nolog/xfail_csr_bad_offset/seed-1/run.log" ] || { echo "--no-log wrote a run log"; exit 1; }

# A storm is caught within 100,000 cycles, on a private line and on a shared one (later, the
# cycle limit would fire first and the run fail on hang).
for storm in xfail_irq_storm xfail_irq_storm_shared; do
  for seed in 1 2 3; do
    "$tandem" run $storm --seed $seed --out "$out/fast" --max-cycles 100000 >/dev/null ||
      { echo "$storm seed $seed: irq_storm did not catch the storm first within 100000 cycles"; exit 1; }
  done
done

# The storm's run cut short by the cycle limit: hang fires first, and that is no proof.
set +e
verdict=$("$tandem" run xfail_irq_storm --out "$out/first" --max-cycles 5000 | head -1)
set -e
grep -qF 'the run failed on `hang` before `irq_storm` could judge' <<<"$verdict" ||
  { echo "unexpected verdict: $verdict"; exit 1; }
[[ "$verdict" == FAIL* ]] || { echo "a seeded bug caught by the wrong checker passed: $verdict"; exit 1; }
echo "checker table matches the README; proofs exist; csr_bus judges without a log; first failure decides"
# A run that a checker stops ends: nothing scheduled runs after the stop (a checker that
# re-armed itself from the frozen cycle count once looped for ever on this seed).
timeout 60 "$tandem" run xfail_irq_storm_shared --seed 50 --no-log --out "$out/stopped" >/dev/null ||
  { echo "xfail_irq_storm_shared seed 50 did not end caught by irq_storm within 60 s"; exit 1; }
