#!/usr/bin/env python3
"""scripts/portgen.py: every device port reaches the C++ pin bundle, its binding and the
platform top; a port added to the device's top needs no other edit; a port list it cannot
read is an error, not a bundle with a port missing.

Usage: portgen_test.py REPO_ROOT
"""

import pathlib
import re
import subprocess
import sys
import tempfile


def generate(root, device_top, outdir):
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "portgen.py"), str(device_top), str(root / "sim" / "tandem_top.sv"),
         str(outdir)], capture_output=True, text=True)


def ports_of(sv):
    return re.findall(r"^\s*(?:input|output)\s+logic\s*(?:\[[^\]]+\])?\s*(\w+)", sv, re.M)


def check_all_ports(device_sv, out, failures):
    ports = ports_of(device_sv[: device_sv.index(");")])
    bind = (out / "tce_pins_bind.hpp").read_text()
    connect = (out / "tce_top_connect.svh").read_text()
    decls = (out / "tce_top_ports.svh").read_text()
    if len(ports) < 40:
        failures.append(f"only {len(ports)} ports read from the device's top")
    for port in ports:
        if f"= &m.{port};" not in bind:
            failures.append(f"{port}: not bound in tce_pins_bind.hpp")
        if f"({port})" not in connect:
            failures.append(f"{port}: not connected in tce_top_connect.svh")
        if not re.search(rf"\b{port},", decls):
            failures.append(f"{port}: not declared in tce_top_ports.svh")


def main(argv):
    root = pathlib.Path(argv[1]).resolve()
    failures = []
    device_sv = (root / "rtl" / "tce_top.sv").read_text()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        r = generate(root, root / "rtl" / "tce_top.sv", tmp / "real")
        if r.returncode != 0:
            failures.append(f"portgen.py failed on the real tops: {r.stderr.strip()}")
        else:
            check_all_ports(device_sv, tmp / "real", failures)
            probes = (tmp / "real" / "tce_pins.hpp").read_text()
            if "static constexpr unsigned kCpus = 4;" not in probes or "CData* context[kCpus];" not in probes:
                failures.append("the cpu<N>_ marker ports did not become arrays of 4")

        # A new port in the device's top, and nothing else edited.
        added = device_sv.replace("  // interrupts\n", "  output logic [5:0]  busy_count_o,\n  // interrupts\n", 1)
        (tmp / "tce_top.sv").write_text(added)
        r = generate(root, tmp / "tce_top.sv", tmp / "added")
        if r.returncode != 0:
            failures.append(f"portgen.py failed on a top with a new port: {r.stderr.strip()}")
        else:
            check_all_ports(added, tmp / "added", failures)
            if "CData* busy_count;" not in (tmp / "added" / "tce_pins.hpp").read_text():
                failures.append("a new 6-bit output busy_count_o is not the field CData* busy_count")

        # A declaration it cannot read.
        (tmp / "bad.sv").write_text(device_sv.replace("  input  logic        clk_i,", "  input  wire clk_i,", 1))
        (tmp / "bad.sv").rename(tmp / "tce_top.sv")
        r = generate(root, tmp / "tce_top.sv", tmp / "bad")
        if r.returncode != 1 or "clk_i" not in r.stderr:
            failures.append(f"an unreadable port declaration gave exit {r.returncode}: {r.stderr.strip()}")

    for f in failures:
        print("FAIL:", f)
    print("portgen: ok" if not failures else f"portgen: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
