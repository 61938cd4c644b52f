#!/usr/bin/env bash
# The RTL coverage pipeline of a coverage build (-DTANDEM_COVERAGE=ON): each run writes its
# coverage.dat, tandem regress merges them into rtl-coverage/ (merged.dat, annotated sources,
# a summary per module), and its report carries the table. A copy covers lines of the DMA
# writer; a regression that adds the error paths covers more of the DMA engine than the copy
# alone (the merge adds what each run covered).
# Usage: rtl_coverage_test.sh TANDEM OUTDIR
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
unset TANDEM_COVERAGE_DIR
fail() { echo "FAIL: $*"; exit 1; }
regress() {  # NAME OUT SCENARIOS...
  local dir=$1
  shift
  "$tandem" regress "$@" --seeds 1 --seed-base 3 --jobs 2 --explore-budget 0 --waves off --out "$dir" >"$dir.log" 2>&1 ||
    fail "tandem regress $* (see $dir.log)"
}
# Lines hit of a module in a regression's summary.
lines_hit() { awk -v m="$2" '$1 == m { print $2 }' "$1/latest/rtl-coverage/summary.tsv"; }

mkdir -p "$out"
regress "$out/copy" dma_single_copy
regress "$out/both" dma_single_copy error_recovery --variant default
copy=$out/copy/latest
[ -s "$copy/dma_single_copy/seed-3/coverage.dat" ] || fail "the run wrote no coverage.dat"
for f in merged.dat summary.tsv summary.md annotated/tce_dma.sv; do
  [ -s "$copy/rtl-coverage/$f" ] || fail "rtl-coverage/$f is missing"
done
writer=$(lines_hit "$out/copy" tce_dma_writer)
[ "${writer:-0}" -gt 0 ] || fail "a copy covered no line of tce_dma_writer"
one=$(lines_hit "$out/copy" tce_dma)
two=$(lines_hit "$out/both" tce_dma)
[ "$two" -gt "$one" ] || fail "the error paths added no line of tce_dma ($one, then $two)"
grep -q '| tce_dma |' "$copy/report.md" || fail "report.md has no RTL coverage table"
grep -q '"module":"tce_dma"' "$copy/results.json" ||
  fail "results.json has no RTL coverage"
echo "passed: tce_dma_writer $writer lines; tce_dma $one lines from a copy, $two with the error paths"
