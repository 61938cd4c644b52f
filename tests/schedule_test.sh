#!/usr/bin/env bash
# Boundaries and schedules (tandem run --record-boundaries / --schedule): the record is
# deterministic and its state digest follows the state; each perturbation kind, where it
# applies, changes the run the way it promises while the release driver passes; one that
# does not apply changes nothing; a replayed schedule gives the same run again. Boundaries
# are picked from the scenarios' own records, so the test follows the driver as it changes.
set -uo pipefail
tandem=$1
out=$2
rm -rf "$out"
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run NAME DIR SEED ARGS...: a run into $out/DIR; its folder in $dir, its first line in $line
run() {
  local name=$1 where=$2 seed=$3
  shift 3
  line=$("$tandem" run "$name" --seed "$seed" --out "$out/$where" "$@" | head -1)
  dir="$out/$where/$name/seed-$seed"
}
# field FILE CPU K KEY: the value of KEY on boundary (CPU, K)
field() { awk -v c="c$2" -v k="$3" -v key="$4" '$1 == c && $2 == k { for (i = 3; i <= NF; ++i) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }' "$1"; }
# result DIR: what became of the one perturbation of a run
result() { sed -n 's/^perturbation=[^ ]* //p' "$1/result.txt"; }
cycles() { sed -n 's/^cycles=//p' "$1/result.txt"; }

# The record: one line per boundary, the same on every run.
run dma_single_copy rec1 3 --record-boundaries
rec="$dir/boundaries.txt"
run dma_single_copy rec2 3 --record-boundaries
cmp -s "$rec" "$dir/boundaries.txt" || fail "two runs recorded different boundaries"
grep -Eqv '^c[0-9]+ [0-9]+ cycle=[0-9]+ call=[a-z_0-9]+ target=[^ ]+ ctx=(process|isr|bh|idle) irqs=[01] inflight=[01] pm=[01] sb=[01] state=[0-9a-f]{16}$' "$rec" &&
  fail "a boundary line is not in the recorded format"
base_cycles=$(cycles "$dir")
# The digest: a call that changes nothing (cancelling no timer) leaves it, a register write
# that enables interrupts changes it.
same=$(awk '$4 == "call=cancel_timer" { k = $2; s = $NF } $2 == k + 1 && k != "" { print (s == $NF); k = "" }' "$rec" | sort -u | tr -d '\n')
[[ "$same" == *1* ]] || fail "no boundary pair around a call with no effect kept its state digest"
k=$(awk '$4 == "call=write32" && $5 == "target=IRQ_ENABLE" { print $2; exit }' "$rec")
[ "$(field "$rec" 0 "$k" state)" != "$(field "$rec" 0 $((k + 1)) state)" ] ||
  fail "the write of IRQ_ENABLE (c0 $k) did not change the state digest"

# done: held until the descriptor in flight ends, so it has ended by the next boundary.
k=$(awk '$8 == "inflight=1" { if (prev == 1) { print $2 - 1; exit } prev = 1; next } { prev = 0 }' "$rec")
[ "$(field "$rec" 0 $((k + 1)) inflight)" = 1 ] || fail "no boundary pair with a descriptor in flight"
run dma_single_copy done 3 --record-boundaries --schedule "c0@$k:done"
[ "$(result "$dir")" = applied ] || fail "c0@$k:done was $(result "$dir")"
[ "$(field "$dir/boundaries.txt" 0 $((k + 1)) inflight)" = 0 ] || fail "c0@$k:done: the descriptor was still in flight after the hold"
[[ "$line" == PASS* ]] || fail "c0@$k:done: $line"

# error: the descriptor ends in error, which the driver reports and the scenario accepts.
run dma_single_copy error 3 --schedule "c0@$k:error"
[ "$(result "$dir")" = applied ] || fail "c0@$k:error was $(result "$dir")"
grep -q "descriptor failed with error" "$dir/run.log" || fail "c0@$k:error: no descriptor failed"
grep -q "descriptor failed with error" "$out/rec1/dma_single_copy/seed-3/run.log" && fail "a descriptor failed without a schedule"
[[ "$line" == PASS* ]] || fail "c0@$k:error: $line"

