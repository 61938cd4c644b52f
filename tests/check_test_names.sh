#!/usr/bin/env bash
# CTest splits a test name at ';' into tests that run nothing and pass: forbid it.
set -euo pipefail
bad=$(grep -rnE '(TEST_CASE|SUBCASE)\("[^"]*;' --include='*.cpp' driver sim testbench rtl bench tests devices examples || true)
if [ -n "$bad" ]; then
  echo "test names must not contain ';':"
  echo "$bad"
  exit 1
fi
echo "no test name contains ';'"
