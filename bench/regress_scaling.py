#!/usr/bin/env python3
"""How the regression scales: the same fixed runs with --jobs 1 and --jobs 2.

regress_scaling.py TANDEM OUT.json [--rounds N]

A fixed subset of scenarios and seeds (no random seed base, no waves, no exploration),
each round once with one job and once with two, the order alternating from round to round.
Per job count: wall time and CPU time (of tandem and every run it started), medians with
min and max; the speedup is wall(jobs 1) / wall(jobs 2) within each round. On a machine
that other work shares, the speedup shows that load too: the load average is recorded.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from stats import summary

SCENARIOS = ["dma_*", "irq_mode_*"]
SEEDS = "1,2"


def regress(tandem, jobs, out):
    args = [tandem, "regress", *SCENARIOS, "--seed-list", SEEDS, "--jobs", str(jobs), "--waves", "off",
            "--explore-budget", "0", "--out", out]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True, timeout=1800)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"regress_scaling: {' '.join(args)} exited {r.returncode}:\n{r.stdout[-3000:]}{r.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    runs = sum(1 for line in open(os.path.join(out, "latest", "manifest.tsv"))) - 1
    return wall, cpu, runs



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tandem")
    ap.add_argument("out")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    wall = {1: [], 2: []}
    cpu = {1: [], 2: []}
    load = [os.getloadavg()[0]]
    runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.rounds):
            for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
                w, c, runs = regress(a.tandem, jobs, os.path.join(tmp, f"r{r}-j{jobs}"))
                wall[jobs].append(w)
                cpu[jobs].append(c)
            load.append(os.getloadavg()[0])
    speedup = [w1 / w2 for w1, w2 in zip(wall[1], wall[2])]
    res = {"scenarios": SCENARIOS, "seeds": SEEDS, "runs": runs, "cores": os.cpu_count(),
           "load_average": summary(load, 3),
           "jobs1": {"wall_s": summary(wall[1], 3), "cpu_s": summary(cpu[1], 3)},
           "jobs2": {"wall_s": summary(wall[2], 3), "cpu_s": summary(cpu[2], 3)},
           "speedup": summary(speedup, 3)}
    print(f"regress_scaling: {runs} runs ({' '.join(SCENARIOS)}, seeds {SEEDS}), {a.rounds} rounds, "
          f"load average {res['load_average']['median']}")
    print("\n| jobs | wall s (median) | min | max | CPU s (median) |\n|---:|---:|---:|---:|---:|")
    for j in (1, 2):
        print(f"| {j} | {res[f'jobs{j}']['wall_s']['median']:.2f} | {res[f'jobs{j}']['wall_s']['min']:.2f} | "
              f"{res[f'jobs{j}']['wall_s']['max']:.2f} | {res[f'jobs{j}']['cpu_s']['median']:.2f} |")
    print(f"\nregress_speedup_jobs2 = {res['speedup']['median']:.2f} (min {res['speedup']['min']:.2f}, "
          f"max {res['speedup']['max']:.2f}; goal >= 1.8 on 2 idle cores)")
    with open(a.out, "w") as fh:
        json.dump({"regress_scaling": res}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
