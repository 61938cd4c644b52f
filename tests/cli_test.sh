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
expect 2 "no scenario named 'nope' (see" regress --only nope
expect 2 "no RTL variant named 'rev9' (known: default" run dma_single_copy --variant rev9
expect 2 "no RTL variant named 'x'" regress --variant x
# A variant of another device kind than the scenario's is refused before it runs.
expect 2 "scenario 'dma_single_copy' runs on a tce; RTL variant 'tmr' is a tmr" run dma_single_copy --variant tmr
expect 2 "runs on devices of its own (tce 'default', tmr 'tmr'); RTL variant 'rev1' is a tce and none of them" run tmr_periodic_level --variant rev1
expect 2 "'explore' needs a scenario name" explore
expect 2 "no scenario named 'nope'" explore nope
expect 2 "'--budget' takes a number of runs or of seconds (e.g. 500 or 30s), not '5m'" explore race_isr_submit --budget 5m
expect 2 "'--bound' takes a whole number from 1 to 8" explore race_isr_submit --bound 0
expect 2 "unknown option '--bound' for 'run'" run race_isr_submit --bound 2
expect 0 "tandem run NAME" help
expect 0 "[variants: default,rev1,ch1,ch4]" list
expect 0 "PASS irq_mode_level variant=ch1 seed=3" run irq_mode_level --variant ch1 --seed 3
expect 1 "--seed 2 --variant rev1 --max-cycles 500 --waves fst" run irq_mode_level --variant rev1 --seed 2 --max-cycles 500
expect 0 "dma_single_copy" list
expect 0 '| `hang` | the run reaches its cycle limit | `xfail_hang`' checkers
expect 2 "unknown option '--no-log' for 'regress'" regress --no-log
expect 2 "bad '--schedule': unknown perturbation kind 'nap'" run dma_single_copy --schedule 'c0@3:nap'
expect 2 "bad '--schedule': two perturbations at one boundary" run dma_single_copy --schedule 'c0@3:irq,c0@3:done'
expect 2 "'--schedule' needs a value" run dma_single_copy --schedule
expect 2 "unknown option '--schedule' for 'regress'" regress --schedule c0@1:irq
expect 1 "--schedule 'c0@2:irq,c0@30:done' --waves fst" run irq_mode_level --seed 2 --max-cycles 500 --schedule 'c0@30:done, c0@2:irq'

# Names and globs, several per command; "did you mean" for a near miss.
expect 2 "no scenario named 'dma_singel_copy': did you mean 'dma_single_copy'?" run dma_singel_copy
expect 2 "no scenario named 'irq_mode_levle': did you mean 'irq_mode_level'?" regress irq_mode_levle --list
expect 2 "no scenario named 'zzz_*' (see 'tandem list')" run 'zzz_*'
expect 2 "every scenario named is excluded" run 'dma_single*' --exclude 'dma_*'
expect 2 "'--exclude' needs a value" regress --exclude
expect 0 "tandem run: 2 runs, 2 passed, 0 failed" run 'irq_mode_lev*' dma_single_copy --seed 3 --variant ch1 --no-log
expect 0 "PASS irq_mode_level variant=ch1 seed=3" run 'irq_mode_lev*' dma_single_copy --seed 3 --variant ch1 --no-log
expect 4 "tandem run: 2 runs, 1 passed, 1 failed" run dma_single_copy xfail_zoo_retire_drops_request --seed 3 --no-log
expect 0 "irq_mode_pulse default 5" regress 'irq_mode_*' --exclude '*level*' --seed-base 5 --seeds 1 --list
expect 0 "dma_single_copy default 1" regress --only dma_single_copy --seed-base 1 --seeds 1 --list
# Seeds.
expect 0 "PASS dma_single_copy seed=6" run dma_single_copy --seed 5 --seeds 2 --no-log
expect 0 "PASS dma_single_copy seed=9" run dma_single_copy --seed-list 4,9 --no-log
expect 0 "dma_single_copy default 12" regress dma_single_copy --seed-list 11,12 --list
expect 2 "'--seed-list' takes whole numbers separated by commas, not '4,x'" run dma_single_copy --seed-list 4,x
expect 2 "'--seed-list' names every seed" run dma_single_copy --seed-list 4 --seed 2
expect 2 "'--seed-list' names every seed" regress --seed-list 4 --seed-base 2
expect 2 "'--seed-base' takes a whole number" regress --seed-base x
expect 2 "'--seeds' takes a whole number from 1" run dma_single_copy --seeds 0
# Limits and the rest of regress's options.
expect 2 "'--timeout' takes a whole number from 1" regress --timeout 0
expect 2 "'--max-cycles' takes a whole number from 1" regress --max-cycles x
expect 2 "'--shard' takes I/N with 1 <= I <= N" regress --shard 3/2
expect 2 "'--shard' takes I/N" regress --shard 1
expect 2 "'--waves' takes on-fail, all or off, not 'fst'" regress --waves fst
expect 2 "'--junit' needs a value" regress --junit
expect 2 "'--rerun-failed' reruns the last regression's runs as they were" regress --rerun-failed dma_single_copy
empty=$(mktemp -d)
expect 2 "'--rerun-failed' found no regression to rerun" regress --rerun-failed --out "$empty"
rmdir "$empty"
expect 2 "unknown option '--fail-fast' for 'run'" run dma_single_copy --fail-fast
expect 2 "unknown option '--list' for 'run'" run dma_single_copy --list
# Launchers: Slurm's options only with it; --slurm-args split as a shell would.
expect 2 "'--launcher' takes local or slurm, not 'lsf'" regress --launcher lsf
expect 2 "are for '--launcher slurm'" regress --partition debug --list
expect 2 "'--slurm-args': a single quote is not closed" regress --launcher slurm --slurm-args "--comment 'x"
expect 2 "'--runs-per-task' takes a whole number from 1" regress --launcher slurm --runs-per-task 0
expect 2 "'batch' takes one manifest file" batch
expect 3 "is not a readable manifest" batch /nonexistent/task-0.tsv
# Help of each command, the version.
expect 0 "--seed-list A,B,C" run --help
expect 0 "--shard I/N" regress --help
expect 0 "--launcher local|slurm" regress --help
expect 0 "what a Slurm array task runs" batch --help
expect 0 "130 interrupted" regress -h
expect 0 "4 crashed" help
expect 0 "tandem " --version

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
