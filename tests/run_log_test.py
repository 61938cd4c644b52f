#!/usr/bin/env python3
"""What run.log shows at each --log level, judged against what the log itself says.

At debug: every DMA burst lies inside a mapping of its device that is live at its cycle
(rounded out to whole 8-byte beats, as the bus moves them), the one descriptor of a single
copy decodes to the length the scenario asked for and to the addresses it mapped, and in a
two-device run every device line names its device. At info: no bursts, descriptors or
mappings. At error: a handful of lines, the verdict among them, also for a long run; a
checker's failure is kept. A TMR beside a TCE: each device's accesses name the registers
of its own kind's map. The same seed gives the same log at debug and trace. A bad level
is a usage error that lists the levels.

Usage: run_log_test.py TANDEM OUTDIR
"""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

TANDEM, OUT = sys.argv[1], Path(sys.argv[2])
ROOT = Path(__file__).resolve().parent.parent
# Each device kind's register description: its registers' names and its ID register's value.
MAPS = {"tce": ROOT / "rtl" / "tce_regs.toml", "tmr": ROOT / "devices" / "tmr" / "tmr_regs.toml"}

LINE = re.compile(r"^\s*(\d+) (.{12}) (.*)$")
BURST = re.compile(r"^dev(\d+) ch(\d+) (read|write) +0x([0-9a-f]+) (\d+) beats (\d+) B (\w+)$")
DESC = re.compile(r"^dev(\d+) ch(\d+) descriptor slot (\d+) at 0x([0-9a-f]+): src 0x([0-9a-f]+) "
                  r"dst 0x([0-9a-f]+) len (\d+) ctrl 0x([0-9a-f]{8}) \(([^)]*)\)$")
MAPPING = re.compile(r"^dev(\d+) (dma_map|dma_alloc|dma_unmap|dma_free) 0x([0-9a-f]+) (\d+) B (\w+)$")
CSR = re.compile(r"^dev(\d+) (read32|write32) ")
CSR_NAME = re.compile(r"^dev(\d+) (read32|write32) +([A-Za-z0-9_x]+)(?:\[\d+\])? ")

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
    print(("ok:   " if ok else "FAIL: ") + what)


def run(name, seed, level, out, *extra):
    """Runs one scenario; returns (exit code, stdout+stderr, the log's parsed lines or None)."""
    args = [TANDEM, "run", name, "--seed", str(seed), "--out", str(out), *extra]
    if level is not None:
        args += ["--log", level]
    p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    path = out / name / f"seed-{seed}" / "run.log"
    lines = None
    if path.exists():
        lines = []
        for raw in path.read_text().splitlines():
            m = LINE.match(raw)
            if m is None:
                check(False, f"{name} {level}: a line of the log has the form cycle, who, text: {raw!r}")
                continue
            lines.append((int(m.group(1)), m.group(2).strip(), m.group(3)))
    return p.returncode, p.stdout + p.stderr, lines


def parsed(lines, pattern):
    return [(cycle, who, m) for cycle, who, text in lines for m in [pattern.match(text)] if m]


def live_mappings(lines):
    """Per mapping line: (device, first, end, mapped at, unmapped at or None), beat-rounded."""
    maps = []
    for cycle, _, m in parsed(lines, MAPPING):
        dev, call, bus, length = int(m.group(1)), m.group(2), int(m.group(3), 16), int(m.group(4))
        if call in ("dma_map", "dma_alloc"):
            maps.append([dev, bus & ~7, (bus + length + 7) & ~7, cycle, None, bus, length])
        else:
            for mp in maps:
                if mp[0] == dev and mp[5] == bus and mp[6] == length and mp[4] is None:
                    mp[4] = cycle
                    break
    return maps


