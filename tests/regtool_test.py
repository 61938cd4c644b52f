#!/usr/bin/env python3
"""Tests of scripts/regtool.py: a field added to the description reaches every generated
artefact with no hand edit, and a malformed description fails in one line with exit code 1.

Usage: regtool_test.py [DESCRIPTION.toml]  (default: rtl/tce_regs.toml of this repository)
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
REGTOOL = ROOT / "scripts" / "regtool.py"
DESCRIPTION = pathlib.Path(sys.argv.pop(1)) if len(sys.argv) > 1 else ROOT / "rtl" / "tce_regs.toml"
# A second device kind: every artefact named after it, no descriptor, no power domain.
TMR = ROOT / "devices" / "tmr" / "tmr_regs.toml"

# A small but complete description: an RW register with a field array, an RO register,
# and W1C and RC registers whose bits the block stores.
SMALL = """
[device]
name = "tce"
title = "test"
window_bytes = 4096
vendor_id = 1
device_id = 2
max_channels = 4
max_vectors = 4

[[register]]
name = "CFG"
offset = 0x0
access = "RW"
doc = "Configuration."
fields = [
  { name = "MODE", bits = "1:0", reset = 2, doc = "A mode." },
  { name = "LANE", bits = "8", count = 4, stride = 2, doc = "LANE(i) at bit 8 + 2i." },
]

[[register]]
name = "INFO"
offset = 0x4
access = "RO"
doc = "Information."
fields = [
  { name = "LEVEL", bits = "7:0", doc = "Level." },
]

[[register]]
name = "EVT"
offset = 0x8
access = "W1C"
doc = "Events the hardware sets."
fields = [
  { name = "HIT", bits = "3:0", doc = "Hits." },
]

[[register]]
name = "EVT_RC"
offset = 0xC
access = "RC"
doc = "The same, cleared by a read."
fields = [
  { name = "HIT", bits = "3:0", doc = "Hits." },
]

[enum.axi_resp]
doc = "AXI response codes."
values = [
  { value = 0, name = "OKAY" },
  { value = 2, name = "SLVERR" },
  { value = 3, name = "DECERR" },
]

