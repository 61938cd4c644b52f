#!/usr/bin/env python3
"""Generates the TCE register artefacts from the register description (rtl/tce_regs.toml).

Outputs, each written only when its content changed (so an unchanged description never
triggers a re-Verilation):
  tce_reg_pkg.sv      SystemVerilog package: offsets, field positions, resets, write masks
  tce_regs.hpp        C++ header for driver/: the same as constexpr data, plus a table
  registers.md        the register reference
  gtkwave/*.gtkwf     translate filters: CSR address -> register name, one per enum

Usage: regtool.py DESCRIPTION.toml OUTDIR
"""

import pathlib
import sys
import tomllib

ACCESS = ("RW", "RO", "W1C", "W1S", "RC", "WO")


class Field:
    def __init__(self, raw, reg_access):
        self.name = raw["name"]
        hi, _, lo = raw["bits"].partition(":")
        self.msb = int(hi)
        self.lsb = int(lo) if lo else self.msb
        if self.msb < self.lsb or self.msb > 31:
            sys.exit(f"regtool: field {self.name}: bad bits '{raw['bits']}'")
        self.width = self.msb - self.lsb + 1
        self.mask = ((1 << self.width) - 1) << self.lsb
        self.reset = raw.get("reset", 0)
        if self.reset >> self.width:
            sys.exit(f"regtool: field {self.name}: reset {self.reset:#x} wider than the field")
        self.access = raw.get("access", reg_access)
        if self.access not in ACCESS:
            sys.exit(f"regtool: field {self.name}: unknown access '{self.access}'")
        self.enum = raw.get("enum")
        self.doc = raw.get("doc", "")


class Register:
    def __init__(self, raw):
        self.name = raw["name"]
        self.offset = raw["offset"]
        self.count = raw.get("count", 1)
        self.stride = raw.get("stride", 0)
        self.access = raw["access"]
        if self.access not in ACCESS:
            sys.exit(f"regtool: {self.name}: unknown access '{self.access}'")
        if self.offset % 4 or (self.count > 1 and self.stride % 4):
            sys.exit(f"regtool: {self.name}: offsets must be 4-byte aligned")
        self.doc = raw.get("doc", "")
        self.fields = [Field(f, self.access) for f in raw["fields"]]
        used = 0
        for f in self.fields:
            if used & f.mask:
                sys.exit(f"regtool: {self.name}.{f.name} overlaps another field")
            used |= f.mask
        self.used_mask = used
        self.reset = sum(f.reset << f.lsb for f in self.fields)
        self.write_mask = sum(f.mask for f in self.fields if f.access in ("RW", "W1C", "W1S", "WO"))

    def instances(self):
        for i in range(self.count):
            label = self.name if self.count == 1 else f"{self.name}[{i}]"
            yield label, self.offset + i * self.stride


def load(path):
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    regs = [Register(r) for r in raw["register"]]
    taken = {}
    for r in regs:
        for label, off in r.instances():
            if off >= raw["device"]["window_bytes"]:
                sys.exit(f"regtool: {label} at {off:#x} is outside the CSR window")
            if off in taken:
                sys.exit(f"regtool: {label} and {taken[off]} share offset {off:#x}")
            taken[off] = label
    for r in regs:
        for f in r.fields:
            if f.enum and f.enum not in raw.get("enum", {}):
                sys.exit(f"regtool: {r.name}.{f.name} names unknown enum '{f.enum}'")
    return raw, regs


def banner(comment, source, outdir):
    cmd = f"python3 scripts/regtool.py {source} build/{outdir}"
    return (f"{comment} Generated from {source} by scripts/regtool.py - do not edit.\n"
            f"{comment} Regenerate: {cmd} (the build does this).\n")


def bits_of(spec):
    hi, _, lo = spec.partition(":")
    return int(hi), int(lo) if lo else int(hi)


