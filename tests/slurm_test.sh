#!/usr/bin/env bash
# tandem regress --launcher slurm on the single-node cluster (scripts/setup.sh --slurm):
# the same runs give the same report as a local regression (verdicts, cycles, every result
# file); --slurm-args reach sbatch split as a shell splits them; an array task cancelled
# before it ran leaves its runs lost (never passed), and --rerun-failed through Slurm runs
# exactly those again, with the results a local regression has. Exits 77 (skipped) when no
# cluster answers.
set -uo pipefail
if ! timeout 10 sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
  echo "SKIP: no Slurm cluster answers (start one with scripts/setup.sh --slurm)"
  exit 77
fi
tandem=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*" && exit 1; }
rows() {  # the report's table less the wall time and the run's folder: what must not depend on the launcher
  grep '^| ' "$1/latest/report.md" | awk -F' [|] ' '{ $6 = ""; $8 = ""; print }'
}
results() {  # every run's result.txt, by its path in the regression
  (cd "$1/latest" && find . -name result.txt | sort | xargs tail -n +1)
}
runs() {  # the manifest's rows less the header
  tail -n +2 "$1/latest/manifest.tsv"
}
# 10 runs, some failing at the short cycle limit: the same verdicts both ways, not only passes.
what=(irq_mode_level dma_single_copy --seed-list 3,4 --max-cycles 4500 --waves off)

start=$(date +%s.%N)
"$tandem" regress "${what[@]}" --out "$out/local" >"$out/local.txt"
[ $? -eq 1 ] || fail "the local regression should fail some runs: $(cat "$out/local.txt")"
mid=$(date +%s.%N)
"$tandem" regress "${what[@]}" --launcher slurm --runs-per-task 3 --out "$out/slurm" >"$out/slurm.txt"
rc=$?
end=$(date +%s.%N)
[ $rc -eq 1 ] || fail "the Slurm regression exited $rc: $(cat "$out/slurm.txt")"
grep -q '^submitted Slurm job [0-9]*: 10 runs in 4 array tasks of up to 3' "$out/slurm.txt" ||
  fail "not one array job of 4 tasks: $(cat "$out/slurm.txt")"
grep -q '| failed |' "$out/local/latest/report.md" && grep -q '| passed |' "$out/local/latest/report.md" ||
  fail "the setup needs passing and failing runs"
[ "$(rows "$out/local")" == "$(rows "$out/slurm")" ] ||
  fail "the reports differ: $(diff <(rows "$out/local") <(rows "$out/slurm"))"
[ "$(results "$out/local")" == "$(results "$out/slurm")" ] || fail "the runs' result files differ"
[ "$(runs "$out/local")" == "$(runs "$out/slurm")" ] || fail "the manifests differ"

# A held array (through --slurm-args, quoted as in a shell): task 1 is cancelled before it
# runs, then the rest is released.
"$tandem" regress "${what[@]}" --launcher slurm --runs-per-task 3 --out "$out/lost" \
  --slurm-args "--hold --comment 'tandem slurm test'" >"$out/lost.txt" 2>&1 &
pid=$!
id=
for _ in $(seq 100); do
  id=$(sed -n 's/^submitted Slurm job \([0-9]*\):.*/\1/p' "$out/lost.txt")
  [ -n "$id" ] && break
  sleep 0.2
done
[ -n "$id" ] || { kill $pid; fail "no job submitted: $(cat "$out/lost.txt")"; }
comment=$(squeue -h -j "$id" -o '%k' | head -1)
scancel "${id}_1"
scontrol release "$id"
[ "$comment" == "tandem slurm test" ] || fail "--slurm-args did not reach sbatch as one comment: '$comment'"
wait $pid
rc=$?
[ $rc -eq 1 ] || fail "a regression with lost runs exited $rc: $(cat "$out/lost.txt")"
task1=$(tail -n +2 "$out"/lost/latest/slurm-1/task-1.tsv | cut -f1-6)
[ "$(echo "$task1" | wc -l)" -eq 3 ] || fail "task 1 should hold 3 runs: $task1"
[ "$(runs "$out/lost" | grep -P '\tlost$' | cut -f1-6)" == "$task1" ] ||
  fail "the lost runs are not exactly task 1's: $(runs "$out/lost")"
[ "$(grep -c '^| .* | lost | ' "$out/lost/latest/report.md")" -eq 3 ] && grep -q '3 runs lost by the cluster' "$out/lost/latest/report.md" ||
  fail "the report does not say lost"
[ "$(grep -c '^\[[0-9]*/10\] LOST ' "$out/lost.txt")" -eq 3 ] || fail "the progress does not show the lost runs"
[ "$(runs "$out/lost" | grep -vP '\tlost$')" == "$(runs "$out/local" | grep -vFf <(echo "$task1"))" ] ||
  fail "the runs that were not lost differ from the local regression's"

# --rerun-failed through Slurm: exactly the runs that did not pass (lost ones too), as they
# ran, and the lost ones now end as locally.
"$tandem" regress --rerun-failed --launcher slurm --out "$out/lost" >"$out/rerun.txt"
again=$(runs "$out/lost")
expected=$( (runs "$out/local" | grep -vP '\tpassed$' | cut -f1-6; echo "$task1") | sort -u)
[ "$(echo "$again" | cut -f1-6 | sort)" == "$expected" ] || fail "--rerun-failed ran $(echo "$again" | cut -f1-3)"
echo "$again" | grep -qP '\tlost$' && fail "runs were lost again: $again"
for run in $(echo "$task1" | awk '{ print $1 "/" ($2 == "default" ? "" : $2 "/") "seed-" $3 }'); do
  cmp -s "$out/local/latest/$run/result.txt" "$out/lost/latest/$run/result.txt" ||
    fail "the rerun of $run differs from its local run"
done
echo "slurm: 10 runs, local $(awk "BEGIN { print $mid - $start }") s, through Slurm $(awk "BEGIN { print $end - $mid }") s;" \
  "reports equal; a cancelled task's 3 runs lost, then recovered by --rerun-failed"
