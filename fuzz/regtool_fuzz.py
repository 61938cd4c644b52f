#!/usr/bin/env python3
"""Fuzzes the register-map generator (scripts/regtool.py) on arbitrary TOML: whatever the
description, regtool must generate its artefacts or stop with one line `regtool: ...` (exit
code 1), never a traceback. libFuzzer is for C and C++ and Debian packages no atheris, so
this is a seeded mutation loop of our own: the same seed gives the same inputs.

Each input is a seed description (fuzz/corpus/regtool/*.toml and rtl/tce_regs.toml) mutated
in its structure (a key dropped, a value of another type or out of range, an entry copied)
or in its bytes, written out and given to regtool in this process. A traceback prints the
input's path (kept in the build tree) and fails the run.

Usage: regtool_fuzz.py --replay | [--runs N] [--seconds S] [--seed N] [--out DIR]
"""

import argparse
import contextlib
import copy
import io
import pathlib
import random
import sys
import tempfile
import time
import tomllib
import traceback

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus" / "regtool"
sys.path.insert(0, str(ROOT / "scripts"))
import regtool  # noqa: E402

# Values of every TOML type, and the edges the description's rules care about.
ODD_VALUES = [0, 1, -1, 31, 32, 33, 4095, 4096, 2**31, 2**64, 0.5, True, False, "", "x", "31:0", "0:31", "40",
              "7:", ":", "RW", "W1S", "RO", "CH_CTRL.RESET", "nope.nope", [], [{}], [1, "a"], {}, {"name": "x"}]


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f'"{k}" = {toml_value(x)}' for k, x in v.items()) + "}"


def emit(doc):
    """A document as TOML: one `key = value` line per top-level key, tables inline."""
    return "".join(f'"{k}" = {toml_value(v)}\n' for k, v in doc.items())


def containers(node, out):
    """Every table and array in the document, for the mutations to pick from."""
    if isinstance(node, (dict, list)):
        out.append(node)
        for child in (node.values() if isinstance(node, dict) else node):
            containers(child, out)
    return out


def odd_value(rng):
    return copy.deepcopy(rng.choice(ODD_VALUES))  # a copy: the document never shares (or loops into) it


def mutate_structure(rng, doc):
    for _ in range(rng.randint(1, 4)):
        node = rng.choice(containers(doc, []))
        keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            continue
        key = rng.choice(keys)
        action = rng.randrange(4)
        if action == 0:
            del node[key]
        elif action == 1:
            node[key] = odd_value(rng)
        elif action == 2 and isinstance(node, list):
            node.append(copy.deepcopy(node[key]))
        elif isinstance(node[key], int) and not isinstance(node[key], bool):
            node[key] += rng.choice([-1, 1, 32, 4096, -(2**40)])
        else:
            node[key] = odd_value(rng)
    return emit(doc)


def mutate_bytes(rng, text):
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data) + 1)
        action = rng.randrange(3)
        if action == 0 and at < len(data):
            del data[at:at + rng.randint(1, 16)]
        elif action == 1:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif at < len(data):
            data[at] = rng.choice(b'"[]{}=,.:0123456789\n')
    return bytes(data)


def seeds():
    return [p.read_bytes() for p in sorted(CORPUS.glob("*.toml"))] + [(ROOT / "rtl" / "tce_regs.toml").read_bytes()]


def one_input(rng, seed_texts):
    seed = rng.choice(seed_texts)
    if rng.randrange(4) != 0:
        with contextlib.suppress(tomllib.TOMLDecodeError, UnicodeDecodeError):
            return mutate_structure(rng, tomllib.loads(seed.decode())).encode()
    return mutate_bytes(rng, seed.decode(errors="replace"))


class Coverage:
    """Lines of the generator (regtool.py, regschema.py, regblock.py) run so far: the coverage figure."""

    def __init__(self):
        self.lines = set()
        self.files = {regtool.__file__, regtool.regschema.__file__, regtool.regblock.__file__}

    def tracer(self, frame, event, _arg):
        if frame.f_code.co_filename not in self.files:
            return None
        if event == "line":
            self.lines.add((frame.f_code.co_filename, frame.f_lineno))
        return self.tracer


def check(data, workdir, coverage):
    """Runs regtool on one input; returns None, or the traceback it must not give."""
    desc = workdir / "regs.toml"
    desc.write_bytes(data)
    sys.settrace(coverage.tracer)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            regtool.main(["regtool.py", str(desc), str(workdir / "gen")])
    except SystemExit as stop:
        message = str(stop.code)
        if stop.code != 0 and not (message.startswith("regtool: ") and "\n" not in message):
            return f"stopped with no clear error: {message!r}"
    except Exception:  # noqa: BLE001 - any exception that escapes is the finding
        return traceback.format_exc()
    finally:
        sys.settrace(None)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replay", action="store_true", help="run the corpus once, nothing else")
    parser.add_argument("--runs", type=int, default=0, help="stop after this many inputs (0: no limit)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=pathlib.Path, help="where a failing input is kept (default: a temporary folder)")
    args = parser.parse_args()
    if not args.replay and args.runs == 0 and args.seconds == 0:
        parser.error("give --replay, --runs or --seconds: the fuzz must be bounded")

    rng = random.Random(args.seed)
    seed_texts = seeds()
    coverage = Coverage()
    start = time.monotonic()
    runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        inputs = iter(seed_texts) if args.replay else None
        while True:
            if args.replay:
                data = next(inputs, None)
                if data is None:
                    break
            else:
                if (args.runs and runs >= args.runs) or (args.seconds and time.monotonic() - start >= args.seconds):
                    break
                data = one_input(rng, seed_texts)
            runs += 1
            problem = check(data, work, coverage)
            if problem is not None:
                out = args.out or pathlib.Path(tempfile.mkdtemp(prefix="regtool-fuzz-"))
                out.mkdir(parents=True, exist_ok=True)
                (out / "crash.toml").write_bytes(data)
                print(problem)
                print(f"regtool fuzz: input {runs} (seed {args.seed}) gave a traceback; it is {out / 'crash.toml'}")
                return 1
    elapsed = max(time.monotonic() - start, 1e-9)
    print(f"{'regtool':20s} {runs:10d} execs {runs / elapsed:8.0f} exec/s  "
          f"cov {len(coverage.lines)} lines of the generator")
    return 0


if __name__ == "__main__":
    sys.exit(main())