def gen_sv(raw, regs, source, outdir):
    aw = (raw["device"]["window_bytes"] - 1).bit_length()
    out = [banner("//", source, outdir),
           "// A package of constants: no one block uses all of them.",
           "/* verilator lint_off UNUSEDPARAM */",
           "package tce_reg_pkg;\n"]
    out.append(f"  localparam int unsigned CsrAddrWidth = {aw};")
    out.append(f"  localparam logic [15:0] VendorId = 16'h{raw['device']['vendor_id']:04X};")
    out.append(f"  localparam logic [15:0] DeviceId = 16'h{raw['device']['device_id']:04X};")
    out.append(f"  localparam int unsigned MaxChannels = {raw['device']['max_channels']};")
    out.append(f"  localparam int unsigned MaxVectors = {raw['device']['max_vectors']};\n")
    for r in regs:
        out.append(f"  // {r.name} ({r.access}): {r.doc}")
        out.append(f"  localparam logic [{aw - 1}:0] {r.name}_OFFSET = {aw}'h{r.offset:03X};")
        if r.count > 1:
            out.append(f"  localparam int unsigned {r.name}_STRIDE = 'h{r.stride:X};")
            out.append(f"  localparam int unsigned {r.name}_COUNT = {r.count};")
        out.append(f"  localparam logic [31:0] {r.name}_RESVAL = 32'h{r.reset:08X};")
        out.append(f"  localparam logic [31:0] {r.name}_USED = 32'h{r.used_mask:08X};")
        out.append(f"  localparam logic [31:0] {r.name}_WMASK = 32'h{r.write_mask:08X};")
        for f in r.fields:
            p = f"{r.name}_{f.name}"
            out.append(f"  localparam int unsigned {p}_LSB = {f.lsb};")
            out.append(f"  localparam int unsigned {p}_WIDTH = {f.width};")
        out.append("")
    d = raw["descriptor"]
    out.append(f"  // Descriptor layout (bytes {d['bytes']}).")
    out.append(f"  localparam int unsigned DESC_BYTES = {d['bytes']};")
    out.append(f"  localparam logic [31:0] DESC_MAX_LEN = 32'h{d['max_len']:08X};")
    for f in d["fields"]:
        out.append(f"  localparam int unsigned DESC_{f['name']}_OFFSET = 'h{f['offset']:02X};")
    for group in ("ctrl_bits", "status_bits"):
        prefix = "DESC_" + group.split("_")[0].upper()
        for f in d[group]:
            hi, lo = bits_of(f["bits"])
            out.append(f"  localparam int unsigned {prefix}_{f['name']}_LSB = {lo};")
            out.append(f"  localparam int unsigned {prefix}_{f['name']}_WIDTH = {hi - lo + 1};")
    out.append("")
    for name, e in raw.get("enum", {}).items():
        width = max(v["value"] for v in e["values"]).bit_length() or 1
        out.append(f"  // {e['doc']}")
        out.append(f"  typedef enum logic [{width - 1}:0] {{")
        items = [f"    {name.upper()}_{v['name']} = {width}'d{v['value']}" for v in e["values"]]
        out.append(",\n".join(items))
        out.append(f"  }} {name}_e;\n")
    out.append("endpackage")
    out.append("/* verilator lint_on UNUSEDPARAM */")
    return "\n".join(out) + "\n"


