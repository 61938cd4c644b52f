#!/usr/bin/env bash
# Static analysis of the C++ of ours: clang-tidy (checks in .clang-tidy) and cppcheck over
# every translation unit of ours that a build compiles (driver/, sim/, testbench/, rtl/,
# bench/, fuzz/, devices/, examples/, tests/), with the flags of the compile database; never
# Verilator's output, never build/. Exits 1 on any finding of either.
#   scripts/lint_cpp.sh BUILD_DIR [JOBS]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR [JOBS]}" && pwd)
jobs=${2:-$(nproc)}
ours="$src/(driver|sim|testbench|rtl|bench|fuzz|devices|examples|tests)/"

# One database of our translation units: the main build's and the fuzzers' (a clang sub-build
# of its own), each file once.
db=$build/lint
mkdir -p "$db"
python3 - "$ours" "$db/compile_commands.json" "$build/compile_commands.json" "$build/fuzz/compile_commands.json" <<'EOF'
import json, os, re, sys
ours, out, inputs = re.compile(sys.argv[1]), sys.argv[2], sys.argv[3:]
seen, kept = set(), []
for path in inputs:
    if not os.path.exists(path):
        continue
    for entry in json.load(open(path)):
        name = os.path.join(entry["directory"], entry["file"])
        if ours.match(name) and name not in seen:
            seen.add(name)
            kept.append(entry)
json.dump(kept, open(out, "w"), indent=1)
print(f"lint: {len(kept)} translation units of ours")
EOF

status=0
start=$(date +%s)
echo "lint: clang-tidy (.clang-tidy), $jobs jobs"
# run-clang-tidy exits non-zero when any file has a finding (WarningsAsErrors in .clang-tidy).
# Its output is coloured whatever it writes to; the log keeps it plain.
tidy=0
run-clang-tidy -quiet -j "$jobs" -p "$db" -header-filter="^$ours" >"$db/clang-tidy.raw" 2>&1 || tidy=1
sed 's/\x1b\[[0-9;]*m//g' "$db/clang-tidy.raw" >"$db/clang-tidy.log"
if [ $tidy -ne 0 ]; then
  status=1
  grep -E '(warning|error):' "$db/clang-tidy.log" | sort -u || tail -n 20 "$db/clang-tidy.log"
fi
echo "lint: clang-tidy took $(($(date +%s) - start)) s (log: $db/clang-tidy.log)"

start=$(date +%s)
echo "lint: cppcheck, $jobs jobs"
# Findings in headers of ours count, none in system and third-party headers (SystemC,
# Verilator, fmt, doctest) or generated ones. syntaxError and internalAstError are cppcheck
# failing to parse, not findings: doctest's TEST_CASE macros are none of its libraries, and
# the compiler is the judge of syntax. Its style checks are left out: they flag taste.
cppcheck --project="$db/compile_commands.json" -j "$jobs" --quiet --error-exitcode=1 --inline-suppr \
  --enable=warning,performance,portability --std=c++17 --template=gcc \
  --suppress=missingIncludeSystem --suppress='*:/usr/*' --suppress="*:$build/*" \
  --suppress=syntaxError --suppress=internalAstError \
  --cppcheck-build-dir="$db" >"$db/cppcheck.log" 2>&1 || status=1
cat "$db/cppcheck.log"
echo "lint: cppcheck took $(($(date +%s) - start)) s"
exit $status
