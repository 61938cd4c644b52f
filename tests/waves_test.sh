#!/usr/bin/env bash
# --waves fst and --waves vcd write real traces of the RTL and the driver's activity, and
# beside them the run's GTKWave layouts (waves.gtkw, waves-<view>.gtkw): every signal they
# and the static layouts (gen/waves/) show exists in the trace, their filters and trace are
# named by absolute path, a failing run's layout opens on the failure with the marker at its
# cycle where checker_fail steps to the checker's id, and every CPU, device and interrupt
# vector of a run is there.
set -euo pipefail
tandem=$1
out=$2
gen=$3  # the build's generated files
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
checker_ids="$gen/gtkwave/tandem_checker.gtkwf"

"$tandem" run dma_single_copy --seed 5 --waves fst --out "$out" | tee "$out/fst-run.txt"
run="$out/dma_single_copy/seed-5"
grep -qF "waves: $run/waves.fst" "$out/fst-run.txt" || { echo "run did not print the FST path"; exit 1; }
grep -qF "gtkw:  $(cd "$run" && pwd)/waves.gtkw" "$out/fst-run.txt" || { echo "run did not print its layout"; exit 1; }
[ -s "$run/waves.fst" ] || { echo "no FST written"; exit 1; }
grep -qF "[dumpfile] \"$(cd "$run" && pwd)/waves.fst\"" "$run/waves.gtkw" || { echo "waves.gtkw does not open the FST"; exit 1; }

