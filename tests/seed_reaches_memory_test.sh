#!/usr/bin/env bash
# Every random choice of a run derives from its seed: scenarios whose only randomness is the
# memory's back-pressure must take different cycle counts on different seeds, and one seed
# run twice must give the same log.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"

cycles() {  # cycles SCENARIO SEED DIR
  "$tandem" run "$1" --seed "$2" --out "$out/$3" | sed -n 's/.* cycles=\([0-9]*\):.*/\1/p'
}

for scenario in fault_irq_delayed fault_bus_error fault_memory_stall; do
  a=$(cycles $scenario 1 a)
  b=$(cycles $scenario 2 a)
  again=$(cycles $scenario 1 b)
  echo "$scenario: seed 1 $a cycles, seed 2 $b, seed 1 again $again"
  [ -n "$a" ] || { echo "$scenario: no cycle count"; exit 1; }
  [ "$a" != "$b" ] || { echo "$scenario: seeds 1 and 2 took the same $a cycles: the seed does not reach the memory"; exit 1; }
  cmp "$out/a/$scenario/seed-1/run.log" "$out/b/$scenario/seed-1/run.log" ||
    { echo "$scenario: seed 1 twice gave different logs"; exit 1; }
done
echo "the seed reaches the memory's back-pressure, and a seed repeats its run"
