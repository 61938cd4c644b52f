#!/usr/bin/env bash
# The timing checker's two device bounds, each proven by its own seeded RTL bug: on the
# slowtiming RTL, xfail_timing_slow_csr and xfail_timing_late_irq are caught first by timing
# on seeds 1..20 within 200,000 cycles, and the first failure is the bound the scenario is
# about (the variant seeds both bugs). On the default RTL the same scenarios stay clean:
# nothing fires, so the RTL, not the scenario, is what timing catches.
set -euo pipefail
tandem=$1
out=$2
rm -rf "$out"

check() {  # check SCENARIO FIRST-FAILURE-TEXT
  local scenario=$1 rule=$2 seed first
  for seed in $(seq 1 20); do
    first=$("$tandem" run "$scenario" --variant slowtiming --seed "$seed" --max-cycles 200000 --no-log \
      --out "$out/bug" | sed -n '2p') || { echo "$scenario seed $seed: timing did not catch the bug first"; exit 1; }
    grep -qF "checker timing: " <<<"$first" && grep -qF "$rule" <<<"$first" ||
      { echo "$scenario seed $seed: the first failure is not its bound: $first"; exit 1; }
  done
  for seed in 1 2 3; do
    verdict=$("$tandem" run "$scenario" --variant default --seed "$seed" --no-log --out "$out/clean" | head -1) || true
    grep -qF "the timing checker missed the seeded bug" <<<"$verdict" ||
      { echo "$scenario seed $seed on the default RTL: $verdict"; exit 1; }
  done
  echo "$scenario: caught first by timing ($rule) on seeds 1..20; clean on the default RTL"
}

check xfail_timing_slow_csr "answered 5 cycles after its handshake (bound 4)"
check xfail_timing_late_irq "3 cycles after its events"