def bursts_inside_mappings(lines, label):
    maps = live_mappings(lines)
    bursts = parsed(lines, BURST)
    check(any(m.group(3) == "read" for _, _, m in bursts) and any(m.group(3) == "write" for _, _, m in bursts),
          f"{label}: read and write bursts are shown")
    check(len(maps) > 0, f"{label}: DMA mappings are shown")
    outside = []
    for cycle, who, m in bursts:
        dev, addr, beats, size = int(m.group(1)), int(m.group(4), 16), int(m.group(5)), int(m.group(6))
        if size != 8 * beats or m.group(7) != "OKAY" or who != "dma":
            outside.append(f"malformed burst line at {cycle}")
            continue
        if not any(mp[0] == dev and mp[1] <= addr and addr + size <= mp[2] and mp[3] <= cycle and
                   (mp[4] is None or cycle <= mp[4]) for mp in maps):
            outside.append(f"dev{dev} {m.group(3)} 0x{addr:x} +{size} at cycle {cycle}")
    check(not outside, f"{label}: every one of {len(bursts)} bursts lies in a live mapping of its device "
                       f"{outside[:3]}")
    return bursts, maps


def rings_agree(lines, label):
    """Each descriptor fetch is at slot * 32 of the ring its device's channel was given (the
    RING_BASE writes of that device), in memory that device allocated."""
    base = {}  # (device, channel) -> [lo, hi]
    allocs = {(int(m.group(1)), int(m.group(3), 16)) for _, _, m in parsed(lines, MAPPING) if m.group(2) == "dma_alloc"}
    wrong, fetches = [], 0
    for cycle, _, text in lines:
        w = re.match(r"dev(\d+) write32 RING_BASE_(LO|HI)\[(\d)\] = 0x([0-9a-f]+) OKAY$", text)
        if w:
            base.setdefault((int(w.group(1)), int(w.group(3))), [0, 0])[w.group(2) == "HI"] = int(w.group(4), 16)
        d = DESC.match(text)
        if d:
            fetches += 1
            dev, ch, slot, at = int(d.group(1)), int(d.group(2)), int(d.group(3)), int(d.group(4), 16)
            lo, hi = base.get((dev, ch), [None, None])
            ring = None if lo is None else hi << 32 | lo
            if ring is None or at != ring + 32 * slot or (dev, ring) not in allocs:
                wrong.append(f"dev{dev} ch{ch} slot {slot} at 0x{at:x} (ring 0x{ring or 0:x}) at cycle {cycle}")
    check(fetches > 0 and not wrong, f"{label}: every one of {fetches} descriptor fetches is in the ring its device's "
                                     f"channel was given, in memory that device allocated {wrong[:3]}")


def bursts_follow_descriptors(lines, label):
    """The engine serves one descriptor at a time: each burst is its fetch (a 32-byte read at
    the slot, shown just before it), a read of its source, a write of its destination, or its
    STATUS/CRC write-back, all on its channel."""
    events = [(cycle, text) for cycle, _, text in lines if BURST.match(text) or DESC.match(text)]
    current, wrong, checked = {}, [], 0
    for i, (cycle, text) in enumerate(events):
        d = DESC.match(text)
        if d:
            current[int(d.group(1))] = (int(d.group(2)), int(d.group(4), 16), int(d.group(5), 16),
                                        int(d.group(6), 16), int(d.group(7)))
            continue
        b = BURST.match(text)
        dev, ch, kind, addr, size = int(b.group(1)), int(b.group(2)), b.group(3), int(b.group(4), 16), int(b.group(6))
        nxt = DESC.match(events[i + 1][1]) if i + 1 < len(events) else None
        if kind == "read" and size == 32 and nxt and int(nxt.group(1)) == dev and int(nxt.group(4), 16) == addr:
            ok = int(nxt.group(2)) == ch  # the fetch itself
        elif dev not in current:
            ok = False
        else:
            c_ch, at, src, dst, length = current[dev]
            first, end = (src, src + length) if kind == "read" else (dst, dst + length)
            inside = first & ~7 <= addr and addr + size <= (end + 7) & ~7
            ok = c_ch == ch and (inside or (kind == "write" and addr == at + 0x18 and size == 8))
        checked += 1
        if not ok:
            wrong.append(f"dev{dev} ch{ch} {kind} 0x{addr:x} +{size} at cycle {cycle}")
    check(checked > 0 and not wrong, f"{label}: each of {checked} bursts belongs to the descriptor being served, on "
                                     f"its channel {wrong[:3]}")


def register_map(path):
    """(the register names, the ID register's value) of a register description."""
    raw = tomllib.loads(path.read_text())
    return {r["name"] for r in raw["register"]}, raw["device"]["vendor_id"] << 16 | raw["device"]["device_id"]


