#!/usr/bin/env bash
# --waves fst and --waves vcd write real traces of the RTL, and every signal that the
# GTKWave layout in waves/ shows exists in them (a renamed RTL port breaks this test).
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

# The layout's signals: lines that name a trace (tce_top.…), without any bit range.
missing=0
while read -r sig; do
  name=${sig##*.}
  name=${name%%[*}
  if ! grep -qE "\\\$var [a-z]+ [0-9]+ \\S+ ${name}( |\\[)" <<<"$vars"; then
    echo "waves/tce.gtkw shows $sig, which the trace does not have"
    missing=$((missing + 1))
  fi
done < <(grep -E '^tce_top\.' waves/tce.gtkw)
[ "$missing" -eq 0 ] || exit 1
# Each translate filter the layout names is one the build generated.
grep -oE '^\^[0-9]+ \S+' waves/tce.gtkw | while read -r _ path; do
  f="$gen/gtkwave/$(basename "$path")"
  [ -s "$f" ] || { echo "waves/tce.gtkw names filter $path, which the build does not generate"; exit 1; }
done
echo "waves ok: FST and VCD written; every signal of waves/tce.gtkw is in the trace"
