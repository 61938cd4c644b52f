#!/usr/bin/env python3
"""Fails unless each named signal of a VCD trace changes value at least MIN times after
time 0: a signal that only exists proves nothing about what was traced.

Usage: vcd_toggles.py TRACE.vcd MIN SIGNAL..."""
import sys

import vcd


def main(argv):
    if len(argv) < 4:
        vcd.usage(__doc__)
    trace, least, wanted = argv[1], int(argv[2]), argv[3:]
    seen = vcd.changes(trace, set(wanted))
    problems = [f"{n}: not in the trace" for n in wanted if n not in seen]
    problems += [f"{n}: {len(c)} changes, fewer than {least}" for n, c in seen.items()
                 if len([t for t, _ in c if t > 0]) < least]
    return vcd.finish(problems, f"{len(wanted)} signals of {trace} checked for activity")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
