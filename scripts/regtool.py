#!/usr/bin/env python3
"""Generates a device's register artefacts from its register description (the TCE's is
rtl/tce_regs.toml). Every name follows the description's `[device] name`, NAME below.

Outputs, each written only when its content changed (so an unchanged description never
triggers a re-Verilation):
  NAME_reg_pkg.sv     SystemVerilog package: offsets, field positions, resets, write masks,
                      enums, and the reg2hw/hw2reg structs of the register block
  NAME_reg_block.sv   the register block (module NAME_reg_block): decode, storage, read
                      mux, access types
  NAME_regs.hpp       C++ header for the driver (namespace NAME::reg): the same as
                      constexpr data, plus a table
  registers.md        the register reference (one device per output folder)
  gtkwave/NAME_*.gtkwf  translate filters: CSR address -> register name, one per enum

Usage: regtool.py DESCRIPTION.toml OUTDIR
"""

import pathlib
import re
import sys
import tomllib

import regblock
import regschema

ACCESS = ("RW", "RO", "W1C", "W1S", "RC", "WO")
WRITABLE = ("RW", "W1C", "W1S", "WO")


class DescriptionError(Exception):
    """A malformed register description: reported in one line, exit code 1."""


def need(raw, key, where):
    if not isinstance(raw, dict) or key not in raw:
        raise DescriptionError(f"{where}: missing key '{key}'")
    return raw[key]


def integer(raw, key, where, default=None):
    value = raw.get(key, default) if default is not None else need(raw, key, where)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DescriptionError(f"{where}: '{key}' must be a non-negative integer")
    return value


def bits_of(spec, where):
    hi, _, lo = str(spec).partition(":")
    try:
        msb, lsb = int(hi), int(lo) if lo else int(hi)
    except ValueError:
        raise DescriptionError(f"{where}: bad bits '{spec}'") from None
    if lsb < 0 or msb < lsb:  # above bit 31 is for the caller to judge, with a field array's extent
        raise DescriptionError(f"{where}: bad bits '{spec}' (HI:LO with HI >= LO >= 0)")
    return msb, lsb


# A device name becomes file, module and namespace names.
DEVICE_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
ROOT = pathlib.Path(__file__).resolve().parent.parent


class Field:
    def __init__(self, raw, reg):
        self.name = need(raw, "name", reg.name + " field")
        where = f"{reg.name}.{self.name}"
        self.msb, self.lsb = bits_of(need(raw, "bits", where), where)
        # A field array: element i sits `stride` bits above element i - 1.
        self.count = integer(raw, "count", where, 1)
        self.stride = integer(raw, "stride", where, 0)
        if self.count < 1 or (self.count > 1 and self.stride < self.msb - self.lsb + 1):
            raise DescriptionError(f"{where}: a field array needs count >= 1 and stride >= its width")
        top = self.msb + (self.count - 1) * self.stride
        if self.msb < self.lsb or top > 31:
            raise DescriptionError(f"{where}: bits '{raw['bits']}' (x{self.count}) go beyond bit 31")
        self.width = self.msb - self.lsb + 1
        self.reset = integer(raw, "reset", where, 0)
        if self.reset >> self.width:
            raise DescriptionError(f"{where}: reset {self.reset:#x} wider than the field")
        self.access = raw.get("access", reg.access)
        if self.access not in ACCESS:
            raise DescriptionError(f"{where}: unknown access '{self.access}'")
        self.hwext = bool(raw.get("hwext", False))
        self.hw_load = bool(raw.get("hw_load", False))
        self.const = bool(raw.get("const", False))
        self.reset_by = raw.get("reset_by")  # "REG.FIELD", resolved by load()
        # A WO or W1S field whose hardware must also know that a write came, whatever its value.
        self.strobe = bool(raw.get("strobe", False))
        if self.strobe and self.access not in ("WO", "W1S"):
            raise DescriptionError(f"{where}: strobe is for WO and W1S fields")
        if self.hwext and self.access not in ("RW", "W1C", "RC"):
            raise DescriptionError(f"{where}: hwext is for RW, W1C and RC fields")
        if self.hw_load and (self.access != "RW" or self.hwext):
            raise DescriptionError(f"{where}: hw_load is for stored RW fields")
        if self.const and self.access != "RO":
            raise DescriptionError(f"{where}: const is for RO fields")
        self.enum = raw.get("enum")
        self.doc = raw.get("doc", "")

    def elements(self):
        """(label, lsb) of each element: the field itself, or NAME[i] of a field array."""
        if self.count == 1:
            return [(self.name, self.lsb)]
        return [(f"{self.name}[{i}]", self.lsb + i * self.stride) for i in range(self.count)]

    def element_mask(self, lsb):
        return ((1 << self.width) - 1) << lsb

    @property
    def mask(self):
        return sum(self.element_mask(lsb) for _, lsb in self.elements())

    @property
    def reset_bits(self):
        return sum(self.reset << lsb for _, lsb in self.elements())