def gen_hpp(raw, regs, source, outdir):
    dev = raw["device"]
    out = [banner("//", source, outdir), "#pragma once\n", "#include <cstddef>", "#include <cstdint>\n",
           "namespace tce::reg {\n",
           "enum class Access : std::uint8_t { RW, RO, W1C, W1S, RC, WO };\n",
           f"inline constexpr std::uint16_t kVendorId = 0x{dev['vendor_id']:04X};",
           f"inline constexpr std::uint16_t kDeviceId = 0x{dev['device_id']:04X};",
           f"inline constexpr std::uint32_t kWindowBytes = 0x{dev['window_bytes']:X};",
           f"inline constexpr unsigned kMaxChannels = {dev['max_channels']};",
           f"inline constexpr unsigned kMaxVectors = {dev['max_vectors']};\n"]
    for r in regs:
        out.append(f"// {r.name} ({r.access}): {r.doc}")
        out.append(f"namespace {r.name} {{")
        if r.count > 1:
            out.append(f"inline constexpr std::uint32_t kCount = {r.count};")
            out.append(f"inline constexpr std::uint32_t kStride = 0x{r.stride:X};")
            out.append(f"constexpr std::uint32_t offset(unsigned i) {{ return 0x{r.offset:03X} + i * kStride; }}")
        else:
            out.append(f"inline constexpr std::uint32_t kOffset = 0x{r.offset:03X};")
        out.append(f"inline constexpr std::uint32_t kReset = 0x{r.reset:08X};")
        out.append(f"inline constexpr std::uint32_t kWriteMask = 0x{r.write_mask:08X};")
        for f in r.fields:
            out.append(f"struct {f.name} {{ static constexpr unsigned kLsb = {f.lsb}, kWidth = {f.width}; "
                       f"static constexpr std::uint32_t kMask = 0x{f.mask:08X}; }};")
        out.append(f"}}  // namespace {r.name}\n")
    out.append("// Field helpers: get<CTRL::ENABLE>(v), put<CTRL::ENABLE>(1).")
    out.append("template <typename F> constexpr std::uint32_t get(std::uint32_t v) { return (v & F::kMask) >> F::kLsb; }")
    out.append("template <typename F> constexpr std::uint32_t put(std::uint32_t x) { return (x << F::kLsb) & F::kMask; }\n")

    out.append("struct FieldInfo { const char* name; unsigned lsb; unsigned width; std::uint32_t reset; Access access; };")
    out.append("struct RegInfo {\n  const char* name;\n  std::uint32_t offset, count, stride, reset, write_mask, used_mask;\n"
               "  Access access;\n  const FieldInfo* fields;\n  std::size_t field_count;\n};\n")
    for r in regs:
        items = ", ".join(f'{{"{f.name}", {f.lsb}, {f.width}, 0x{f.reset:X}, Access::{f.access}}}' for f in r.fields)
        out.append(f"inline constexpr FieldInfo k{r.name.title().replace('_', '')}Fields[] = {{{items}}};")
    out.append("\n// Every register, in offset order of its first instance.")
    out.append("inline constexpr RegInfo kRegisters[] = {")
    for r in regs:
        fn = f"k{r.name.title().replace('_', '')}Fields"
        out.append(f'    {{"{r.name}", 0x{r.offset:03X}, {r.count}, 0x{r.stride:X}, 0x{r.reset:08X}, '
                   f"0x{r.write_mask:08X}, 0x{r.used_mask:08X}, Access::{r.access}, {fn}, {len(r.fields)}}},")
    out.append("};\n")
    out.append("// The register at a CSR offset (nullptr if none); *index gets the array index.")
    out.append("constexpr const RegInfo* find(std::uint32_t offset, unsigned* index = nullptr) {")
    out.append("  for (const RegInfo& r : kRegisters) {")
    out.append("    for (std::uint32_t i = 0; i < r.count; ++i) {")
    out.append("      if (r.offset + i * r.stride == offset) {")
    out.append("        if (index) *index = i;")
    out.append("        return &r;")
    out.append("      }\n    }\n  }\n  return nullptr;\n}\n")

    d = raw["descriptor"]
    out.append("namespace desc {")
    out.append(f"inline constexpr std::uint32_t kBytes = {d['bytes']};")
    out.append(f"inline constexpr std::uint32_t kMaxLen = 0x{d['max_len']:X};")
    for f in d["fields"]:
        out.append(f"inline constexpr std::uint32_t k{f['name'].title()}Offset = 0x{f['offset']:02X};")
    for group in ("ctrl_bits", "status_bits"):
        ns = group.split("_")[0].upper()
        out.append(f"namespace {ns} {{")
        for f in d[group]:
            hi, lo = bits_of(f["bits"])
            mask = ((1 << (hi - lo + 1)) - 1) << lo
            out.append(f"struct {f['name']} {{ static constexpr unsigned kLsb = {lo}, kWidth = {hi - lo + 1}; "
                       f"static constexpr std::uint32_t kMask = 0x{mask:08X}; }};")
        out.append(f"}}  // namespace {ns}")
    out.append("}  // namespace desc\n")

    for name, e in raw.get("enum", {}).items():
        typename = name.title().replace("_", "")
        out.append(f"// {e['doc']}")
        out.append(f"enum class {typename} : std::uint32_t {{")
        for v in e["values"]:
            out.append(f"  k{v['name'].title().replace('_', '')} = {v['value']},")
        out.append("};")
        out.append(f"constexpr const char* to_string({typename} v) {{")
        out.append("  switch (v) {")
        for v in e["values"]:
            out.append(f"    case {typename}::k{v['name'].title().replace('_', '')}: return \"{v['name']}\";")
        out.append("  }\n  return \"?\";\n}\n")
    out.append("}  // namespace tce::reg")
    return "\n".join(out) + "\n"


