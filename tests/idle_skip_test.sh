#!/usr/bin/env bash
# Idle skipping, and evaluating the clock edge alone in cycles whose CSR inputs hold still
# (DeviceHarness, scripts/eval_plan.py), change nothing but speed. Waiting-dominated scenarios (a lost completion
# interrupt the driver's watchdog recovers, lost pulses, a coalescing timer, D3 waits and
# wake-ups, a late interrupt, memory stalls and a hang the watchdogs end, surprise removal)
# and plain ones (two CPUs, two devices in lockstep on one line), all under the platform's
# seeded memory back-pressure, run with both (the default) and without either
# (--no-idle-skip --two-evals): the result line (verdict and cycles), run.log, result.txt and the
# functional coverage must be the same byte for byte. A run with waves evaluates every cycle
# (sim/model/device_harness.hpp says why): its results must be those of a skipping run too, and
# its waves those of a run with neither. Skipping must really skip most of the waits, a copy
# must evaluate most of its cycles once, and each switch, flag or environment, must turn its
# own off and leave the other on. The
# TMR's scenarios run both ways too: a second kind, whose model has a plan of its own.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
unset TANDEM_NO_SKIP TANDEM_TWO_EVALS

total=0
skipped=0
# run MODE SCENARIO SEED [ARGS...]: the run's stdout into $out/MODE-SCENARIO-SEED.txt
run() {
  local mode=$1 scenario=$2 seed=$3
  shift 3
  "$tandem" run "$scenario" --seed "$seed" --out "$out/$mode" "$@" >"$out/$mode-$scenario-$seed.txt" || true
}
same() {  # same MODE_A MODE_B SCENARIO SEED: result lines and run files equal
  local a=$1 b=$2 scenario=$3 seed=$4 la lb f
  la=$(head -1 "$out/$a-$scenario-$seed.txt")
  lb=$(head -1 "$out/$b-$scenario-$seed.txt")
  [ -n "$la" ] && [ "$la" = "$lb" ] || { echo "$scenario seed $seed: $a gave '$la', $b '$lb'"; exit 1; }
  local dir  # the run's folder below the mode's: SCENARIO/[VARIANT/]seed-SEED
  dir=$(cd "$out/$a" && find "$scenario" -type d -name "seed-$seed")
  for f in run.log result.txt func_coverage.txt; do
    cmp "$out/$a/$dir/$f" "$out/$b/$dir/$f" ||
      { echo "$scenario seed $seed: $a and $b differ in $f"; exit 1; }
  done
}
count() {  # count SCENARIO SEED: add the skipping run's cycles and skipped cycles
  local line
  line=$(grep -o 'for [0-9]* cycles, [0-9]* skipped' "$out/skip-$1-$2.txt")
  total=$((total + $(echo "$line" | awk '{print $2}')))
  skipped=$((skipped + $(echo "$line" | awk '{print $4}')))
}

for scenario in xfail_dma_lost_irq xfail_irq_lost_pulse irq_coalesce_timer pm_suspend_resume_copy pm_resume_latency \
                platform_power_events fault_irq_delayed fault_memory_stall xfail_hang fault_surprise_removal \
                race_watchdog_completion dma_single_copy dma_smp_submit dma_shared_line \
                tmr_periodic_level tmr_wdog_bark; do
  for seed in 1 2; do
    run skip "$scenario" $seed
    run step "$scenario" $seed --no-idle-skip --two-evals
    same skip step "$scenario" $seed
    case $scenario in xfail_dma_lost_irq | xfail_irq_lost_pulse) count "$scenario" $seed ;; esac
  done
done
# An RTL variant of its own: interrupt lines 3 cycles late (the delay line's quiet terms).
run skip xfail_timing_late_irq 1 --variant slowtiming
run step xfail_timing_late_irq 1 --variant slowtiming --no-idle-skip --two-evals
same skip step xfail_timing_late_irq 1

# The device waits idle through nearly all of a lost interrupt (a stalled memory is no idle
# device: a transaction is outstanding, so the stalls and the hang skip little).
echo "lost interrupts: skipped $skipped of $total cycles"
[ $((skipped * 10)) -gt $((total * 9)) ] || { echo "idle skipping skipped less than 90% of a lost interrupt"; exit 1; }
# switch WHAT SKIPPED ONCE ENV [FLAGS...]: a lost interrupt run with the environment setting
# ENV (or none) and FLAGS; SKIPPED and ONCE say whether its engine line may show skipped and
# single-evaluated cycles.
switch() {
  local what=$1 skipped=$2 once=$3 setting=$4 line
  shift 4
  line=$(env ${setting:+"$setting"} "$tandem" run xfail_dma_lost_irq --seed 1 --out "$out/switch" "$@" |
    grep 'engine:') || true
  [[ $line =~ \ ([0-9]+)\ skipped\ as\ idle,\ ([0-9]+)\ evaluated\ once ]] || { echo "$what: no engine line"; exit 1; }
  [ $((BASH_REMATCH[1] > 0)) = "$skipped" ] || { echo "$what: skipping on=$skipped expected, got: $line"; exit 1; }
  [ $((BASH_REMATCH[2] > 0)) = "$once" ] || { echo "$what: single evaluation on=$once expected, got: $line"; exit 1; }
}
switch "the default" 1 1 ""
switch "--no-idle-skip" 0 1 "" --no-idle-skip
switch "--two-evals" 1 0 "" --two-evals
switch "TANDEM_NO_SKIP=1" 0 1 TANDEM_NO_SKIP=1
switch "TANDEM_TWO_EVALS=1" 1 0 TANDEM_TWO_EVALS=1
grep -q ' 0 evaluated once' "$out/step-dma_single_copy-1.txt" || { echo "the reference runs evaluated once"; exit 1; }
# A copy's cycles are mostly DMA traffic with the CSR port quiet: most are evaluated once.
line=$(grep -o 'for [0-9]* cycles, [0-9]* skipped as idle, [0-9]* evaluated once' "$out/skip-dma_single_copy-1.txt")
cycles=$(echo "$line" | awk '{print $2}')
once=$(echo "$line" | awk '{print $8}')
echo "dma_single_copy: $once of $cycles cycles evaluated once"
[ $((once * 2)) -gt "$cycles" ] || { echo "a copy evaluated less than half of its cycles once"; exit 1; }

# Waves: the trace header carries the date it was written, so compare what follows it.
for scenario in xfail_irq_lost_pulse dma_shared_line; do
  run waves "$scenario" 3 --waves fst
  run waves-step "$scenario" 3 --waves fst --no-idle-skip
  run skip "$scenario" 3
  same skip waves "$scenario" 3
  for mode in waves waves-step; do
    fst2vcd -f "$out/$mode/$scenario/seed-3/waves.fst" | sed -n '/\$timescale/,$p' >"$out/$mode-$scenario.vcd"
  done
  [ -s "$out/waves-$scenario.vcd" ] || { echo "$scenario: no waves written"; exit 1; }
  cmp "$out/waves-$scenario.vcd" "$out/waves-step-$scenario.vcd" || { echo "$scenario: the waves differ"; exit 1; }
done
echo "idle skipping: same verdicts, cycles, logs, coverage and waves as evaluating every cycle"
