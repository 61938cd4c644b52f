#!/bin/sh
# A profile-guided build (make PGO=1) in the build folder $1: instrumented build, training
# runs, then the optimised build in the same folder. Training is a regression subset (every
# irq_* and pm_* scenario, two seeds): the benchmarks measure copies (bench/copy_bench), so
# the profile is not fitted to what is measured. Once done, later calls only rebuild.
set -eu
build=$1
jobs=${2:-2}
if [ -f "$build/pgo-trained" ]; then
  exec cmake --build "$build" -j "$jobs"
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTANDEM_PGO=generate
cmake --build "$build" -j "$jobs"
find "$build" -name '*.gcda' -delete
"$build/tandem" regress 'irq_*' 'pm_*' --seed-list 1,2 --jobs "$jobs" --waves off --explore-budget 0 \
  --out "$build/pgo-training" >/dev/null || true  # a failing run trains as well as a passing one
rm -rf "$build/pgo-training"
cmake -S . -B "$build" -DTANDEM_PGO=use
cmake --build "$build" -j "$jobs"
touch "$build/pgo-trained"
