#!/usr/bin/env python3
"""scripts/portgen.py: every device port reaches the C++ pin bundle, its binding and the
platform top; a port added to the device's top needs no other edit; a top without a memory
port gives a bundle without one; a port list it cannot read, or one that breaks the port
contract, is an error, not a bundle with a port missing.

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


def check_all_ports(device_sv, out, failures, dev="tce", least=40):
    ports = ports_of(device_sv[: device_sv.index(");")])
    bind = (out / f"{dev}_pins_bind.hpp").read_text()
    connect = (out / f"{dev}_top_connect.svh").read_text()
    decls = (out / f"{dev}_top_ports.svh").read_text()
    if len(ports) < least:
        failures.append(f"only {len(ports)} ports read from the device's top")
    for port in ports:
        if f"= &m.{port};" not in bind and f"= WordPin::of(&m.{port});" not in bind:
            failures.append(f"{port}: not bound in {dev}_pins_bind.hpp")
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
            probes = (tmp / "real" / "probe_pins.hpp").read_text()
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

            bind = (tmp / "real" / "tce_pins_bind.hpp").read_text()
            for line in ("p.csr.awaddr = WordPin::of(&m.s_axil_awaddr_i);", "p.mem.rdata = &m.m_axi_rdata_i;",
                         "p.irq = WordPin::of(&m.irq_o);", "p.has_mem = true;"):
                if line not in bind:
                    failures.append(f"the TCE's binding lacks {line}")

        # A device without a memory port (the contract makes it optional), named by its top.
        no_mem = "\n".join(l for l in device_sv.splitlines() if "m_axi_" not in l).replace("module tce_top", "module tiny_top")
        (tmp / "tiny_top.sv").write_text(no_mem)
        r = generate(root, tmp / "tiny_top.sv", tmp / "tiny")
        if r.returncode != 0:
            failures.append(f"portgen.py failed on a top without a memory port: {r.stderr.strip()}")
        else:
            check_all_ports(no_mem, tmp / "tiny", failures, dev="tiny", least=20)
            bind = (tmp / "tiny" / "tiny_pins_bind.hpp").read_text()
            if "p.has_mem = false;" not in bind or "p.mem." in bind or "TinyPins bind_tiny_pins(" not in bind:
                failures.append("a top without m_axi_ ports did not give TinyPins without a memory port")

        # Contract breaches: half a memory port, no quiescent output, a 64-bit CSR data bus.
        breaches = {
            "half a memory port": device_sv.replace("  output logic        m_axi_wlast_o,\n", "", 1),
            "no quiescent_o": device_sv.replace("  output logic        quiescent_o", "  output logic        idle_o", 1),
            "a 64-bit wdata": device_sv.replace("input  logic [31:0] s_axil_wdata_i", "input  logic [63:0] s_axil_wdata_i", 1),
        }
        for what, text in breaches.items():
            if text == device_sv:
                failures.append(f"the test could not make {what}")
                continue
            (tmp / "tce_top.sv").write_text(text)
            r = generate(root, tmp / "tce_top.sv", tmp / "breach")
            if r.returncode != 1 or "portgen.py:" not in r.stderr:
                failures.append(f"a top with {what} gave exit {r.returncode}: {r.stderr.strip()}")

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
