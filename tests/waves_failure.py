#!/usr/bin/env python3
"""Checks how a run's waves show its first failure: the run's layout puts GTKWave's marker at
the failure cycle's time (1000 ps a cycle) inside the span it opens on, and the trace's
checker_fail steps from 0 to the checker's id (its name in the translate filter) at that
very time, and never again. For a run that did not fail (CHECKER "-"): no marker, and
checker_fail stays 0.

Usage: waves_failure.py TRACE.vcd RUN.gtkw CHECKER_FILTER.gtkwf CHECKER CYCLE"""
import sys

import vcd

SIGNAL = "tandem.tce_platform_top.checker_fail_i"


def setting(lines, key):
    """The first number of a [key] line."""
    return int(next(l for l in lines if l.startswith(f"[{key}]")).split()[1])


def main(argv):
    if len(argv) != 6:
        vcd.usage(__doc__)
    trace, gtkw, filt, checker, cycle = argv[1], argv[2], argv[3], argv[4], int(argv[5])
    ids = {}
    for line in open(filt):
        if line.strip() and not line.startswith("#"):
            value, name = line.split(None, 1)
            ids[name.strip()] = int(value, 16)
    lines = open(gtkw).read().splitlines()
    marker = int(next(l for l in lines if l.startswith("*")).split()[1])
    start = setting(lines, "timestart")
    seen = vcd.changes(trace, {SIGNAL})
    if SIGNAL not in seen:
        return vcd.finish([f"{SIGNAL} is not in {trace}"], gtkw)
    steps = [(t, v) for t, v in seen[SIGNAL] if v != 0 or t != 0]
    problems = []
    if checker == "-":
        if marker != -1:
            problems.append(f"a run that did not fail has a marker at {marker}")
        if steps:
            problems.append(f"checker_fail changed in a run that did not fail: {steps}")
    else:
        want = cycle * 1000
        if marker != want:
            problems.append(f"the marker is at {marker}, the failure at cycle {cycle} ({want} ps)")
        if not start <= want:
            problems.append(f"the layout opens at {start}, after the failure ({want})")
        # GTKWave opens at 0 instead of [timestart] when the span shown would pass the
        # trace's end; it shows 2^-zoom time units per 200 pixels, and the waves get the
        # window's width less the signal tree, the signal names and 80 pixels of borders.
        zoom = float(next(l for l in lines if l.startswith("*")).split()[0][1:])
        pixels = setting(lines, "size") - setting(lines, "sst_width") - setting(lines, "signals_width") - 80
        shown = 2 ** -zoom * pixels / 200
        if start + shown > vcd.end_of(trace):
            problems.append(f"the span shown, {start} + {shown:.0f}, passes the trace's end {vcd.end_of(trace)}")
        if steps != [(want, ids[checker])]:
            problems.append(f"checker_fail should step to {ids[checker]} ({checker}) at {want} only, it did {steps}")
    return vcd.finish(problems, f"{gtkw}: marker and checker_fail checked for {checker} at cycle {cycle}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
