#!/usr/bin/env bash
# `tandem explore` end to end: the read-then-clear race of the bug zoo is found, minimized
# to one perturbation (the in-flight descriptor's completion, between the handler's status
# read and the bottom half's second read), and its printed replay command reproduces it;
# the release driver survives a bounded exploration of a racy path, which really explores.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"
mkdir -p "$out"

rc=0
"$tandem" explore xfail_zoo_read_then_clear --jobs 2 --budget 150 --out "$out/race" >"$out/race.txt" || rc=$?
[ "$rc" -eq 1 ] || { echo "explore of the read-then-clear race exited $rc, not 1:"; cat "$out/race.txt"; exit 1; }
group=$(sed -n '/^FAIL completion (/,/^  replay:/p' "$out/race/explore.txt")
[ -n "$group" ] || { echo "no completion failure found:"; cat "$out/race/explore.txt"; exit 1; }
minimized=$(sed -n "s/^  minimized: '\(.*\)'$/\1/p" <<<"$group")
grep -qE '^c0@[0-9]+:done$' <<<"$minimized" ||
  { echo "the minimized schedule is '$minimized', not one done perturbation"; exit 1; }
grep -q '"minimized": "'"$minimized"'"' "$out/race/explore.json" || { echo "explore.json lacks '$minimized'"; exit 1; }

# The replay it prints, without waves, fails the run on completion first (the scenario expects it: PASS).
replay=$(sed -n 's/^  replay:    //p' <<<"$group" | sed 's/ --waves fst//')
[ -n "$replay" ] || { echo "no replay command"; exit 1; }
eval "${replay/#*tandem run/\"$tandem\" run} --no-log --out \"$out/replay\"" >"$out/replay.txt" ||
  { echo "the replay did not reproduce the race:"; cat "$out/replay.txt"; exit 1; }
grep -q 'caught by the completion checker' "$out/replay.txt" || { cat "$out/replay.txt"; exit 1; }

rc=0
"$tandem" explore race_isr_bh --jobs 2 --budget 150 --out "$out/release" >"$out/release.txt" || rc=$?
[ "$rc" -eq 0 ] || { echo "the release driver failed an explored schedule:"; cat "$out/release/explore.txt"; exit 1; }
runs=$(sed -n 's/.*"schedules_run": \([0-9]*\).*/\1/p' "$out/release/explore.json")
[ "$runs" -ge 100 ] || { echo "only $runs schedules explored"; exit 1; }
echo "explore: race found and minimized to $minimized, replayed; release survives $runs schedules"
