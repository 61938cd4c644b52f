#!/usr/bin/env bash
# driver/ (and each device's driver under devices/) is portable: it includes nothing of SystemC
# or Verilator, and it and its unit tests build alone (CMake's TANDEM_DRIVER_ONLY) with -Wall
# -Wextra -Werror, and pass.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
if grep -rnE '#include\s*[<"](systemc|tlm|verilated|sysc/|V[a-z_]+\.h)' driver/ devices/*/driver/; then
  echo "driver/ includes a SystemC or Verilator header"
  exit 1
fi
cmake -S . -B "$out" -G Ninja -DTANDEM_DRIVER_ONLY=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out"
grep -q 'Werror' "$out/compile_commands.json" || { echo "the driver was not built with -Werror"; exit 1; }
if grep -qiE 'systemc|verilat' "$out/compile_commands.json"; then
  echo "the driver-only build still compiles something of SystemC or Verilator"
  exit 1
fi
"$out/driver/driver_tests"
"$out/devices/tmr/driver/tmr_driver_tests"
echo "driver/ builds alone and its tests pass"
