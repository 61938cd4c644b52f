#!/usr/bin/env python3
"""Idle skipping: waiting-dominated scenarios run by `tandem run` with idle skipping (the
default) and without it (--no-idle-skip), interleaved, ROUNDS times each, each run a
process of its own. Prints per scenario the CPU time of each mode and the speed-up (no-skip
over skip, within each round) as median, min and max, and the share of cycles skipped;
fails if the two modes ran different cycles or gave different verdicts. Both pay the same
process start-up and platform construction (a few ms, measured in each round as the same
run cut at its 10th cycle): the speed-up of the simulation alone leaves that out.

idle_bench.py TANDEM OUT.json [--rounds N]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from stats import summary

# A lost completion interrupt the driver's watchdog recovers, lost pulses, and a lost
# interrupt with no watchdog at all (the run's cycle limit ends it): the device waits out
# nearly all their cycles. (A stalled memory is no idle device: a transaction is outstanding.)
SCENARIOS = [("xfail_dma_lost_irq", 1), ("xfail_irq_lost_pulse", 1), ("xfail_zoo_no_timeout_lost_irq", 1)]


def cpu_run(args):
    """A process's CPU seconds, exit code and output."""
    env = {k: v for k, v in os.environ.items() if k != "TANDEM_NO_SKIP"}
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    text = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), text


def run(tandem, scenario, seed, out, skip):
    """One run: (CPU seconds, its result line, cycles, cycles skipped)."""
    args = [tandem, "run", scenario, "--seed", str(seed), "--out", out, "--no-log"]
    if not skip:
        args.append("--no-idle-skip")
    cpu, code, text = cpu_run(args)
    result = re.search(r"^(PASS|FAIL) .* cycles=(\d+): .*$", text, re.M)
    skipped = re.search(r"(\d+) skipped as idle", text)
    if code not in (0, 1) or result is None or skipped is None:
        sys.exit(f"idle_bench: {' '.join(args)} exited {code}:\n{text}")
    return cpu, result.group(0), int(result.group(2)), int(skipped.group(1))


def bench(tandem, scenario, seed, out, rounds):
    skip_s, step_s, base_s, ratios, sim_ratios = [], [], [], [], []
    for i in range(rounds):
        base, _, _ = cpu_run([tandem, "run", scenario, "--seed", str(seed), "--out", out, "--no-log", "--max-cycles", "10"])
        modes = (True, False) if i % 2 == 0 else (False, True)  # the order alternates
        got = {skip: run(tandem, scenario, seed, out, skip) for skip in modes}
        (a, line_a, cycles, skipped), (b, line_b, _, _) = got[True], got[False]
        if line_a != line_b:
            sys.exit(f"idle_bench: {scenario}: skipping and evaluating every cycle differ:\n  {line_a}\n  {line_b}")
        skip_s.append(a)
        step_s.append(b)
        base_s.append(base)
        ratios.append(b / max(a, 1e-4))
        sim_ratios.append((b - base) / max(a - base, 1e-4))
    r = {"cycles": cycles, "cycles_identical": True, "skipped_share": round(skipped / cycles, 4),
         "skip_cpu_s": summary(skip_s), "no_skip_cpu_s": summary(step_s), "startup_cpu_s": summary(base_s),
         "speedup": summary(ratios, 2), "sim_speedup": summary(sim_ratios, 2)}
    s, m = r["speedup"], r["sim_speedup"]
    print(f"{scenario} seed {seed}: {cycles} cycles either way (identical), {100 * r['skipped_share']:.1f}% skipped; "
          f"CPU {r['skip_cpu_s']['median']} s skipping, {r['no_skip_cpu_s']['median']} s not; speed-up "
          f"{s['median']}x (min {s['min']}, max {s['max']}), less the start-up ({r['startup_cpu_s']['median']} s) "
          f"{m['median']}x (min {m['min']}, max {m['max']}); {rounds} interleaved rounds")
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tandem")
    ap.add_argument("out_json")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as out:
        for scenario, seed in SCENARIOS:
            figures[scenario] = bench(a.tandem, scenario, seed, out, a.rounds)
    with open(a.out_json, "w") as fh:
        json.dump({"idle_skip": figures}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
