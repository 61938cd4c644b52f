#!/usr/bin/env bash
# Runs the fuzzers.
#   run.sh --replay EXE CORPUS WORK   one libFuzzer target on each input of its corpus, once
#   run.sh --short EXE CORPUS WORK    one libFuzzer target, seeded and bounded (a CTest test)
#   run.sh --all BUILD SECONDS        every target for SECONDS each, with its figures (make fuzz)
# New inputs and crash files go to WORK (in the build tree), never into the checked-in corpus.
# A crash, a leak, a sanitizer finding or an input running over 10 s fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

fuzz_one() {  # EXE CORPUS WORK LOG, then libFuzzer flags
  local exe=$1 corpus=$2 work=$3 log=$4
  shift 4
  mkdir -p "$work"
  "$exe" -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work" "$corpus" \
    >"$log" 2>&1 || { tail -n 60 "$log"; echo "fuzz: $(basename "$exe") failed; its log: $log"; return 1; }
}

# The figures of a finished run: executions, executions per second, and libFuzzer's coverage
# (cov: edges covered, ft: features).
figures() {  # NAME LOG
  local last execs rate
  last=$(grep -E '^#[0-9]+' "$2" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$2")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$2")
  printf '%-20s %10s execs %8s exec/s  cov %-6s ft %s\n' "$1" "$execs" "$rate" \
    "$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")" "$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
}

case "${1:-}" in
  --replay)
    rm -rf "$4.replay"  # an empty folder beside the corpus: only the corpus is run
    fuzz_one "$2" "$3" "$4.replay" "$4.replay.log" -runs=0
    grep -E '^#[0-9]+ +INITED' "$4.replay.log" || true
    ;;
  --short)
    exe=$2 corpus=$3 work=$4
    rm -rf "$work"  # the same seed from the same corpus: the same run every time
    fuzz_one "$exe" "$corpus" "$work" "$work.log" -seed=1 -runs="${FUZZ_RUNS:-1500}" -max_total_time=60
    figures "$(basename "$exe")" "$work.log"
    ;;
  --all)
    build=$2 seconds=$3 failed=0
    for exe in "$build"/fuzz/*_fuzz; do
      [ -x "$exe" ] || continue
      name=$(basename "$exe" _fuzz)
      fuzz_one "$exe" "$here/corpus/$name" "$build/fuzz/work/$name" "$build/fuzz/work/$name.log" \
        -max_total_time="$seconds" || failed=1
      figures "$name" "$build/fuzz/work/$name.log"
    done
    python3 "$here/regtool_fuzz.py" --seconds "$seconds" --seed "${FUZZ_SEED:-1}" || failed=1
    exit $failed
    ;;
  *)
    sed -n '2,6p' "$0"
    exit 2
    ;;
esac
