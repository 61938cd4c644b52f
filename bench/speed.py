#!/usr/bin/env python3
"""Speed of every loop around the TCE on the same copy workload, side by side.

speed.py BIN_DIR OUT.json [--rounds N] [--bytes N] [--copies N] [--check]

Runs copy_bench's variants and pin_sc_bench (BIN_DIR) once per round each, in an order
that rotates from round to round (so that a change in the machine's load hits every
variant alike), and reports cycles per CPU second: per variant the median, min and max
over the rounds, and each ratio to the lean loop computed within a round (adjacent runs)
and then summarised the same way. The variants run the same traffic: their cycle counts
must be equal, or the comparison is void and this exits 1. --check runs one round on a
small copy and checks only that (a fast test of the benchmark's plumbing).

--pgo-bin DIR (or TANDEM_PGO_BIN, which `make bench PGO=1` sets) adds the engine of a
profile-guided build (scripts/pgo_build.sh, trained on interrupt and power scenarios, not on
copies) as one more variant, engine_pgo, and the ratio pgo_engine_vs_engine.
"""
import argparse
import json
import os
import subprocess
import sys

from stats import summary

VARIANTS = ["lean", "lean_notrace", "harness", "engine", "lean_two_evals", "engine_two_evals", "engine_fst", "pin_sc"]
# Ratios printed, each against a baseline in the same round: (name, variant, baseline, what).
RATIOS = [
    ("engine_vs_lean", "engine", "lean", "the SystemC engine over the lean loop (goal >= 0.90)"),
    ("harness_vs_lean", "harness", "lean", "DeviceHarness in a plain loop over the lean loop"),
    ("engine_vs_engine_two_evals", "engine", "engine_two_evals",
     "the engine evaluating the edge alone in quiet cycles over evaluating twice"),
    ("lean_vs_lean_two_evals", "lean", "lean_two_evals", "the same, for the lean loop"),
    ("engine_fst_vs_lean", "engine_fst", "lean", "the engine writing FST waves over the lean loop"),
    ("trace_off_vs_notrace", "lean", "lean_notrace", "tracing compiled in and off over not compiled (lean loop)"),
    ("pin_sc_vs_lean", "pin_sc", "lean_notrace", "pin-level SystemC over the lean loop (both without tracing)"),
]


def run(bin_dir, variant, args, fst, pgo_bin=None):
    if variant == "pin_sc":
        exe = [os.path.join(bin_dir, "pin_sc_bench")]
    elif variant == "engine_pgo":
        exe = [os.path.join(pgo_bin, "copy_bench"), "engine"]
    else:
        exe = [os.path.join(bin_dir, "copy_bench"), variant]
    extra = ["--fst", fst] if variant == "engine_fst" else []
    out = subprocess.run(exe + args + extra, capture_output=True, text=True, timeout=600)
    line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "{}"
    result = json.loads(line)
    if out.returncode != 0 or not result.get("ok"):
        sys.exit(f"speed: {variant} failed (exit {out.returncode}): {out.stdout}{out.stderr}")
    return result



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin_dir")
    ap.add_argument("out")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--bytes", type=int, default=1 << 20)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--pgo-bin", default=os.environ.get("TANDEM_PGO_BIN") or None,
                    help="the bench folder of a PGO build: adds engine_pgo")
    a = ap.parse_args()
    variants, ratios = list(VARIANTS), list(RATIOS)
    if a.pgo_bin:
        if not os.path.isfile(os.path.join(a.pgo_bin, "copy_bench")):
            sys.exit(f"speed: --pgo-bin {a.pgo_bin}: no copy_bench there (make bench PGO=1 builds it)")
        variants.append("engine_pgo")
        ratios.append(("pgo_engine_vs_engine", "engine_pgo", "engine",
                       "the engine built with gcc PGO over the same engine without"))
    if a.check:
        a.rounds, a.bytes, a.copies = 1, 16384, 2
    args = ["--bytes", str(a.bytes), "--copies", str(a.copies)]
    fst = os.path.join(os.path.dirname(os.path.abspath(a.out)), "speed.fst")
    rounds = []
    for r in range(a.rounds):
        order = variants[r % len(variants):] + variants[:r % len(variants)]
        rounds.append({v: run(a.bin_dir, v, args, fst, a.pgo_bin) for v in order})
    cycles = {v: rounds[0][v]["cycles"] for v in variants}
    if any(rr[v]["cycles"] != rr["lean"]["cycles"] for rr in rounds for v in variants):
        sys.exit(f"speed: the variants ran different cycle counts, not the same traffic: {cycles}")
    print(f"speed: {a.copies} copies of {a.bytes} bytes, {cycles['lean']} cycles on every variant")
    if a.check:
        return
    rate = {v: [rr[v]["cycles"] / rr[v]["cpu_s"] for rr in rounds] for v in variants}
    results = {"workload": {"bytes": a.bytes, "copies": a.copies, "cycles": cycles["lean"], "rounds": a.rounds,
                            "load_before": os.getloadavg()[0]},
               "cycles_per_s": {v: summary(rate[v]) for v in variants}}
    print(f"\n| variant | M cycles/s (median) | min | max |\n|---|---:|---:|---:|")
    for v in variants:
        s = summary([x / 1e6 for x in rate[v]])
        print(f"| {v} | {s['median']:.2f} | {s['min']:.2f} | {s['max']:.2f} |")
    print()
    for name, v, base, what in ratios:
        s = summary([x / y for x, y in zip(rate[v], rate[base])])
        results[name] = s
        print(f"{name} = {s['median']:.3f} (min {s['min']:.3f}, max {s['max']:.3f}): {what}")
    results["workload"]["load_after"] = os.getloadavg()[0]
    with open(a.out, "w") as fh:
        json.dump({"speed": results}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
