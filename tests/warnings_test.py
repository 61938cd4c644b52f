#!/usr/bin/env python3
"""Every translation unit of ours compiles with warnings (-Wall -Wextra), as errors under
TANDEM_WERROR: fails naming each source of the source tree, or variant factory generated from
cmake/TandemVariant.cmake, whose compile command lacks them. Verilator's runtime and the
models it generates are not ours and are not checked.

Usage: warnings_test.py SOURCE_DIR WERROR(ON|OFF) COMPILE_COMMANDS.json...
(a database that does not exist, such as the fuzzers' without clang, is skipped)
"""

import json
import os
import pathlib
import shlex
import sys


def ours(source, build_dirs, name):
    """A file of the source tree outside any build folder, or a generated variant factory."""
    if pathlib.PurePath(name).name.startswith("variant_"):
        return True
    path = pathlib.Path(name)
    return path.is_relative_to(source) and not any(path.is_relative_to(b) for b in build_dirs)


def main(argv):
    if len(argv) < 4 or argv[2] not in ("ON", "OFF"):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    source = pathlib.Path(argv[1]).resolve()
    wanted = {"-Wall", "-Wextra"} | ({"-Werror"} if argv[2] == "ON" else set())
    databases = [pathlib.Path(p) for p in argv[3:] if os.path.exists(p)]
    build_dirs = [db.resolve().parent for db in databases]
    missing, checked = [], 0
    for db in databases:
        for entry in json.loads(db.read_text()):
            name = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
            if not ours(source, build_dirs, name):
                continue
            checked += 1
            flags = set(shlex.split(entry["command"]))
            if not wanted <= flags:
                missing.append(f"{name}: without {' '.join(sorted(wanted - flags))}")
    for m in sorted(missing):
        print(m)
    if missing or checked == 0:
        print(f"warnings: {len(missing)} of {checked} translation units of ours compile without them")
        return 1
    print(f"warnings: {checked} translation units of ours, each with {' '.join(sorted(wanted))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
