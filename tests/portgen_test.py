#!/usr/bin/env python3
"""scripts/portgen.py: every device port reaches the C++ pin bundle, its binding, the
platform top and the SystemC signals; a port added to the device's top needs no other edit; a
top without a memory port gives a bundle without one; a port list it cannot read, one that
breaks the port contract, or probes that leave a probe output unassigned, are errors, not
outputs with a port missing.

Usage: portgen_test.py REPO_ROOT
"""

import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "scripts"))
from portgen import expand_includes  # noqa: E402  (the generator's own include expansion)


def generate(root, device_top, outdir, probes=None):
    """portgen.py device, with the register package (a width names its CsrAddrWidth) in OUTDIR
    as the build has it there."""
    probes = probes or root / "rtl" / "tce_probes.svh"
    outdir.mkdir(parents=True, exist_ok=True)
    package = outdir.parent / "regs" / "tce_reg_pkg.sv"
    if not package.exists():
        subprocess.run([sys.executable, str(root / "scripts" / "regtool.py"), str(root / "rtl" / "tce_regs.toml"),
                        str(package.parent)], check=True, capture_output=True)
    (outdir / package.name).write_text(package.read_text())
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "portgen.py"), "device", str(device_top), str(probes), str(outdir)],
        capture_output=True, text=True)


def ports_of(sv):
    return re.findall(r"^\s*(input|output)\s+logic\s*(?:\[[^\]]+\])?\s*(\w+)", sv, re.M)


def check_all_ports(device_sv, out, failures, dev="tce", least=40):
    ports = ports_of(device_sv[: device_sv.index(");")])
    bind = (out / f"{dev}_pins_bind.hpp").read_text()
    top = (out / f"{dev}_platform_top.sv").read_text()
    sc = (out / f"{dev}_sc_signals.hpp").read_text()
    if len(ports) < least:
        failures.append(f"only {len(ports)} ports read from the device's top")
    if f"u_{dev} (.*);" not in top:
        failures.append(f"{dev}_platform_top.sv does not connect u_{dev} by name")
    for direction, port in ports:
        if f"= &m.{port};" not in bind and f"= WordPin::of(&m.{port});" not in bind:
            failures.append(f"{port}: not bound in {dev}_pins_bind.hpp")
        if not re.search(rf"^  {direction}\s+logic\s*(\[[^\]]+\])?\s*{port}\b", top, re.M):
            failures.append(f"{port}: not declared as an {direction} in {dev}_platform_top.sv")
        if not re.search(rf"^    \w+ {port} = 0;$", sc, re.M):
            failures.append(f"{port}: no plain copy in {dev}_sc_signals.hpp")
        if port == "clk_i":
            continue
        copied = f"plain.{port} = " if direction == "output" else f"{port}.write("
        for line in (f"sc_core::sc_signal<", f"dut.{port}({port});", copied):
            if line not in sc or (line == "sc_core::sc_signal<" and not re.search(rf"sc_signal<[\w:]+> {port}\{{", sc)):
                failures.append(f"{port}: {dev}_sc_signals.hpp lacks its {line.strip('(<')}")
    for name in ("cpu0_context_i", "cpu3_reg_i", "checker_fail_i", "dma_channel_o", "irq_pulse_o"):
        if not re.search(rf"logic\s*\[[^\]]+\]\s*{name}\b", top):
            failures.append(f"{name}: not a port of {dev}_platform_top.sv")


def main(argv):
    root = pathlib.Path(argv[1]).resolve()
    failures = []
    # The top as portgen reads it: the shared CSR port's include in place, so that the tops
    # written from it below carry their CSR ports inline.
    device_sv = expand_includes((root / "rtl" / "tce_top.sv").read_text(), (root / "rtl",))
    if "s_axil_awvalid_i" not in device_sv or "m_axi_awvalid_o" not in device_sv:
        failures.append("rtl/tce_top.sv does not include the CSR port and the memory port")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        r = generate(root, root / "rtl" / "tce_top.sv", tmp / "real")
        if r.returncode != 0:
            failures.append(f"portgen.py failed on the real tops: {r.stderr.strip()}")
        else:
            check_all_ports(device_sv, tmp / "real", failures)
        r = subprocess.run([sys.executable, str(root / "scripts" / "portgen.py"), "platform", str(tmp / "shared")],
                           capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"portgen.py platform failed: {r.stderr.strip()}")
        else:
            probes = (tmp / "shared" / "probe_pins.hpp").read_text()
            if "static constexpr unsigned kCpus = 4;" not in probes or "CData* context[kCpus];" not in probes:
                failures.append("the cpu<N>_ marker ports did not become arrays of 4")
            if "struct DevicePins {" not in (tmp / "shared" / "bus_pins.hpp").read_text():
                failures.append("bus_pins.hpp lacks DevicePins")

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
            "a 64-bit wdata": device_sv.replace("input  logic [31:0]             s_axil_wdata_i",
                                             "input  logic [63:0]             s_axil_wdata_i", 1),
        }
        for what, text in breaches.items():
            if text == device_sv:
                failures.append(f"the test could not make {what}")
                continue
            (tmp / "tce_top.sv").write_text(text)
            r = generate(root, tmp / "tce_top.sv", tmp / "breach")
            if r.returncode != 1 or "portgen.py:" not in r.stderr:
                failures.append(f"a top with {what} gave exit {r.returncode}: {r.stderr.strip()}")

        # Probes that leave an output unassigned, assign one twice, or assign what is no probe.
        probes = (root / "rtl" / "tce_probes.svh").read_text()
        bad_probes = {
            "irq_pulse_o 0 times": probes.replace("assign irq_pulse_o", "// assign irq_pulse_o", 1),
            "dma_channel_o 2 times": probes + "assign dma_channel_o = '0;\n",
            "irq_o, not probe outputs": probes + "assign irq_o = '0;\n",
        }
        (tmp / "tce_top.sv").write_text(device_sv)
        for what, text in bad_probes.items():
            (tmp / "tce_probes.svh").write_text(text)
            r = generate(root, tmp / "tce_top.sv", tmp / "bad_probes", tmp / "tce_probes.svh")
            if r.returncode != 1 or what not in r.stderr:
                failures.append(f"probes with {what} gave exit {r.returncode}: {r.stderr.strip()}")

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
