#!/usr/bin/env bash
# A run that crashes (the bug zoo's retire_drops_request: the bottom half completes a null
# request) leaves what a person needs: exit code 4, the signal named, a backtrace naming the
# driver function that faulted, and its run log up to the crash (the same lines as the
# release driver's run of that seed up to there); a regression records it as crashed, with
# its signal, and goes on.
set -uo pipefail
tandem=$1
out=$2
rm -rf "$out"
scenario=xfail_zoo_retire_drops_request
fail() {
  echo "FAIL: $*"
  exit 1
}

"$tandem" run $scenario --seed 3 --out "$out/crash" >"$out.stdout" 2>"$out.stderr"
rc=$?
[ "$rc" -eq 4 ] || fail "a crashed run exited $rc, not 4"
grep -q "crashed on SIGSEGV" "$out.stderr" || fail "no signal named: $(cat "$out.stderr")"
grep -q "tce::TceDevice::retire_locked" "$out.stderr" || fail "the backtrace does not name the driver function"
log=$out/crash/$scenario/seed-3/run.log
lines=$(wc -l <"$log")
[ "$lines" -gt 5 ] || fail "the run log holds $lines lines: it was not flushed at the crash"
"$tandem" run $scenario --seed 3 --release-driver --out "$out/release" >/dev/null || fail "the release driver fails"
head -n "$lines" "$out/release/$scenario/seed-3/run.log" | cmp -s - "$log" ||
  fail "the crashed run's log is not the run up to the crash"

"$tandem" regress $scenario dma_single_copy --seed-list 3 --waves off --out "$out/regress" >"$out.regress" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "a regression with a crashed run exited $rc, not 1"
grep -q "FAIL $scenario variant=default seed=3 .*crashed on SIGSEGV" "$out.regress" ||
  fail "the regression does not name the crash: $(cat "$out.regress")"
grep -q "PASS dma_single_copy" "$out.regress" || fail "the regression stopped at the crash"
grep -qP "^$scenario\tdefault\t3\t.*\tcrashed$" "$out/regress/latest/manifest.tsv" || fail "the manifest has no crashed run"
grep -q "tce::TceDevice::retire_locked" "$out/regress/latest/$scenario/seed-3/stdout.txt" ||
  fail "the regression's run kept no backtrace"
echo "a crash: exit code 4, SIGSEGV named, backtrace in the driver, log up to the crash; regress records it"