class Register:
    def __init__(self, raw):
        self.name = need(raw, "name", "register")
        self.offset = integer(raw, "offset", self.name)
        self.count = integer(raw, "count", self.name, 1)
        self.stride = integer(raw, "stride", self.name, 0)
        self.count_param = raw.get("count_param")
        self.power_domain = bool(raw.get("power_domain", False))
        self.access = need(raw, "access", self.name)
        if self.access not in ACCESS:
            raise DescriptionError(f"{self.name}: unknown access '{self.access}'")
        if self.offset % 4 or (self.count > 1 and self.stride % 4):
            raise DescriptionError(f"{self.name}: offsets must be 4-byte aligned")
        if self.count > 1 and self.stride & (self.stride - 1):
            raise DescriptionError(f"{self.name}: the stride of an array must be a power of two")
        if self.count_param and self.count == 1:
            raise DescriptionError(f"{self.name}: count_param needs count > 1")
        self.doc = raw.get("doc", "")
        self.fields = [Field(f, self) for f in need(raw, "fields", self.name)]
        if not self.fields:
            raise DescriptionError(f"{self.name}: no fields")
        used, names = 0, set()
        for f in self.fields:
            if f.name in names:
                raise DescriptionError(f"{self.name}: duplicate field name {f.name}")
            names.add(f.name)
            if used & f.mask:
                raise DescriptionError(f"{self.name}.{f.name} overlaps another field")
            used |= f.mask
        self.used_mask = used
        self.reset = sum(f.reset_bits for f in self.fields)
        self.write_mask = sum(f.mask for f in self.fields if f.access in WRITABLE)
        self.writable = self.write_mask != 0

    def instances(self):
        for i in range(self.count):
            label = self.name if self.count == 1 else f"{self.name}[{i}]"
            yield label, self.offset + i * self.stride


def load(path):
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    try:
        regschema.check(raw)
    except regschema.ShapeError as e:
        raise DescriptionError(str(e)) from None
    device = need(raw, "device", "description")
    for key in ("name", "title", "window_bytes", "vendor_id", "device_id"):
        need(device, key, "device")
    if not DEVICE_NAME.match(device["name"]):
        raise DescriptionError(f"device: name '{device['name']}' must be lower-case letters, digits and _")
    # Descriptor bit groups are read by the generators: each must lie within 32 bits.
    for group in ("ctrl_bits", "status_bits"):
        for f in raw.get("descriptor", {}).get(group, []):
            if bits_of(f["bits"], f"descriptor.{group}.{f['name']}")[0] > 31:
                raise DescriptionError(f"descriptor.{group}.{f['name']}: bits '{f['bits']}' go beyond bit 31")
    regs = [Register(r) for r in need(raw, "register", "description")]
    taken, names = {}, set()
    for r in regs:
        if r.name in names:
            raise DescriptionError(f"duplicate register name {r.name}")
        names.add(r.name)
        for label, off in r.instances():
            if off >= device["window_bytes"]:
                raise DescriptionError(f"{label} at {off:#x} is outside the CSR window")
            if off in taken:
                raise DescriptionError(f"{label} and {taken[off]} share offset {off:#x}")
            taken[off] = label
    enums = raw.get("enum", {})
    for name, e in enums.items():
        values = need(e, "values", f"enum {name}")
        for key in ("value", "name"):
            seen = [need(v, key, f"enum {name}") for v in values]
            if len(set(seen)) != len(seen):
                raise DescriptionError(f"enum {name}: duplicate {key}")
    # The register block answers with these.
    resp = [v.get("name") for v in enums.get("axi_resp", {}).get("values", [])]
    if not {"OKAY", "SLVERR", "DECERR"} <= set(resp):
        raise DescriptionError("enum axi_resp needs OKAY, SLVERR and DECERR")
    by_name = {r.name: r for r in regs}
    for r in regs:
        for f in r.fields:
            if f.reset_by:
                reg_name, _, field_name = str(f.reset_by).partition(".")
                other = by_name.get(reg_name)
                field = next((g for g in other.fields if g.name == field_name), None) if other else None
                if not field or field.access != "W1S" or field.width != 1 or other.count != r.count:
                    raise DescriptionError(f"{r.name}.{f.name}: reset_by '{f.reset_by}' is no 1-bit W1S field "
                                           "of a register with as many instances")
                f.reset_by = (other, field)
            if f.enum and f.enum not in enums:
                raise DescriptionError(f"{r.name}.{f.name} names unknown enum '{f.enum}'")
    return raw, regs