def names_by_kind(lines, label):
    """Each device's kind is told by the ID its probe reads; every register access of a device
    names a register of its own kind's map, and each kind shows a register only it has."""
    maps = {kind: register_map(path) for kind, path in MAPS.items()}
    kind_of = {}
    for _, _, text in lines:
        m = re.match(r"^dev(\d+) read32  ID -> 0x([0-9a-f]{8}) OKAY$", text)
        for kind, (_, ident) in maps.items():
            if m and int(m.group(2), 16) == ident:
                kind_of[int(m.group(1))] = kind
    check(sorted(kind_of.values()) == ["tce", "tmr"], f"{label}: one device of each kind reads its ID ({kind_of})")
    wrong, seen = [], {kind: set() for kind in maps}
    for cycle, _, m in parsed(lines, CSR_NAME):
        kind = kind_of.get(int(m.group(1)))
        if kind is None:
            continue
        seen[kind].add(m.group(3))
        if m.group(3) not in maps[kind][0]:
            wrong.append(f"dev{m.group(1)} ({kind}) {m.group(3)} at cycle {cycle}")
    check(not wrong, f"{label}: every register access names a register of its device's kind {wrong[:3]}")
    for kind, (names, _) in maps.items():
        own = seen[kind] - set().union(*(n for k, (n, _) in maps.items() if k != kind))
        check(own, f"{label}: the {kind}'s accesses show registers only the {kind} has ({sorted(own)})")


