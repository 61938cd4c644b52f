#!/usr/bin/env python3
"""Checks that every signal a GTKWave layout shows exists, by its full path, in a VCD trace,
and that every translate filter it names exists. Usage: gtkw_signals.py TRACE.vcd GEN_DIR LAYOUT.gtkw..."""
import re
import sys


def trace_signals(vcd_path):
    names, scope = set(), []
    with open(vcd_path) as fh:
        for line in fh:
            if line.startswith("$enddefinitions"):
                break
            parts = line.split()
            if parts[:1] == ["$scope"]:
                scope.append(parts[2])
            elif parts[:1] == ["$upscope"]:
                scope.pop()
            elif parts[:1] == ["$var"]:
                names.add(".".join(scope + [parts[4]]))
    return names


def main():
    vcd, gen, layouts = sys.argv[1], sys.argv[2], sys.argv[3:]
    have = trace_signals(vcd)
    problems = []
    for layout in layouts:
        for line in open(layout):
            line = line.strip()
            if line.startswith("^"):
                path = line.split(None, 1)[1]
                actual = path.replace("build/gen", gen, 1)
                try:
                    open(actual).close()
                except OSError:
                    problems.append(f"{layout}: translate filter {path} does not exist")
            elif re.match(r"^[A-Za-z_]\w*\.", line):
                name = re.sub(r"\[[^\]]*\]$", "", line)
                if name not in have:
                    problems.append(f"{layout}: {line} is not in the trace")
    for p in problems:
        print(p)
    print(f"{len(layouts)} layouts checked, {len(problems)} problems")
    return 1 if problems else 0


sys.exit(main())