[descriptor]
bytes = 32
max_len = 16
fields = []
ctrl_bits = []
status_bits = []
"""

EXTRA_FIELD = '  { name = "TURBO", bits = "20", reset = 1, doc = "Goes faster." },\n'


class Run:
    def __init__(self, text):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        desc = self.dir / "regs.toml"
        desc.write_text(text)
        self.proc = subprocess.run([sys.executable, str(REGTOOL), str(desc), str(self.dir / "gen")],
                                   capture_output=True, text=True, timeout=60)

    def out(self, name):
        return (self.dir / "gen" / name).read_text()

    def close(self):
        shutil.rmtree(self.dir)


class GeneratesFromTheDescription(unittest.TestCase):
    def generate(self, text):
        run = Run(text)
        self.addCleanup(run.close)
        self.assertEqual(run.proc.returncode, 0, run.proc.stderr)
        return run

    def test_an_added_field_reaches_every_artefact(self):
        before = self.generate(SMALL)
        self.assertNotIn("turbo", before.out("tce_reg_block.sv"))
        after = self.generate(SMALL.replace('  { name = "LANE"', EXTRA_FIELD + '  { name = "LANE"'))
        pkg, block, hpp, md = (after.out(n) for n in ("tce_reg_pkg.sv", "tce_reg_block.sv", "tce_regs.hpp",
                                                      "registers.md"))
        self.assertIn("localparam int unsigned CFG_TURBO_LSB = 20;", pkg)
        self.assertIn("    logic turbo;", pkg)  # a member of the reg2hw struct
        self.assertIn("cfg_turbo_q[i] <= 1'h1;", block)  # storage with its reset value
        self.assertIn("rval[20 +: 1] = cfg_turbo_q[0];", block)  # the read mux
        self.assertIn("cfg_turbo_q[i] <= wdata_i[20 +: 1];", block)  # the write
        self.assertIn("assign reg2hw_o.cfg.turbo = cfg_turbo_q[i];", block)
        self.assertIn("struct TURBO { static constexpr unsigned kLsb = 20, kWidth = 1;", hpp)
        self.assertIn("CFG_RESVAL = 32'h00100002", pkg)  # MODE 2 and TURBO 1
        self.assertIn("| 20 | TURBO | RW | 0x1 | Goes faster. |", md)
        self.lint(after)

    def lint(self, run, device="tce"):
        """The generated SystemVerilog is lint-clean, when Verilator is at hand."""
        if not shutil.which("verilator"):
            return
        gen = run.dir / "gen"
        lint = subprocess.run(["verilator", "--lint-only", "-Wall", "--top-module", f"{device}_reg_block",
                               str(gen / f"{device}_reg_pkg.sv"), str(gen / f"{device}_reg_block.sv")],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(lint.returncode, 0, lint.stderr)

    def test_stored_w1c_and_rc_bits_let_an_event_beat_a_clear(self):
        block = self.generate(SMALL).out("tce_reg_block.sv")
        self.assertIn("evt_hit_q[i] <= (evt_hit_q[i] & ~((wok && evt_whit[i]) ? wdata_i[0 +: 4] : '0)) | "
                      "hw2reg_i.evt.hit_set;", block)
        self.assertIn("evt_rc_hit_q[i] <= (evt_rc_hit_q[i] & ~((rok && evt_rc_rhit[i]) ? evt_rc_hit_q[i] : '0)) | "
                      "hw2reg_i.evt_rc.hit_set;", block)

    def test_a_field_array_gets_helpers(self):
        run = self.generate(SMALL)
        self.assertIn("function automatic int unsigned CFG_LANE_LSB(input int unsigned i);", run.out("tce_reg_pkg.sv"))
        self.assertIn("    return 8 + i * 2;", run.out("tce_reg_pkg.sv"))
        hpp = run.out("tce_regs.hpp")
        self.assertIn("static constexpr unsigned lsb(unsigned i) { return kLsb + i * kStride; }", hpp)
        self.assertIn('{"LANE[3]", 14, 1, 0x0, Access::RW}', hpp)

    def test_every_artefact_says_it_is_generated(self):
        run = self.generate(SMALL)
        for name in ("tce_reg_pkg.sv", "tce_reg_block.sv", "tce_regs.hpp", "registers.md"):
            self.assertIn("do not edit", run.out(name).splitlines()[0], name)
            self.assertIn("Regenerate: python3 scripts/regtool.py", run.out(name), name)

    def test_the_real_description_generates(self):
        self.generate(DESCRIPTION.read_text())

    def test_the_tmr_description_generates_under_its_own_name(self):
        run = self.generate(TMR.read_text())
        pkg, block, hpp, md = (run.out(n) for n in ("tmr_reg_pkg.sv", "tmr_reg_block.sv", "tmr_regs.hpp",
                                                    "registers.md"))
        self.assertIn("package tmr_reg_pkg;", pkg)
        self.assertIn("module tmr_reg_block", block)
        self.assertIn("  output tmr_reg2hw_t reg2hw_o,", block)
        self.assertIn("namespace tmr::reg {", hpp)
        self.assertNotIn("tce", pkg + block + hpp)
        self.assertIn("KICK_OFFSET = 12'h020;", pkg)
        # KICK's strobe: a write of 0 is a write too.
        self.assertIn("assign sw2hw_o.kick.value_we = wok && kick_whit[i];", block)
        # Neither a descriptor nor the TCE's power and channel rules.
        self.assertNotIn("DESC_", pkg)
        self.assertNotIn("Descriptor", md)
        self.assertNotIn("D3", md)
        self.assertIn("\n020 KICK\n", run.out("gtkwave/tmr_csr_addr.gtkwf"))
        self.assertIn("1 PULSE", run.out("gtkwave/tmr_irq_mode.gtkwf"))
        self.lint(run, "tmr")


class RefusesMalformedDescriptions(unittest.TestCase):
    CASES = {
        "overlapping fields": (('{ name = "MODE", bits = "1:0"', '{ name = "MODE", bits = "8:0"'), "overlaps"),
        "a field beyond 32 bits": (('bits = "7:0"', 'bits = "32:0"'), "beyond bit 31"),
        "a field array beyond 32 bits": (("count = 4, stride = 2", "count = 13, stride = 2"), "beyond bit 31"),
        "duplicate register names": (('name = "INFO"', 'name = "CFG"'), "duplicate register name CFG"),
        "duplicate field names": (('{ name = "LANE"', '{ name = "MODE"'), "duplicate field name MODE"),
        "duplicate offsets": (("offset = 0x4", "offset = 0x0"), "share offset"),
        "an unknown access type": (('access = "RO"', 'access = "RX"'), "unknown access 'RX'"),
        "a missing key": (('offset = 0x4\n', ''), "missing key 'offset'"),
        "a missing device key": (('vendor_id = 1\n', ''), "missing key 'vendor_id'"),
        "a missing field key": (('bits = "7:0", ', ''), "missing key 'bits'"),
        "a bad bit range": (('bits = "7:0"', 'bits = "seven"'), "bad bits"),
        "a TOML syntax error": (("[descriptor]", "[descriptor"), "regs.toml"),
        "a wrongly typed value": (("offset = 0x4", 'offset = "four"'), "non-negative integer"),
        "no AXI response codes": (('{ value = 2, name = "SLVERR" },', ''), "enum axi_resp needs"),
        "a device name that is no identifier": (('name = "tce"', 'name = "../tce"'), "must be lower-case"),
        "a strobe on an RW field": (('{ name = "MODE", bits', '{ name = "MODE", strobe = true, bits'),
                                    "strobe is for WO and W1S"),
        "a register with no fields": (('fields = [\n  { name = "LEVEL", bits = "7:0", doc = "Level." },\n]',
                                       "fields = []"), "no fields"),
    }

    def test_each_fails_in_one_line_with_exit_code_1(self):
        for what, ((old, new), message) in self.CASES.items():
            with self.subTest(what):
                self.assertIn(old, SMALL)
                run = Run(SMALL.replace(old, new, 1))
                self.addCleanup(run.close)
                self.assertEqual(run.proc.returncode, 1, run.proc.stderr)
                self.assertNotIn("Traceback", run.proc.stderr)
                lines = run.proc.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, run.proc.stderr)
                self.assertTrue(lines[0].startswith("regtool: "), lines[0])
                self.assertIn(message, lines[0])


if __name__ == "__main__":
    unittest.main(verbosity=1)
