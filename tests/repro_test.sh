#!/usr/bin/env bash
# The command a regression prints for a failing run reproduces it: run as printed, it ends
# with the same verdict at the same cycle, and leaves its waves. The run fails only because
# of a non-default --max-cycles, so a command that dropped it would pass instead.
set -uo pipefail
tandem=$1
out=$2
rm -rf "$out"
fail() {
  echo "FAIL: $*"
  exit 1
}

"$tandem" regress irq_mode_level --variant rev1 --seed-list 4 --max-cycles 4500 --waves off --out "$out" \
  >"$out.txt" 2>&1
[ $? -eq 1 ] || fail "the run was meant to fail at 4500 cycles: $(cat "$out.txt")"
result=$out/latest/irq_mode_level/rev1/seed-4/result.txt
cycles=$(sed -n 's/^cycles=//p' "$result")
verdict=$(sed -n 's/^verdict=//p' "$result")
[ "$cycles" = 4500 ] || fail "the run ended at $cycles cycles, not at its limit of 4500"
# What the run printed as its rerun command, and the same in the regression's report.
repro=$(sed -n 's/^  rerun: //p' "$out/latest/irq_mode_level/rev1/seed-4/stdout.txt")
[ -n "$repro" ] || fail "the failing run printed no rerun command"
grep -qF -- "$repro" "$out/latest/report.md" || fail "the report does not carry the run's command: $repro"

eval "$repro --out '$out/again'" >"$out.again" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "the printed command ($repro) exited $rc, not 1 as the run did"
head -1 "$out.again" | grep -qF "FAIL irq_mode_level variant=rev1 seed=4 cycles=$cycles: $verdict" ||
  fail "the printed command ($repro) did not reproduce '$cycles cycles: $verdict': $(head -1 "$out.again")"
[ -s "$out/again/irq_mode_level/rev1/seed-4/waves.fst" ] || fail "the printed command left no waves"
echo "the printed command reproduces: $cycles cycles, $verdict"
