#!/usr/bin/env bash
# `make waves` checks its TEST and VIEW here before anything runs: an unknown one is a
# usage error (exit 2) that names the known ones. Usage: waves_args.sh BUILD_DIR TEST VIEW
set -uo pipefail
build=$1 test=$2 view=$3
if ! "$build/tandem" list | cut -d' ' -f1 | grep -qx -- "$test"; then
  echo "make waves: no test named '$test'. The tests:" >&2
  "$build/tandem" list | cut -d' ' -f1 | sed 's/^/  /' >&2
  exit 2
fi
if [ ! -f "$build/gen/waves/$view.gtkw" ]; then
  views=$(cd "$build/gen/waves" && ls -- *.gtkw | sed 's/\.gtkw$//' | tr '\n' ' ')
  echo "make waves: no view named '$view'. The views: $views" >&2
  exit 2
fi
