#!/usr/bin/env bash
# The same scenario and seed give the same cycles, log (every register access, interrupt
# and the final host-memory digest) and waves; another seed gives another run; and the
# engine running ahead of SystemC gives exactly what yielding to the kernel after every
# cycle gives.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"

run() {  # run DIR ARGS...
  local dir=$1
  shift
  local d="$out/$dir/dma_single_copy/seed-$SEED"
  mkdir -p "$d"
  "$tandem" run dma_single_copy --out "$out/$dir" --waves fst "$@" >"$out/$dir.txt"
  # The trace header carries the date it was written: compare what follows it.
  fst2vcd -f "$d/waves.fst" | sed -n '/\$timescale/,$p' >"$d/waves.txt"
}

SEED=7 run a --seed 7
SEED=7 run b --seed 7
SEED=7 run step --seed 7 --step-every-cycle
SEED=8 run other --seed 8
a="$out/a/dma_single_copy/seed-7"
grep -q "digest" "$a/run.log" || { echo "the run log has no memory digest"; exit 1; }
for f in run.log result.txt waves.txt; do
  cmp "$a/$f" "$out/b/dma_single_copy/seed-7/$f" || { echo "same seed, different $f"; exit 1; }
  cmp "$a/$f" "$out/step/dma_single_copy/seed-7/$f" ||
    { echo "engine running ahead and stepping every cycle differ in $f"; exit 1; }
done
# The comparison means something only if the two modes really ran differently.
trips() { sed -n 's/.*engine: \([0-9]*\) kernel round trips for \([0-9]*\) cycles.*/\1 \2/p' "$out/$1.txt"; }
read -r fast cycles < <(trips a)
read -r step _ < <(trips step)
echo "kernel round trips: $fast running ahead, $step stepping, for $cycles cycles"
[ "$step" -ge "$cycles" ] || { echo "stepping mode did not yield every cycle"; exit 1; }
[ $((fast * 10)) -lt "$step" ] || { echo "the engine did not run ahead of the kernel"; exit 1; }
# The engine's equivalence, on scenarios that stress it differently: several CPUs, two
# devices in lockstep, timed faults and the store buffer's timed drains.
# Several seeds each: CPUs meeting on a lock, the bus or an interrupt in one cycle must not
# depend on the order the kernel runs their threads in.
for scenario in dma_smp_submit dma_smp4_submit dma_shared_line platform_csr_concurrency fault_irq_delayed \
                fault_memory_stall xfail_missing_barrier xfail_irq_storm_shared; do
  for seed in 1 2 3; do
    "$tandem" run "$scenario" --seed $seed --out "$out/eq-fast" >/dev/null || true
    "$tandem" run "$scenario" --seed $seed --out "$out/eq-step" --step-every-cycle >/dev/null || true
    for f in run.log result.txt; do
      cmp "$out/eq-fast/$scenario/seed-$seed/$f" "$out/eq-step/$scenario/seed-$seed/$f" ||
        { echo "$scenario seed $seed: running ahead and stepping every cycle differ in $f"; exit 1; }
    done
  done
done
if cmp -s "$a/run.log" "$out/other/dma_single_copy/seed-8/run.log"; then
  echo "seeds 7 and 8 gave the same run: the seed is not used"
  exit 1
fi
echo "deterministic: same seed, same log, result and waves; stepping every cycle changes nothing, in 9 scenarios"
