#!/usr/bin/env bash
# The C++ sources are clang-format clean (.clang-format at the root).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 1; }
bad=$(git ls-files '*.cpp' '*.hpp' | while read -r f; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"
done)
if [ -n "$bad" ]; then
  echo "not clang-format clean (run: clang-format -i FILE):"
  echo "$bad"
  exit 1
fi
echo "clang-format clean"