# An inapplicable perturbation (pm with no power transition) changes nothing.
run dma_single_copy inapplicable 3 --schedule "c0@$k:pm"
[ "$(result "$dir")" = inapplicable ] || fail "c0@$k:pm was $(result "$dir")"
[ "$(cycles "$dir")" = "$base_cycles" ] || fail "an inapplicable perturbation changed the cycles"
run dma_single_copy unreached 3 --schedule "c0@100000:irq"
[ "$(result "$dir")" = unreached ] || fail "c0@100000:irq was $(result "$dir")"

# pm: held until the wake-up ends (PM_DONE), so the next boundary sees none in progress.
run pm_resume_latency pmrec 1 --record-boundaries
k=$(awk '$9 == "pm=1" { if (prev == 1) { print $2 - 1; exit } prev = 1; next } { prev = 0 }' "$dir/boundaries.txt")
[ -n "$k" ] || fail "no boundary pair inside a power transition"
run pm_resume_latency pm 1 --record-boundaries --schedule "c0@$k:pm"
[ "$(result "$dir")" = applied ] || fail "c0@$k:pm was $(result "$dir")"
[ "$(field "$dir/boundaries.txt" 0 $((k + 1)) pm)" = 0 ] || fail "c0@$k:pm: the transition was still in progress after the hold"

# irq: at a process boundary with interrupts on, a descriptor in flight and no handler
# next, the CPU waits for the interrupt and takes it there: the next boundary is the handler's.
run dma_smp_submit smprec 1 --record-boundaries
smp="$dir/boundaries.txt"
k=$(awk '$1 == "c0" && $7 == "irqs=1" && $6 == "ctx=process" && $8 == "inflight=1" { k = $2; next } $1 == "c0" && k != "" { if ($6 == "ctx=process") { print k; exit } k = "" }' "$smp")
run dma_smp_submit irq 1 --record-boundaries --schedule "c0@$k:irq"
[ "$(result "$dir")" = applied ] || fail "c0@$k:irq was $(result "$dir")"
[ "$(field "$dir/boundaries.txt" 0 $((k + 1)) ctx)" = isr ] || fail "c0@$k:irq: the next call was not the handler's"
[[ "$line" == PASS* ]] || fail "c0@$k:irq: $line"

# first: CPU 1's next call returns before CPU 0's call k: CPU 1 reaches the boundary after
# that call before CPU 0 reaches k + 1 (in the record without the schedule it did not).
read -r k n < <(awk '$1 == "c1" { n = $2 } $1 == "c0" && n >= 6 && !seen { seen = 1; k = $2; want = n + 2 } $1 == "c0" && seen && $2 == k + 1 { print k, want; exit }' "$smp")
order() { awk -v a="$2" -v b="$3" '$1" "$2 == a { print "a"; exit } $1" "$2 == b { print "b"; exit }' "$1"; }
[ "$(order "$smp" "c0 $((k + 1))" "c1 $n")" = a ] || fail "cpu1's call $n was before c0 $((k + 1)) without a schedule"
run dma_smp_submit first 1 --record-boundaries --schedule "c0@$k:first"
[ "$(result "$dir")" = applied ] || fail "c0@$k:first was $(result "$dir")"
[ "$(order "$dir/boundaries.txt" "c0 $((k + 1))" "c1 $n")" = b ] || fail "c0@$k:first: cpu1's call did not come first"
[[ "$line" == PASS* ]] || fail "c0@$k:first: $line"
first=$k

