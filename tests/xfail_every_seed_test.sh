#!/usr/bin/env bash
# A seeded bug proves its checker only if it is caught on every seed: runs one xfail
# scenario over seeds 1..N and fails on the first seed whose bug went unnoticed.
set -euo pipefail
tandem=$1
out=$2
scenario=$3
seeds=$4
rm -rf "$out"
missed=""
for seed in $(seq 1 "$seeds"); do
  "$tandem" run "$scenario" --seed "$seed" --out "$out" >/dev/null || missed="$missed $seed"
done
[ -z "$missed" ] || { echo "$scenario: the seeded bug went unnoticed on seeds$missed"; exit 1; }
echo "$scenario: the seeded bug caught on all $seeds seeds"