def enum_width(raw, regs, name):
    """The widest field that holds the enum, or else the bits its values need."""
    widths = [f.width for r in regs for f in r.fields if f.enum == name]
    values = raw["enum"][name]["values"]
    return max(widths or [max(v["value"] for v in values).bit_length() or 1])


def banner(comment, source, outdir):
    cmd = f"python3 scripts/regtool.py {source} build/{outdir}"
    return (f"{comment} Generated from {source} by scripts/regtool.py - do not edit.\n"
            f"{comment} Regenerate: {cmd} (the build does this).\n")


def gen_sv(raw, regs, source, outdir):
    aw = (raw["device"]["window_bytes"] - 1).bit_length()
    out = [banner("//", source, outdir),
           "// A package of constants: no one block uses all of them.",
           "/* verilator lint_off UNUSEDPARAM */",
           f"package {raw['device']['name']}_reg_pkg;\n"]
    out.append(f"  localparam int unsigned CsrAddrWidth = {aw};")
    out.append(f"  localparam logic [15:0] VendorId = 16'h{raw['device']['vendor_id']:04X};")
    out.append(f"  localparam logic [15:0] DeviceId = 16'h{raw['device']['device_id']:04X};")
    for key, name in (("max_channels", "MaxChannels"), ("max_vectors", "MaxVectors")):
        if key in raw["device"]:
            out.append(f"  localparam int unsigned {name} = {raw['device'][key]};")
    out[-1] += "\n"
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
            out.append(f"  localparam int unsigned {p}_WIDTH = {f.width};")
            if f.count == 1:
                out.append(f"  localparam int unsigned {p}_LSB = {f.lsb};")
                continue
            out.append(f"  localparam int unsigned {p}_COUNT = {f.count};")
            out.append(f"  // {f.name}(i): bits {f.lsb} + {f.stride}i.")
            out.append(f"  function automatic int unsigned {p}_LSB(input int unsigned i);")
            out.append(f"    return {f.lsb} + i * {f.stride};")
            out.append("  endfunction")
        out.append("")
    out += sv_descriptor(raw.get("descriptor"))
    for name, e in raw.get("enum", {}).items():
        width = enum_width(raw, regs, name)
        out.append(f"  // {e['doc']}")
        out.append(f"  typedef enum logic [{width - 1}:0] {{")
        items = [f"    {name.upper()}_{v['name']} = {width}'d{v['value']}" for v in e["values"]]
        out.append(",\n".join(items))
        out.append(f"  }} {name}_e;\n")
    out += regblock.structs(regs, raw["device"]["name"])
    out += regblock.power_domain_function(regs, aw)
    out += regblock.instance_functions(regs, aw)
    out.append("endpackage")
    out.append("/* verilator lint_on UNUSEDPARAM */")
    return "\n".join(out) + "\n"


