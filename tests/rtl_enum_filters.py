#!/usr/bin/env python3
"""Every enum the RTL declares (as Verilator elaborates it: verilator --xml-only) has a GTKWave
translate filter that names each of its values, and a static layout that uses the filter.
A filter's name may drop the enum's prefix (ERR_CODE_NONE shows as NONE).

Usage: rtl_enum_filters.py GEN_DIR TOP RTL.sv..."""
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import vcd


def rtl_enums(top, sources):
    """{enum type: {value: item name}}"""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "rtl.xml")
        includes = sorted({f"-I{os.path.dirname(s)}" for s in sources})  # the shared CSR port's
        subprocess.run(["verilator", "--xml-only", "-Wno-fatal", *includes, "--top-module", top, "--Mdir", tmp,
                        "--xml-output", out, *sources], check=True, capture_output=True)
        root = ET.parse(out).getroot()
    enums = {}
    for e in root.iter("enumdtype"):
        items = {}
        for item in e.iter("enumitem"):
            const = item.find("const").get("name")  # 4'h3
            items[int(re.sub(r"^\d*'[sS]?[hH]", "", const), 16)] = item.get("name")
        enums[e.get("name")] = items
    return enums


def filters(gen):
    out = {}
    for path in glob.glob(os.path.join(gen, "gtkwave", "*.gtkwf")):
        values = {}
        for line in open(path):
            if line.strip() and not line.startswith("#"):
                value, name = line.split(None, 1)
                values[int(value, 16)] = name.strip()
        out[path] = values
    return out


def covers(filt, items):
    return all(v in filt and (filt[v] == n or n.endswith("_" + filt[v])) for v, n in items.items())


def main(argv):
    if len(argv) < 4:
        vcd.usage(__doc__)
    gen, top, sources = argv[1], argv[2], argv[3:]
    enums = rtl_enums(top, sources)
    have = filters(gen)
    layouts = "".join(open(p).read() for p in glob.glob(os.path.join(gen, "waves", "*.gtkw")))
    problems = []
    if not enums:
        problems.append("verilator found no enum in the RTL")
    for name, items in sorted(enums.items()):
        found = [p for p, f in have.items() if covers(f, items)]
        if not found:
            problems.append(f"enum {name}: no translate filter names all of {sorted(items.values())}")
        elif not any(p in layouts for p in found):
            problems.append(f"enum {name}: no layout in {gen}/waves uses its filter {found[0]}")
    return vcd.finish(problems, f"{len(enums)} RTL enums checked")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