def gen_md(raw, regs, source, outdir):
    dev = raw["device"]
    out = [f"<!-- {banner('', source, outdir).strip()} -->\n",
           f"# {dev['title']} register reference\n",
           f"CSR window: {dev['window_bytes']} bytes. Vendor 0x{dev['vendor_id']:04X}, device 0x{dev['device_id']:04X}.\n",
           "| offset | name | access | reset | description |", "|---|---|---|---|---|"]
    for r in regs:
        off = f"0x{r.offset:03X}" + (f" + 0x{r.stride:X}·i (i < {r.count})" if r.count > 1 else "")
        out.append(f"| {off} | {r.name} | {r.access} | 0x{r.reset:08X} | {r.doc} |")
    for r in regs:
        out.append(f"\n## {r.name}\n\n{r.doc}\n")
        out.append("| bits | field | access | reset | description |")
        out.append("|---|---|---|---|---|")
        for f in sorted(r.fields, key=lambda f: -f.lsb):
            bits = f"{f.msb}" if f.width == 1 else f"{f.msb}:{f.lsb}"
            doc = f.doc + (f" Values: enum `{f.enum}`." if f.enum else "")
            out.append(f"| {bits} | {f.name} | {f.access} | 0x{f.reset:X} | {doc} |")
    for name, e in raw.get("enum", {}).items():
        out.append(f"\n## enum `{name}`\n\n{e['doc']}\n\n| value | name | meaning |\n|---|---|---|")
        for v in e["values"]:
            out.append(f"| {v['value']} | {v['name']} | {v.get('doc', '')} |")
    d = raw["descriptor"]
    out.append(f"\n## Descriptor ({d['bytes']} bytes)\n\n| offset | field | meaning |\n|---|---|---|")
    for f in d["fields"]:
        out.append(f"| 0x{f['offset']:02X} | {f['name']} | {f['doc']} |")
    return "\n".join(out) + "\n"


def gen_filters(raw, regs, source, outdir):
    """GTKWave shows a vector in hex padded to its width; a filter line must match that text."""
    files = {}
    aw = (raw["device"]["window_bytes"] - 1).bit_length()
    digits = (aw + 3) // 4
    lines = [banner("#", source, outdir)]
    for r in regs:
        for label, off in r.instances():
            lines.append(f"{off:0{digits}X} {label}")
    files["tce_csr_addr.gtkwf"] = "\n".join(lines) + "\n"
    for name, e in raw.get("enum", {}).items():
        width = max(v["value"] for v in e["values"]).bit_length() or 1
        digits = (width + 3) // 4
        lines = [banner("#", source, outdir)]
        lines += [f"{v['value']:0{digits}X} {v['name']}" for v in e["values"]]
        files[f"tce_{name}.gtkwf"] = "\n".join(lines) + "\n"
    return files


def write_if_changed(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text() == text:
        return
    path.write_text(text)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    source, outdir = argv[1], pathlib.Path(argv[2])
    raw, regs = load(source)
    rel = "rtl/" + pathlib.Path(source).name
    write_if_changed(outdir / "tce_reg_pkg.sv", gen_sv(raw, regs, rel, outdir.name))
    write_if_changed(outdir / "tce_regs.hpp", gen_hpp(raw, regs, rel, outdir.name))
    write_if_changed(outdir / "registers.md", gen_md(raw, regs, rel, outdir.name))
    for name, text in gen_filters(raw, regs, rel, outdir.name).items():
        write_if_changed(outdir / "gtkwave" / name, text)


if __name__ == "__main__":
    main(sys.argv)