# first where CPU 1's next call is a lock CPU 0 holds (c0 in a locked section): CPU 1 spins
# on CPU 0, so the hold ends as CPU 1 queues for the lock instead of expiring.
k=$(awk '$1 == "c0" && $6 == "ctx=process" && $7 == "irqs=0" && $4 != "call=unlock_irqrestore" { k = $2; next }
         $1 == "c1" && k != "" { if ($4 == "call=lock_irqsave") { print k; exit } k = "" }' "$smp")
[ -n "$k" ] || fail "no boundary of cpu0 in a locked section before cpu1's lock"
run dma_smp_submit first-spin 1 --schedule "c0@$k:first"
[ "$(result "$dir")" = applied ] || fail "c0@$k:first (cpu1 spins on cpu0) was $(result "$dir"), not applied"
held=$(sed -n "s/.*schedule: c0@$k:first applied (held \([0-9]*\) cycles).*/\1/p" "$dir/run.log")
[ -n "$held" ] && [ "$held" -lt 1000 ] || fail "c0@$k:first held cpu0 ${held:-?} cycles while cpu1 spun on its lock"
[[ "$line" == PASS* ]] || fail "c0@$k:first (cpu1 spins on cpu0): $line"

# A hold that expires is a CPU slow for 200,000 cycles, with interrupts off here: the
# checkers' time bounds do not count it, and the release driver still passes. CPU 0 waits
# for CPU 1's next call while CPU 1 waits for the completions CPU 0's bottom half brings.
# while_c1_waits CTX: the first boundary of CPU 0 in context CTX with interrupts off while
# CPU 1 waits in wait_until
while_c1_waits() {
  awk -v ctx="ctx=$1" '
    FNR == NR { if ($1 == "c1") { split($3, c, "="); cyc[n++] = c[2]; call[n - 1] = $4 } next }
    $1 == "c0" && $6 == ctx && $7 == "irqs=0" { split($3, c, "=");
      for (i = 0; i + 1 < n; ++i) if (call[i] == "call=wait_until" && cyc[i] < c[2] && c[2] < cyc[i + 1]) { print $2; exit } }' "$smp" "$smp"
}
for ctx in bh isr; do  # held with its line unserved (lost_irq, irq_contract); in a handler (timing)
  k=$(while_c1_waits $ctx)
  [ -n "$k" ] || fail "no $ctx boundary of cpu0 while cpu1 waits"
  run dma_smp_submit "expired-$ctx" 1 --schedule "c0@$k:first"
  [ "$(result "$dir")" = expired ] || fail "c0@$k:first was $(result "$dir"), not expired"
  [[ "$line" == PASS* ]] || fail "c0@$k:first (expired, $ctx): $line"
done

# drain: a driver without barriers whose writes drain within 4 cycles passes a plain run;
# held in the store buffer through the doorbell's call, they reach memory after the device
# fetched the descriptor, and desc_ownership catches the missing barrier.
run race_missing_barrier hidden 1 --record-boundaries
[[ "$line" == PASS* ]] || fail "race_missing_barrier failed without a schedule: $line"
k=$(awk '$4 == "call=write32" && $5 ~ /^target=RING_TAIL/ { print $2; exit }' "$dir/boundaries.txt")
[ "$(field "$dir/boundaries.txt" 0 "$k" sb)" = 1 ] || fail "the doorbell's boundary c0 $k shows no buffered write"
# drain applies only where the store buffer holds writes (sb=1); elsewhere it is inapplicable.
k0=$(awk '$1 == "c0" && $10 == "sb=0" { print $2; exit }' "$dir/boundaries.txt")
run race_missing_barrier drain-empty 1 --schedule "c0@$k0:drain"
[ "$(result "$dir")" = inapplicable ] || fail "c0@$k0:drain (sb=0) was $(result "$dir"), not inapplicable"
run race_missing_barrier drain 1 --schedule "c0@$k:drain"
[ "$(result "$dir")" = applied ] || fail "c0@$k:drain was $(result "$dir")"
[[ "$line" == *"FAIL race_missing_barrier"*"desc_ownership"* ]] || fail "c0@$k:drain did not expose the missing barrier: $line"
# ... while the release driver, which has its barriers, passes with it.
k=$(awk '$1 == "c1" && $4 == "call=sync_for_device" { print $2; exit }' "$smp")
run dma_smp_submit drain 1 --schedule "c1@$k:drain"
[ "$(result "$dir")" = applied ] || fail "c1@$k:drain was $(result "$dir")"
[[ "$line" == PASS* ]] || fail "c1@$k:drain: $line"

# Replay: the same schedule again gives the same run, to the log.
run dma_smp_submit first2 1 --record-boundaries --schedule "c0@$first:first"
for f in run.log result.txt boundaries.txt; do
  cmp -s "$out/first/dma_smp_submit/seed-1/$f" "$dir/$f" || fail "a replayed schedule gave another $f"
done
grep -q "^schedule=c0@$first:first$" "$dir/result.txt" || fail "result.txt does not name the schedule"

[ "$failures" -eq 0 ] || { echo "$failures schedule check(s) failed"; exit 1; }
echo "schedule checks passed"
