#!/usr/bin/env python3
"""The functional coverage model follows the register description, and a regression merges it.

Reads rtl/tce_regs.toml itself (not the generated header) and expects a register bin for
every field element and every access its type allows, and none else: a field added to the
description without bins in the model fails here. Runs a small regression of two scenarios
over two seeds (on each of their RTL variants) and checks that its merged func_coverage.txt counts the bins each run wrote
(the sum over the run folders), that results.json and report.md carry the coverage table,
and that bins a copy must hit are hit.

Usage: func_coverage_test.py TANDEM TOML OUTDIR
"""

import collections
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

TANDEM, TOML, OUT = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
    print(("ok:   " if ok else "FAIL: ") + what)


def expected_register_bins(desc):
    reads, writes = {"RW", "RO", "W1C", "RC"}, {"RW", "W1C", "W1S", "WO"}
    bins = set()
    for reg in desc["register"]:
        for field in reg["fields"]:
            access = field.get("access", reg["access"])
            count = field.get("count", 1)
            names = [field["name"]] if count == 1 else [f"{field['name']}[{i}]" for i in range(count)]
            for name in names:
                if access in reads:
                    bins.add(f"register/{reg['name']}.{name}:read")
                if access in writes:
                    bins.add(f"register/{reg['name']}.{name}:write")
    return bins


def read_counts(path):
    counts = collections.Counter()
    for line in path.read_text().splitlines():
        key, n = line.split()
        counts[key] += int(n)
    return counts


desc = tomllib.loads(TOML.read_text())
shutil.rmtree(OUT, ignore_errors=True)
cmd = [TANDEM, "regress", "dma_single_copy", "error_recovery", "--seeds", "2", "--seed-base", "5", "--jobs", "2",
       "--explore-budget", "0", "--waves", "off", "--out", str(OUT)]
rc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(rc.returncode == 0, f"the regression passed ({rc.returncode})")
reg = (OUT / "latest").resolve()
merged = read_counts(reg / "func_coverage.txt")

registers = {k for k in merged if k.startswith("register/")}
want = expected_register_bins(desc)
check(registers == want, f"one register bin per field element and allowed access ({len(want)})")
for missing in sorted(want - registers)[:10]:
    print("  not in the model:", missing)
for extra in sorted(registers - want)[:10]:
    print("  not in the description:", extra)
codes = [v["name"] for v in desc["enum"]["err_code"]["values"] if v["value"] != 0]
check(all(f"error/{c}:raised" in merged and f"error/{c}:recovered" in merged for c in codes),
      "a raised and a recovered bin for every error code of the description")

runs = collections.Counter()
run_files = list(reg.rglob("seed-*/func_coverage.txt"))
for f in run_files:
    runs.update(read_counts(f))
planned = len((reg / "manifest.tsv").read_text().splitlines()) - 1
check(len(run_files) == planned, f"every run wrote its bins ({len(run_files)} of {planned})")
check(all(merged[k] == runs[k] for k in merged) and all(k in merged for k in runs),
      "the merged counts are the sums of the runs' counts")
for key in ("register/RING_TAIL.INDEX:write", "register/CTRL.ENABLE:write", "quirk/rev2_no_quirks",
            "irq_cause/CH_DONE:level"):
    check(merged[key] > 0, f"{key} is hit by a copy")
check(any(merged[f"error/{c}:raised"] > 0 for c in codes), "error_recovery raises an error code")

results = json.loads((reg / "results.json").read_text())
groups = {g["group"]: g for g in results["coverage"]["functional"]}
check(set(groups) == {"register", "irq_cause", "error", "power", "quirk"}, "results.json has every group")
check(groups["register"]["total"] == len(want), "results.json counts the register bins")
hit = sum(1 for k in want if merged[k] > 0)
check(groups["register"]["hit"] == hit, f"results.json's register bins hit match the merge ({hit})")
check(len(groups["register"]["missed"]) == len(want) - hit, "every register bin missed is listed")
md = (reg / "report.md").read_text()
check("## Coverage" in md and "| register |" in md, "report.md has the coverage table")
html = (reg / "report.html").read_text()
check("<h2>Coverage</h2>" in html and "<svg" in html.split("<h2>Coverage</h2>")[1], "report.html has the chart")

print("FAILED: " + "; ".join(failures) if failures else "passed")
sys.exit(1 if failures else 0)