"$tandem" run dma_single_copy --seed 5 --waves vcd --out "$out" >/dev/null
vcd="$run/waves.vcd"
[ -s "$vcd" ] || { echo "no VCD written"; exit 1; }
[ ! -e "$run/waves.fst" ] || { echo "a VCD run left an FST behind"; exit 1; }
grep -q 'm_axi_awaddr_o' "$vcd" || { echo "VCD lacks the DMA bus"; exit 1; }
# The static layouts, and the run's own, against the trace; a passing run: no marker.
python3 "$here/gtkw_signals.py" "$vcd" "$gen"/waves/*.gtkw
python3 "$here/gtkw_signals.py" --run "$vcd" "$run"/*.gtkw
[ "$(ls "$run"/*.gtkw | wc -l)" -eq "$(ls "$gen"/waves/*.gtkw | wc -l)" ] || { echo "a view has no run layout"; exit 1; }
python3 "$here/waves_failure.py" "$vcd" "$run/waves.gtkw" "$checker_ids" - 0
"$tandem" run dma_single_copy --seed 5 --out "$out" >/dev/null
[ -z "$(ls "$run" | grep -E 'gtkw|fst|vcd')" ] || { echo "a run without waves left layouts behind"; exit 1; }

# Failing runs: one stopped by the cycle limit (hang), one a seeded bug stops (irq_storm).
failing() {  # scenario seed checker [args]
  local scenario=$1 seed=$2 checker=$3
  shift 3
  local rc=0
  "$tandem" run "$scenario" --seed "$seed" --waves vcd --out "$out" "$@" >"$out/$scenario.txt" || rc=$?
  local cycle
  cycle=$(sed -n "s/^  checker $checker: .*(cycle \([0-9]*\))\$/\1/p" "$out/$scenario.txt" | head -1)
  [ -n "$cycle" ] || { cat "$out/$scenario.txt"; echo "$scenario: no $checker failure (exit $rc)"; exit 1; }
  local dir="$out/$scenario/seed-$seed"
  python3 "$here/gtkw_signals.py" --run "$dir/waves.vcd" "$dir"/*.gtkw
  python3 "$here/waves_failure.py" "$dir/waves.vcd" "$dir/waves.gtkw" "$checker_ids" "$checker" "$cycle"
}
failing dma_single_copy 3 hang --max-cycles 400
failing xfail_irq_storm 1 irq_storm

# Four CPUs: each has its group, and each CPU's HAL calls show in the trace.
"$tandem" run dma_smp4_submit --seed 1 --waves vcd --out "$out" >/dev/null
run="$out/dma_smp4_submit/seed-1"
python3 "$here/gtkw_signals.py" --run "$run/waves.vcd" "$run"/*.gtkw
for k in 0 1 2 3; do
  grep -qx -- "-CPU $k" "$run/waves.gtkw" || { echo "the 4-CPU run's layout lacks CPU $k"; exit 1; }
done
python3 "$here/vcd_toggles.py" "$run/waves.vcd" 10 tandem.tce_platform_top.cpu{0,1,2,3}_hal_call_i

# Two devices: each traced under its own scope, each with its groups, each busy.
"$tandem" run dma_shared_line --seed 1 --waves vcd --out "$out" >/dev/null
run="$out/dma_shared_line/seed-1"
python3 "$here/gtkw_signals.py" --run "$run/waves.vcd" "$run"/*.gtkw
for d in 0 1; do
  grep -qx -- "-DMA engine (device $d)" "$run/waves.gtkw" || { echo "the two-device layout lacks device $d"; exit 1; }
done
python3 "$here/vcd_toggles.py" "$run/waves.vcd" 4 {tandem,tandem_dev1}.tce_platform_top.{s_axil_awvalid_i,m_axi_awvalid_o}

# A TMR beside a TCE: traced under its own scope, its layout group names only its signals,
# and its timer line pulses.
"$tandem" run tmr_periodic_pulse --seed 1 --waves vcd --out "$out" >/dev/null
run="$out/tmr_periodic_pulse/seed-1"
python3 "$here/gtkw_signals.py" --run "$run/waves.vcd" "$run"/*.gtkw
grep -qx -- "-TMR (device 1)" "$run/waves.gtkw" || { echo "the layout lacks the TMR"; exit 1; }
python3 "$here/vcd_toggles.py" "$run/waves.vcd" 4 tandem_dev1.tmr_platform_top.{irq_o,s_axil_awvalid_i}

# Four vectors: one line each.
"$tandem" run irq_mode_level --seed 1 --variant ch4 --waves vcd --out "$out" >/dev/null
run="$out/irq_mode_level/ch4/seed-1"
python3 "$here/gtkw_signals.py" --run "$run/waves.vcd" "$run"/*.gtkw
for v in 0 1 2 3; do
  grep -qE "^\+\{irq_o vec$v\} \($((3 - v))\)tandem\.tce_platform_top\.irq_o\[3:0\]$" "$run/waves.gtkw" ||
    { echo "the ch4 layout has no line for vector $v"; exit 1; }
done
# One channel and one vector: 1-bit vectors, which GTKWave names name[0].
"$tandem" run irq_mode_level --seed 1 --variant ch1 --waves vcd --out "$out" >/dev/null
run="$out/irq_mode_level/ch1/seed-1"
python3 "$here/gtkw_signals.py" --run "$run/waves.vcd" "$run"/*.gtkw
grep -qx "+{irq_o vec0} tandem.tce_platform_top.irq_o\[0\]" "$run/waves.gtkw" || { echo "the ch1 layout has no line for its vector"; exit 1; }

# `make waves` refuses an unknown test or view before anything runs, naming the known ones.
args="$here/../scripts/waves_args.sh"
build=$(dirname "$tandem")
rc=0
"$args" "$build" no_such_test driver 2>"$out/args.txt" || rc=$?
[ "$rc" -eq 2 ] && grep -qx "  dma_single_copy" "$out/args.txt" || { echo "make waves took an unknown test"; exit 1; }
rc=0
"$args" "$build" dma_single_copy no_such_view 2>"$out/args.txt" || rc=$?
[ "$rc" -eq 2 ] && grep -q "The views: .*driver" "$out/args.txt" || { echo "make waves took an unknown view"; exit 1; }
"$args" "$build" dma_single_copy csr || { echo "make waves refused a known test and view"; exit 1; }
echo "waves ok: traces, run layouts opening on the failure, every CPU, device and vector"
