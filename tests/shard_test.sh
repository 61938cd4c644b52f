#!/usr/bin/env bash
# --shard I/N splits a regression's runs (scenario x variant x seed): the shards together
# are the whole regression, no run in two; and a run's shard depends on the run alone, not on
# which other runs are listed or in which order the names come.
set -euo pipefail
tandem=$1
fail() {
  echo "FAIL: $*"
  exit 1
}
plan() { "$tandem" regress --list --seed-base 100 --seeds 3 "$@" | sort; }

whole=$(plan)
[ "$(wc -l <<<"$whole")" -gt 100 ] || fail "the regression lists too few runs to split"
for n in 2 3 7; do
  shards=$(for i in $(seq 1 "$n"); do plan --shard "$i/$n"; done | sort)
  [ "$shards" == "$whole" ] || fail "the $n shards together are not the whole regression (or overlap)"
  for i in $(seq 1 "$n"); do
    [ -n "$(plan --shard "$i/$n")" ] || fail "shard $i/$n is empty"
  done
done
# The same runs, named in another order and among fewer others, fall in the same shards.
part=$(plan --shard 2/7 'irq_*' dma_single_copy)
[ "$part" == "$(plan --shard 2/7 dma_single_copy 'irq_*')" ] || fail "the order of the names moved runs between shards"
[ "$part" == "$(grep -E '^(irq_|dma_single_copy )' <<<"$(plan --shard 2/7)")" ] ||
  fail "a run's shard depends on the other runs listed"
echo "shards: a partition of $(wc -l <<<"$whole") runs, stable"
