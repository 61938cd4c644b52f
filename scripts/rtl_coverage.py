#!/usr/bin/env python3
"""Merges the RTL coverage of a regression and summarizes it per module.

    rtl_coverage.py OUT DIR...

Finds every coverage*.dat under each DIR (a regression's run folders, the RTL tests' folder),
merges them with `verilator_coverage --write OUT/merged.dat`, annotates the sources into
OUT/annotated/ (`verilator_coverage --annotate`), and writes:

  OUT/summary.tsv    module, lines hit, lines, toggles hit, toggles (one row per RTL module)
  OUT/summary.md     the same as a table, the total over rtl/, and every line not covered
                     with the waiver that explains it (rtl/coverage_waivers.tsv) or none

A source line counts as covered when a line-coverage point spanning it counted at least
once; a toggle point (one bit of one signal) when it changed; both in any instance of any
RTL variant (the hierarchy is left out of the key). Only modules of rtl/ (and the register
block generated from rtl/tce_regs.toml) count: the simulator's wrapper does not.
"""
import collections
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WAIVERS = ROOT / "rtl" / "coverage_waivers.tsv"


def fail(msg):
    print(f"rtl_coverage.py: {msg}", file=sys.stderr)
    sys.exit(1)


def find_dat(dirs):
    found = []
    for d in dirs:
        for dirpath, _, files in os.walk(d):
            found += [os.path.join(dirpath, f) for f in files if f.startswith("coverage") and f.endswith(".dat")]
    return sorted(found)


def points(merged):
    """Yields (keys, count) for each point of a coverage.dat."""
    with open(merged, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("C '"):
                continue
            body, _, count = line.rstrip("\n").rpartition("' ")
            keys = {}
            for item in body[3:].split("\x01"):
                if "\x02" in item:
                    k, v = item.split("\x02", 1)
                    keys[k] = v
            yield keys, int(count)


def lines_of(keys):
    spec = keys.get("S") or keys.get("l", "")
    out = set()
    for part in filter(None, spec.split(",")):
        lo, _, hi = part.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


def rtl_file(path):
    p = pathlib.PurePath(path)
    return p.parent.name == "rtl" or p.name == "tce_reg_block.sv"


def load_waivers():
    waivers = {}
    if not WAIVERS.exists():
        return waivers
    for raw in WAIVERS.read_text().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        where, _, reason = raw.partition("\t")
        waivers[where.strip()] = reason.strip()
    return waivers


def summarize(merged):
    line_hits = collections.defaultdict(int)  # (module, file, line) -> count
    toggles = collections.defaultdict(int)    # (module, signal bit) -> count
    for keys, count in points(merged):
        page, fname = keys.get("page", ""), keys.get("f", "")
        kind, _, module = page.partition("/")
        module = module.split("__")[0]  # tce_reg_block__NB2_N2: one module, whatever its parameters
        if not rtl_file(fname):
            continue
        if kind in ("v_line", "v_branch"):  # blocks and if/else/case arms
            for n in lines_of(keys):
                line_hits[(module, os.path.basename(fname), n)] += count
        elif kind == "v_toggle":
            toggles[(module, keys.get("o", ""))] += count
    modules = sorted({m for m, _, _ in line_hits} | {m for m, _ in toggles})
    rows = []
    for m in modules:
        lines = [c for (mod, _, _), c in line_hits.items() if mod == m]
        tog = [c for (mod, _), c in toggles.items() if mod == m]
        rows.append((m, sum(1 for c in lines if c), len(lines), sum(1 for c in tog if c), len(tog)))
    missed = sorted((f, n, m) for (m, f, n), c in line_hits.items() if c == 0)
    return rows, missed


def pct(hit, total):
    return 100.0 * hit / total if total else 100.0


def main(argv):
    if len(argv) < 3:
        fail("usage: rtl_coverage.py OUT DIR...")
    out = pathlib.Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    dat = [f for f in find_dat(argv[2:]) if not f.startswith(str(out))]
    if not dat:
        fail("no coverage*.dat under " + " ".join(argv[2:]) + " (is this a coverage build?)")
    merged = out / "merged.dat"
    # verilator_coverage takes the files on its command line: merge in slices, then the slices.
    parts = []
    for i in range(0, len(dat), 200):
        part = out / f"part-{i // 200}.dat"
        subprocess.run(["verilator_coverage", "--write", str(part)] + dat[i:i + 200], check=True)
        parts.append(str(part))
    subprocess.run(["verilator_coverage", "--write", str(merged)] + parts, check=True)
    for p in parts:
        os.remove(p)
    subprocess.run(["verilator_coverage", "--annotate", str(out / "annotated"), "--annotate-min", "1", str(merged)],
                   check=True, stdout=subprocess.DEVNULL)
    rows, missed = summarize(merged)
    waivers = load_waivers()
    with open(out / "summary.tsv", "w") as f:
        f.write("module\tline_hit\tline_total\ttoggle_hit\ttoggle_total\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    lh, lt = sum(r[1] for r in rows), sum(r[2] for r in rows)
    th, tt = sum(r[3] for r in rows), sum(r[4] for r in rows)
    waived = sum(1 for f, n, _ in missed if f"{f}:{n}" in waivers)
    md = [f"# RTL coverage: {len(dat)} coverage files merged", "",
          "| module | lines | line % | toggles | toggle % |", "|---|---:|---:|---:|---:|"]
    md += [f"| {m} | {a}/{b} | {pct(a, b):.1f} | {c}/{d} | {pct(c, d):.1f} |" for m, a, b, c, d in rows]
    md += [f"| **rtl/** | {lh}/{lt} | {pct(lh, lt):.1f} | {th}/{tt} | {pct(th, tt):.1f} |", "",
           f"Lines not covered: {len(missed)}, {waived} of them waived (rtl/coverage_waivers.tsv); "
           f"line coverage counting waived lines as explained: {pct(lh + waived, lt):.1f} %", ""]
    for f, n, m in missed:
        md.append(f"- {f}:{n} ({m}): " + (("waived: " + waivers[f"{f}:{n}"]) if f"{f}:{n}" in waivers else "NOT EXPLAINED"))
    (out / "summary.md").write_text("\n".join(md) + "\n")
    print("\n".join(md[:len(rows) + 6]))


if __name__ == "__main__":
    main(sys.argv)
