#!/usr/bin/env python3
"""GTKWave translate filters for the enums the RTL declares itself (typedef enum in a module
or package): one file <module>_<type>.gtkwf per enum, each value shown by its name. The
register map's enums get theirs from regtool.py.

Usage: rtl_enums.py OUT_DIR RTL.sv..."""
import pathlib
import re
import sys

ENUM = re.compile(r"typedef\s+enum\s+(?:logic|bit)?\s*(?:\[\s*(\d+)\s*:\s*0\s*\])?\s*\{([^}]*)\}\s*(\w+)\s*;", re.S)
UNIT = re.compile(r"^\s*(?:module|package)\s+(\w+)", re.M)


def value_of(text):
    """An SV integer literal: 5, 4'd5, 'h5, 4'b0101."""
    m = re.fullmatch(r"(?:\d+)?'([sS]?)([dDhHbBoO])([0-9a-fA-F_]+)", text)
    if not m:
        return int(text.replace("_", ""))
    base = {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(2).lower()]
    return int(m.group(3).replace("_", ""), base)


def enums_of(text):
    """(type name, width, [(value, name)]) for every typedef enum in one source."""
    text = re.sub(r"//[^\n]*", "", text)
    for m in ENUM.finditer(text):
        width = int(m.group(1)) + 1 if m.group(1) else 32
        items, nxt = [], 0
        for item in filter(None, (i.strip() for i in m.group(2).split(","))):
            name, _, val = (p.strip() for p in item.partition("="))
            nxt = value_of(val) if val else nxt
            items.append((nxt, name))
            nxt += 1
        yield m.group(3), width, items


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    out = pathlib.Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for src in map(pathlib.Path, argv[2:]):
        text = src.read_text()
        unit = UNIT.search(text)
        for typename, width, items in enums_of(text):
            digits = (width + 3) // 4
            lines = [f"# Generated from rtl/{src.name} ({typename}) by scripts/rtl_enums.py - do not edit."]
            lines += [f"{value:0{digits}X} {name}" for value, name in items]
            path = out / f"{unit.group(1) if unit else src.stem}_{typename}.gtkwf"
            text_out = "\n".join(lines) + "\n"
            if not path.exists() or path.read_text() != text_out:
                path.write_text(text_out)


if __name__ == "__main__":
    main(sys.argv)
