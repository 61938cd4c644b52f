#!/usr/bin/env bash
# The runner's command line: bad input gets exit code 2 and a message that names the
# problem; nothing runs.
set -uo pipefail
tandem=$1
failures=0

expect() {  # expect CODE MESSAGE-SUBSTRING ARGS...
  local code=$1 text=$2
  shift 2
  local out rc
  out=$("$tandem" "$@" 2>&1)
  rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -qF -- "$text" <<<"$out"; then
    echo "FAIL: tandem $* -> exit $rc (want $code), output:"
    echo "$out" | sed 's/^/    /'
    echo "    (wanted it to say: $text)"
    failures=$((failures + 1))
  else
    echo "ok: tandem $* -> $code"
  fi
}

expect 2 "unknown command 'frobnicate'" frobnicate
expect 2 "no scenario named 'no_such_test'" run no_such_test
expect 2 "'run' needs a scenario name" run
expect 2 "unknown option '--sed' for 'run'" run dma_single_copy --sed 3
expect 2 "'--seed' takes a whole number" run dma_single_copy --seed -4
expect 2 "'--seed' needs a value" run dma_single_copy --seed
expect 2 "'--waves' takes fst, vcd or off, not 'png'" run dma_single_copy --waves png
expect 2 "'--max-cycles' takes a whole number from 1" run dma_single_copy --max-cycles 0
expect 2 "'--seeds' takes a whole number" regress --seeds many
expect 2 "unknown option '--seed' for 'regress'" regress --seed 1
expect 2 "no scenario named 'nope'" regress --only nope
expect 2 "no RTL variant named 'rev9' (known: default" run dma_single_copy --variant rev9
expect 2 "no RTL variant named 'x'" regress --variant x
expect 2 "'explore' needs a scenario name" explore
expect 2 "no scenario named 'nope'" explore nope
expect 2 "'--budget' takes a number of runs or of seconds (e.g. 500 or 30s), not '5m'" explore race_isr_submit --budget 5m
expect 2 "'--bound' takes a whole number from 1 to 8" explore race_isr_submit --bound 0
expect 2 "unknown option '--bound' for 'run'" run race_isr_submit --bound 2
expect 0 "tandem run NAME" help
expect 0 "[variants: default,rev1,ch1,ch4]" list
expect 0 "PASS irq_mode_level variant=ch1 seed=3" run irq_mode_level --variant ch1 --seed 3
expect 1 "--seed 2 --variant rev1 --waves fst" run irq_mode_level --variant rev1 --seed 2 --max-cycles 500
expect 0 "dma_single_copy" list
expect 0 '| `hang` | the run reaches its cycle limit | `xfail_hang`' checkers
expect 2 "unknown option '--no-log' for 'regress'" regress --no-log
expect 2 "bad '--schedule': unknown perturbation kind 'nap'" run dma_single_copy --schedule 'c0@3:nap'
expect 2 "bad '--schedule': two perturbations at one boundary" run dma_single_copy --schedule 'c0@3:irq,c0@3:done'
expect 2 "'--schedule' needs a value" run dma_single_copy --schedule
expect 2 "unknown option '--schedule' for 'regress'" regress --schedule c0@1:irq
expect 1 "--waves fst --schedule 'c0@2:irq,c0@30:done'" run irq_mode_level --seed 2 --max-cycles 500 --schedule 'c0@30:done, c0@2:irq'

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
