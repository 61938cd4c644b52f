#!/usr/bin/env python3
"""Checks GTKWave layouts against a VCD trace: every signal a layout shows exists in the
trace by its full name (a bit of a vector, "(k)name", and a regrouped vector,
"#{label} (k)name ...", name vectors of the trace too), and every translate filter it
names exists. With --run, the layouts are a run's own: their filter paths and dumpfile
must be absolute, and the dumpfile must be the trace checked.

Usage: gtkw_signals.py [--run] TRACE.vcd LAYOUT.gtkw..."""
import os
import re
import sys

import vcd


def trace_signals(vcd_path):
    """Full names as GTKWave gives them: scope.name, with the range a vector has."""
    names = set()
    for name, _, rng in vcd.declarations(vcd_path):
        # GTKWave names a 1-bit vector [0:0] as name[0]
        m = re.fullmatch(r"\[(\d+):(\d+)\]", rng)
        if m and m.group(1) == m.group(2):
            rng = f"[{m.group(1)}]"
        names.add(name + rng)
    return names


def signals_of(line):
    """The trace names one layout line shows."""
    line = re.sub(r"^\+\{[^}]*\}\s*", "", line)  # an alias
    if line.startswith("#{"):
        line = line[line.index("}") + 1:]
    return [re.sub(r"^\(\d+\)", "", tok) for tok in line.split()]


def check(layout, have, run, trace):
    problems = []
    for raw in open(layout):
        line = raw.strip()
        if line.startswith("^"):
            path = line.split(None, 1)[1]
            if run and not os.path.isabs(path):
                problems.append(f"{layout}: filter path {path} is not absolute")
            if not os.path.isfile(path):
                problems.append(f"{layout}: translate filter {path} does not exist")
        elif line.startswith("[dumpfile]"):
            path = line.split(None, 1)[1].strip('"')
            if run and not (os.path.isabs(path) and os.path.samefile(path, trace)):
                problems.append(f"{layout}: dumpfile {path} is not the trace {trace} by absolute path")
        elif re.match(r"^(\+\{|#\{|\(\d+\))?[A-Za-z_]\w*\.", line) or line.startswith(("+{", "#{")):
            for name in signals_of(line):
                if name not in have:
                    problems.append(f"{layout}: {name} is not in the trace")
    if run and not any(l.startswith("[dumpfile]") for l in open(layout)):
        problems.append(f"{layout}: names no dumpfile")
    return problems


def main(argv):
    run = "--run" in argv
    args = [a for a in argv[1:] if a != "--run"]
    if len(args) < 2:
        vcd.usage(__doc__)
    trace, layouts = args[0], args[1:]
    have = trace_signals(trace)
    problems = [p for layout in layouts for p in check(layout, have, run, trace)]
    return vcd.finish(problems, f"{len(layouts)} layouts checked against {trace}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