def sv_descriptor(d):
    """The in-memory descriptor's layout, for a device that has one."""
    if d is None:
        return []
    out = [f"  // Descriptor layout (bytes {d['bytes']}).",
           f"  localparam int unsigned DESC_BYTES = {d['bytes']};",
           f"  localparam logic [31:0] DESC_MAX_LEN = 32'h{d['max_len']:08X};"]
    for f in d["fields"]:
        out.append(f"  localparam int unsigned DESC_{f['name']}_OFFSET = 'h{f['offset']:02X};")
    for group in ("ctrl_bits", "status_bits"):
        prefix = "DESC_" + group.split("_")[0].upper()
        for f in d[group]:
            hi, lo = bits_of(f["bits"], "descriptor")
            out.append(f"  localparam int unsigned {prefix}_{f['name']}_LSB = {lo};")
            out.append(f"  localparam int unsigned {prefix}_{f['name']}_WIDTH = {hi - lo + 1};")
    out.append("")
    return out


def gen_hpp(raw, regs, source, outdir):
    dev = raw["device"]
    out = [banner("//", source, outdir), "#pragma once\n", "#include <cstddef>", "#include <cstdint>\n",
           f"namespace {dev['name']}::reg {{\n",
           "enum class Access : std::uint8_t { RW, RO, W1C, W1S, RC, WO };\n",
           f"inline constexpr std::uint16_t kVendorId = 0x{dev['vendor_id']:04X};",
           f"inline constexpr std::uint16_t kDeviceId = 0x{dev['device_id']:04X};",
           f"inline constexpr std::uint32_t kWindowBytes = 0x{dev['window_bytes']:X};"]
    for key, name in (("max_channels", "kMaxChannels"), ("max_vectors", "kMaxVectors")):
        if key in dev:
            out.append(f"inline constexpr unsigned {name} = {dev[key]};")
    out[-1] += "\n"
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
            head = (f"struct {f.name} {{ static constexpr unsigned kLsb = {f.lsb}, kWidth = {f.width}; "
                    f"static constexpr std::uint32_t kMask = 0x{f.mask:08X};")
            if f.count == 1:
                out.append(head + " };")
                continue
            # A field array: element i at kLsb + i * kStride; kMask covers every element.
            out.append(head)
            out.append(f"  static constexpr unsigned kCount = {f.count}, kStride = {f.stride};")
            out.append("  static constexpr unsigned lsb(unsigned i) { return kLsb + i * kStride; }")
            out.append(f"  static constexpr std::uint32_t mask(unsigned i) {{ return 0x{(1 << f.width) - 1:X}u << lsb(i); }}")
            out.append("  static constexpr std::uint32_t put(unsigned i, std::uint32_t x) { return (x << lsb(i)) & mask(i); }")
            out.append("  static constexpr std::uint32_t get(unsigned i, std::uint32_t v) { return (v & mask(i)) >> lsb(i); }")
            out.append("};")
        out.append(f"}}  // namespace {r.name}\n")
    out.append("// Field helpers: get<CTRL::ENABLE>(v), put<CTRL::ENABLE>(1).")
    out.append("template <typename F> constexpr std::uint32_t get(std::uint32_t v) { return (v & F::kMask) >> F::kLsb; }")
    out.append("template <typename F> constexpr std::uint32_t put(std::uint32_t x) { return (x << F::kLsb) & F::kMask; }\n")

    out.append("struct FieldInfo { const char* name; unsigned lsb; unsigned width; std::uint32_t reset; Access access; };")
    out.append("struct RegInfo {\n  const char* name;\n  std::uint32_t offset, count, stride, reset, write_mask, used_mask;\n"
               "  Access access;\n  const FieldInfo* fields;\n  std::size_t field_count;\n};\n")
    for r in regs:
        items = ", ".join(f'{{"{label}", {lsb}, {f.width}, 0x{f.reset:X}, Access::{f.access}}}'
                          for f in r.fields for label, lsb in f.elements())
        out.append(f"inline constexpr FieldInfo k{r.name.title().replace('_', '')}Fields[] = {{{items}}};")
    out.append("\n// Every register, in offset order of its first instance.")
    out.append("inline constexpr RegInfo kRegisters[] = {")
    for r in regs:
        fn = f"k{r.name.title().replace('_', '')}Fields"
        out.append(f'    {{"{r.name}", 0x{r.offset:03X}, {r.count}, 0x{r.stride:X}, 0x{r.reset:08X}, '
                   f"0x{r.write_mask:08X}, 0x{r.used_mask:08X}, Access::{r.access}, {fn}, "
                   f"{sum(f.count for f in r.fields)}}},")
    out.append("};\n")
    out.append("// The register at a CSR offset (nullptr if none); *index gets the array index.")
    out.append("constexpr const RegInfo* find(std::uint32_t offset, unsigned* index = nullptr) {")
    out.append("  for (const RegInfo& r : kRegisters) {")
    out.append("    for (std::uint32_t i = 0; i < r.count; ++i) {")
    out.append("      if (r.offset + i * r.stride == offset) {")
    out.append("        if (index) *index = i;")
    out.append("        return &r;")
    out.append("      }\n    }\n  }\n  return nullptr;\n}\n")
    # One signature for every device, so a device kind can carry it (the platform names the
    # registers of any kind's accesses through it, knowing none of their names).
    out.append("// The name of the register at a CSR offset (nullptr if none); *element gets its index in a")
    out.append("// register array, or -1 for a lone register.")
    out.append("constexpr const char* register_at(std::uint32_t offset, int* element) {")
    out.append("  unsigned i = 0;")
    out.append("  const RegInfo* r = find(offset, &i);")
    out.append("  if (r == nullptr) return nullptr;")
    out.append("  *element = r->count > 1 ? static_cast<int>(i) : -1;")
    out.append("  return r->name;\n}\n")

    out += hpp_descriptor(raw.get("descriptor"))
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
    out.append(f"}}  // namespace {dev['name']}::reg")
    return "\n".join(out) + "\n"


