#!/usr/bin/env bash
# tandem regress as a person uses it: each regression in a folder of its own with a
# `latest` link; a printed random seed base that repeats the regression exactly; a wall-time
# limit that kills a run; --fail-fast; --rerun-failed rerunning exactly what did not pass,
# as it ran; waves for the first 3 failing runs of a failure; Ctrl-C stopping the runs and
# writing the partial report (exit 130); a progress line on a terminal, plain lines elsewhere.
# (--junit's file is the report's: here only that regress takes the option.)
set -uo pipefail
tandem=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
fail() {
  echo "FAIL: $*"
  exit 1
}
runs() {  # the manifest's rows less the header: scenario variant seed max_cycles release timeout status
  tail -n +2 "$1/latest/manifest.tsv"
}

# A random seed base, printed, repeats the regression's runs exactly (listed, not run: a
# test's runs take fixed seeds).
"$tandem" regress 'irq_mode_*' --seeds 2 --list >"$out/list.txt" 2>"$out/base.txt" || fail "regress --list failed"
base=$(sed -n 's/^seed base \([0-9]*\): repeat with --seed-base \1$/\1/p' "$out/base.txt")
[ -n "$base" ] || fail "no seed base printed: $(cat "$out/base.txt")"
grep -q " $base\$" "$out/list.txt" && grep -q " $((base + 1))\$" "$out/list.txt" || fail "the seeds are not from base $base"
"$tandem" regress 'irq_mode_*' --seeds 2 --seed-base "$base" --list 2>/dev/null | cmp -s - "$out/list.txt" ||
  fail "--seed-base $base did not repeat the regression's runs"

# A folder per regression, `latest` pointing at the newest; the same seeds, the same runs.
"$tandem" regress dma_single_copy --seed-base 40 --seeds 2 --waves off --out "$out/a" >"$out/a.txt" ||
  fail "regress failed"
first=$(readlink "$out/a/latest")
[[ "$first" == regress-* ]] && [ -f "$out/a/$first/manifest.tsv" ] || fail "no regression folder behind latest"
[ -f "$out/a/$first/dma_single_copy/seed-41/run.log" ] || fail "the runs are not inside the regression's folder"
"$tandem" regress dma_single_copy --seed-base 40 --seeds 2 --waves off --out "$out/a" >"$out/b.txt" ||
  fail "the second regress failed"
second=$(readlink "$out/a/latest")
[ "$second" != "$first" ] && [ -d "$out/a/$first" ] || fail "the second regression overwrote the first"
for f in "$out/a/$first" "$out/a/$second"; do
  grep -h '^cycles=' "$f"/dma_single_copy/seed-*/result.txt
done | sort | uniq -c | awk '$1 != 2 { exit 1 }' || fail "the same seeds gave other cycles"

# The wall-time limit: stress_mix takes seconds; a 1 s limit kills it and says so.
start=$(date +%s)
"$tandem" regress stress_mix --seed-list 2 --timeout 1 --waves off --out "$out/t" >"$out/t.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "a timed-out regression exited $rc"
[ $(($(date +%s) - start)) -le 5 ] || fail "the timed-out run was not stopped at its limit"
grep -q "killed at its wall-time limit" "$out/t.txt" || fail "the timeout is not reported: $(cat "$out/t.txt")"
runs "$out/t" | grep -qP '\ttimed-out$' || fail "the manifest does not record the timeout"

# --fail-fast: one run at a time, the first fails, nothing more starts.
"$tandem" regress irq_mode_level --variant rev1 --seed-list 1,2,3,4 --max-cycles 500 --jobs 1 \
  --fail-fast --waves off --out "$out/ff" >"$out/ff.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "--fail-fast exited $rc"
grep -q "stopped early (--fail-fast)" "$out/ff.txt" || fail "--fail-fast did not say it stopped"
[ "$(runs "$out/ff" | grep -cP '\tnot-run$')" -eq 3 ] || fail "--fail-fast still ran: $(runs "$out/ff")"

# --rerun-failed: exactly the runs that did not pass, with their seeds, variant and limits.
"$tandem" regress irq_mode_level dma_single_copy --variant rev1 --seed-list 3,4 --max-cycles 4500 --waves off \
  --out "$out/rr" >/dev/null
failed=$(runs "$out/rr" | grep -vP '\tpassed$' | cut -f1-6)
[ -n "$failed" ] && [ "$failed" != "$(runs "$out/rr" | cut -f1-6)" ] || fail "the setup needs some runs failing, not all"
"$tandem" regress --rerun-failed --waves off --out "$out/rr" >"$out/rr.txt"
[ "$(runs "$out/rr" | cut -f1-6)" == "$failed" ] || fail "--rerun-failed ran $(runs "$out/rr"), not $failed"

# Waves on failure: 4 runs failing the same way (at the cycle limit), the first 3 rerun with waves.
"$tandem" regress irq_mode_level --variant rev1 --seed-list 1,2,3,4 --max-cycles 500 --out "$out/w" >"$out/w.txt"
[ "$(find "$out/w/latest/" -name waves.fst | wc -l)" -eq 3 ] || fail "not 3 failing runs with waves"
for seed in 1 2 3; do
  [ -s "$out/w/latest/irq_mode_level/rev1/seed-$seed/waves.fst" ] || fail "seed $seed has no waves"
done

# --waves all: every run traced, passing ones too.
"$tandem" regress dma_single_copy --seed-list 1 --waves all --junit "$out/junit.xml" --out "$out/all" >/dev/null ||
  fail "regress --waves all --junit failed"
[ -s "$out/all/latest/dma_single_copy/seed-1/waves.fst" ] || fail "--waves all left no waves for a passing run"

# Ctrl-C: the runs stop at once, the partial report is written, exit code 130.
"$tandem" regress stress_mix --seed-list 1,2,3,4 --jobs 1 --waves off --out "$out/int" >"$out/int.txt" &
pid=$!
sleep 1
kill -INT $pid
start=$(date +%s)
wait $pid
rc=$?
[ "$rc" -eq 130 ] || fail "an interrupted regression exited $rc, not 130"
[ $(($(date +%s) - start)) -le 3 ] || fail "the interrupted runs did not stop at once"
grep -q "stopped early (interrupted)" "$out/int.txt" || fail "the interrupt is not reported"
[ -f "$out/int/latest/report.md" ] || fail "an interrupted regression wrote no report"
[ "$(runs "$out/int" | grep -cP '\tnot-run$')" -ge 3 ] || fail "the interrupted runs were not recorded as not run"
pgrep -f "tandem run stress_mix --seed [1-4] --variant default --max-cycles 30000000 --out $out/int" >/dev/null &&
  fail "a run outlived the interrupted regression"

# Progress: plain lines in a file; one updating line on a terminal.
grep -q '^\[1/2\] PASS dma_single_copy' "$out/b.txt" || fail "no plain progress lines"
script -qec "$tandem regress dma_single_copy --seeds 2 --waves off --out $out/tty" /dev/null >"$out/tty.txt" ||
  fail "regress on a terminal failed"
grep -qP '\r\e\[K\[2/2\] 0 failed, \d+ s elapsed, about \d+ s left' "$out/tty.txt" ||
  fail "no progress line on a terminal: $(cat -v "$out/tty.txt")"
echo "regress: folders and latest, seed base, timeout, fail-fast, rerun-failed, waves on failure, Ctrl-C, progress"