def main():
    shutil.rmtree(OUT, ignore_errors=True)

    # A single copy at debug.
    rc, text, lines = run("dma_single_copy", 3, "debug", OUT / "debug")
    check(rc == 0 and lines is not None, "dma_single_copy at debug passes and writes its log")
    if lines:
        bursts_inside_mappings(lines, "single copy")
        rings_agree(lines, "single copy")
        asked = [int(m.group(1)) for _, _, t in lines for m in [re.match(r"copy (\d+) bytes", t)] if m]
        descs = parsed(lines, DESC)
        maps = {(m.group(5)): int(m.group(3), 16) for _, _, m in parsed(lines, MAPPING)
                if m.group(2) == "dma_map"}
        check(len(asked) == 1 and len(descs) == 1, f"one copy asked ({asked}), one descriptor fetched ({len(descs)})")
        if len(asked) == 1 and len(descs) == 1:
            d = descs[0][2]
            check(int(d.group(7)) == asked[0], f"the descriptor's length {d.group(7)} is the copy's {asked[0]}")
            check(int(d.group(5), 16) == maps.get("to_device") and int(d.group(6), 16) == maps.get("from_device"),
                  "the descriptor's source and destination are the addresses mapped for the copy")
            check("irq" in d.group(9).split(), "the copy's one descriptor asks for an interrupt")
            at = int(d.group(4), 16)
            check(any(m.group(3) == "read" and int(m.group(4), 16) == at and int(m.group(6)) == 32
                      for _, _, m in parsed(lines, BURST)), "the descriptor's fetch shows as a 32-byte read burst")

    # Two channels, two CPUs.
    rc, _, both = run("dma_smp_submit", 1, "debug", OUT / "debug")
    check(rc == 0 and both is not None, "dma_smp_submit at debug passes and writes its log")
    if both:
        channels = {int(m.group(2)) for _, _, m in parsed(both, DESC)}
        check(channels == {0, 1}, f"two channels: descriptors of ch0 and ch1 are shown ({sorted(channels)})")
        bursts_follow_descriptors(both, "two channels")
        rings_agree(both, "two channels")
    if lines:
        bursts_follow_descriptors(lines, "single copy")

    # Responses: a bus error injected on a range answers SLVERR exactly there; an access the
    # IOMMU refuses answers DECERR.
    rc, _, faulty = run("error_recovery", 1, "debug", OUT / "debug")
    if faulty is not None:
        ranges = [(int(m.group(1), 16), int(m.group(2), 16)) for _, _, t in faulty
                  for m in [re.match(r"dev0 bus errors on \[0x([0-9a-f]+), 0x([0-9a-f]+)\)$", t)] if m]
        slverr = [(int(m.group(4), 16), int(m.group(6))) for _, _, m in parsed(faulty, BURST) if m.group(7) == "SLVERR"]
        check(ranges and slverr and all(any(a < e and b < a + n for b, e in ranges) for a, n in slverr),
              f"bursts answered SLVERR ({len(slverr)}) all touch one of the {len(ranges)} injected bus-error ranges")
    rc, _, refused = run("xfail_dma_wrong_direction", 1, "debug", OUT / "debug")
    check(refused is not None and any(m.group(7) == "DECERR" and m.group(3) == "write"
                                      for _, _, m in parsed(refused, BURST)),
          "a write the IOMMU refuses shows answered DECERR")

    # The same run at info: what the log showed before, no bus traffic.
    rc, _, info = run("dma_single_copy", 3, None, OUT / "info")
    check(rc == 0 and info is not None, "dma_single_copy at the default level writes its log")
    if info:
        check(not parsed(info, BURST) and not parsed(info, DESC) and not parsed(info, MAPPING),
              "at info no bursts, descriptors or mappings are shown")
        check(len(parsed(info, CSR)) > 10, "at info register accesses are shown")
        check(lines is not None and len(info) * 3 < len(lines), "debug shows far more than info")

    # Two devices on a shared line at debug: each line names its device.
    rc, _, two = run("dma_shared_line", 2, "debug", OUT / "two")
    check(rc == 0 and two is not None, "dma_shared_line at debug passes and writes its log")
    if two:
        bursts_inside_mappings(two, "two devices")
        rings_agree(two, "two devices")
        bursts_follow_descriptors(two, "two devices")
        for dev in (0, 1):
            check(any(t.startswith(f"dev{dev} read32  ID -> 0x7a4e0c0e") for _, _, t in two),
                  f"two devices: the probe of dev{dev} reads its ID")
        for pattern, what in ((BURST, "bursts"), (MAPPING, "mappings"), (CSR, "register accesses"),
                              (DESC, "descriptor fetches")):
            devices = {int(m.group(1)) for _, _, m in parsed(two, pattern)}
            check(devices == {0, 1}, f"two devices: {what} of dev0 and dev1 are shown ({sorted(devices)})")
        answers = [t for _, _, t in two if re.match(r"dev[01] handler on line \d+: (handled|not mine)$", t)]
        check(any(t.startswith("dev0") for t in answers) and any(t.startswith("dev1") for t in answers),
              "two devices: each handler's answer names its device")

    # A TMR beside a TCE: each device's registers go by its own kind's names.
    rc, _, kinds = run("tmr_periodic_level", 1, None, OUT / "kinds")
    check(rc == 0 and kinds is not None, "tmr_periodic_level passes and writes its log")
    if kinds:
        names_by_kind(kinds, "a TMR beside a TCE")

    # A long run at error: a few lines; a failing one keeps its failure.
    rc, _, long_run = run("stress_mix", 1, "error", OUT / "error")
    check(long_run is not None and 2 <= len(long_run) <= 5 and "PASS" in long_run[-1][2],
          f"a run of {long_run[-1][0] if long_run else '?'} cycles at error writes "
          f"{len(long_run) if long_run is not None else 'no'} lines, the verdict last")
    rc, _, failed = run("xfail_dma_lost_irq", 1, "error", OUT / "error")
    check(failed is not None and len(failed) <= 6 and any("FAIL [lost_irq]" in t for _, _, t in failed)
          and not parsed(failed, CSR), "a failing run at error keeps the checker's failure and no register access")

    # Same seed, same log, at the levels that show the most.
    for level in ("debug", "trace"):
        a = run("dma_shared_line", 4, level, OUT / f"same-{level}-a")[2]
        b = run("dma_shared_line", 4, level, OUT / f"same-{level}-b")[2]
        check(a is not None and a == b, f"the same seed gives the same log at {level}")
        if level == "trace" and a:
            check(any(re.match(r"hal_call 'read32'$", t) for _, _, t in a), "at trace HAL calls are shown")

    # Levels on the command line.
    rc, text, _ = run("dma_single_copy", 1, "bogus", OUT / "bogus")
    check(rc == 2 and "off, error, info, debug, trace" in text, f"--log bogus is a usage error listing the levels "
                                                                  f"(exit {rc})")
    for args in (["--log", "off"], ["--no-log"]):
        rc, _, none = run("dma_single_copy", 1, None, OUT / "off", *args)
        check(rc == 0 and none is None, f"{' '.join(args)} writes no run log")
        shutil.rmtree(OUT / "off", ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