def hpp_descriptor(d):
    """The in-memory descriptor's layout, for a device that has one."""
    if d is None:
        return []
    out = ["namespace desc {",
           f"inline constexpr std::uint32_t kBytes = {d['bytes']};",
           f"inline constexpr std::uint32_t kMaxLen = 0x{d['max_len']:X};"]
    for f in d["fields"]:
        out.append(f"inline constexpr std::uint32_t k{f['name'].title()}Offset = 0x{f['offset']:02X};")
    for group in ("ctrl_bits", "status_bits"):
        ns = group.split("_")[0].upper()
        out.append(f"namespace {ns} {{")
        for f in d[group]:
            hi, lo = bits_of(f["bits"], "descriptor")
            mask = ((1 << (hi - lo + 1)) - 1) << lo
            out.append(f"struct {f['name']} {{ static constexpr unsigned kLsb = {lo}, kWidth = {hi - lo + 1}; "
                       f"static constexpr std::uint32_t kMask = 0x{mask:08X}; }};")
        out.append(f"}}  // namespace {ns}")
    out.append("}  // namespace desc\n")
    return out


ACCESS_DOC = """## Access types and bus rules

| access | read | write |
|---|---|---|
| RW | the stored value | stores the written value |
| RO | the hardware's value | SLVERR, no effect |
| W1C | the latched bits | each 1 clears its bit; a hardware event in the same cycle wins (the bit stays set) |
| W1S | 0 | each 1 starts its action once (self-clearing) |
| RC | the latched bits, cleared by that read: exactly the bits it returned | SLVERR, no effect |
| WO | 0, OKAY | each 1 acts once |

- WSTRB other than 0xF: SLVERR, no effect.
- An offset no register occupies: DECERR, reads 0.{instances}
- A read and a write of one register completing in the same cycle: the read returns the
  value from before the write. An RC read and a W1C write in the same cycle clear both
  the bits read and the bits written.
{power}"""
# Rules that only a description with register arrays sized by a parameter (count_param),
# or with a power domain, brings.
INSTANCES_DOC = """ Channel registers of channels the
  instance lacks are unmapped, except on REVISION 1 (erratum E1: OKAY, read 0, writes ignored)."""
