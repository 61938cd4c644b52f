#!/usr/bin/env bash
# --waves fst and --waves vcd write real traces of the RTL and the driver's activity, and
# every signal the GTKWave layouts in waves/ show exists in them (a renamed port breaks this).
set -euo pipefail
tandem=$1
out=$2
gen=$3  # the build's generated files
rm -rf "$out"
mkdir -p "$out"

"$tandem" run dma_single_copy --seed 5 --waves fst --out "$out" | tee "$out/fst-run.txt"
fst="$out/dma_single_copy/seed-5/waves.fst"
grep -qF "waves: $fst" "$out/fst-run.txt" || { echo "run did not print the FST path"; exit 1; }
[ -s "$fst" ] || { echo "no FST written"; exit 1; }
vars=$(fst2vcd -f "$fst" | grep '\$var')

"$tandem" run dma_single_copy --seed 5 --waves vcd --out "$out" >/dev/null
vcd="$out/dma_single_copy/seed-5/waves.vcd"
[ -s "$vcd" ] || { echo "no VCD written"; exit 1; }
[ ! -e "$fst" ] || { echo "a VCD run left an FST behind"; exit 1; }
grep -q 'm_axi_awaddr_o' "$vcd" || { echo "VCD lacks the DMA bus"; exit 1; }

# Every signal of every layout in waves/ exists in the trace by its full path, and every
# translate filter a layout names exists.
python3 tests/gtkw_signals.py "$vcd" "$gen" waves/*.gtkw
echo "waves ok: FST and VCD written; every layout shows only signals the trace has"