POWER_DOC = """- In D3, and during the wake-up from it, every register outside the power domain
  ({power_domain}) answers SLVERR and reads 0xFFFFFFFF.
- SOFT_RESET and entering D3 return every register outside the power domain to its
  reset value.
"""


def access_doc(regs):
    power_domain = [r.name for r in regs if r.power_domain]
    return ACCESS_DOC.format(
        instances=INSTANCES_DOC if any(r.count_param for r in regs) else "",
        power=POWER_DOC.format(power_domain=", ".join(power_domain)) if power_domain else "")


def gen_md(raw, regs, source, outdir):
    dev = raw["device"]
    out = [f"<!-- {banner('', source, outdir).strip()} -->\n",
           f"# {dev['title']} register reference\n",
           f"CSR window: {dev['window_bytes']} bytes. Vendor 0x{dev['vendor_id']:04X}, device 0x{dev['device_id']:04X}.\n",
           access_doc(regs),
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
            if f.count > 1:
                bits = f"{bits} + {f.stride}i (i < {f.count})"
            doc = f.doc + (f" Values: enum `{f.enum}`." if f.enum else "")
            out.append(f"| {bits} | {f.name} | {f.access} | 0x{f.reset:X} | {doc} |")
    for name, e in raw.get("enum", {}).items():
        out.append(f"\n## enum `{name}`\n\n{e['doc']}\n\n| value | name | meaning |\n|---|---|---|")
        for v in e["values"]:
            out.append(f"| {v['value']} | {v['name']} | {v.get('doc', '')} |")
    d = raw.get("descriptor")
    if d is None:
        return "\n".join(out) + "\n"
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
    files[f"{raw['device']['name']}_csr_addr.gtkwf"] = "\n".join(lines) + "\n"
    for name, e in raw.get("enum", {}).items():
        width = enum_width(raw, regs, name)
        digits = (width + 3) // 4
        lines = [banner("#", source, outdir)]
        lines += [f"{v['value']:0{digits}X} {v['name']}" for v in e["values"]]
        files[f"{raw['device']['name']}_{name}.gtkwf"] = "\n".join(lines) + "\n"
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
    try:
        raw, regs = load(source)
    except DescriptionError as e:
        sys.exit(f"regtool: {source}: {e}")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:  # not UTF-8 is no TOML either
        sys.exit(f"regtool: {source}: {e}")
    rel, shown, name = repo_path(source), build_path(outdir), raw["device"]["name"]
    write_if_changed(outdir / f"{name}_reg_pkg.sv", gen_sv(raw, regs, rel, shown))
    write_if_changed(outdir / f"{name}_reg_block.sv",
                     regblock.gen_block(regs, banner("//", rel, shown), name, block_note(raw["device"])))
    write_if_changed(outdir / f"{name}_regs.hpp", gen_hpp(raw, regs, rel, shown))
    write_if_changed(outdir / "registers.md", gen_md(raw, regs, rel, shown))
    for file, text in gen_filters(raw, regs, rel, shown).items():
        write_if_changed(outdir / "gtkwave" / file, text)


def repo_path(source):
    """The description as the banners name it: from the repository's root when it is inside."""
    path = pathlib.Path(source).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else pathlib.Path(source).name


def build_path(outdir):
    """The output folder as the banners name it: from the folder above the nearest one named
    gen (build/gen, build/gen/tmr), or else by its own name."""
    path = pathlib.Path(outdir).resolve()
    for top in (path, *path.parents):
        if top.name == "gen":
            return path.relative_to(top.parent).as_posix()
    return path.name


def block_note(device):
    """Where the register block's special behaviour lives, as its header comment says it."""
    if "special_rtl" not in device:
        return "Special behaviour lives in the hand-written RTL around it,"
    return f"Special behaviour ({device.get('special', 'rules of its own')}) lives in {device['special_rtl']},"


if __name__ == "__main__":
    main(sys.argv)
