#!/usr/bin/env python3
"""Generates, from a device's top and the platform's port contract, everything that repeats
the device's ports: its C++ pin bundles, its platform top and its SystemC signals.

A device's ports are spelled once, in its top module (<dev>_top.sv, e.g. rtl/tce_top.sv);
the platform's own ports (the CPUs' wave markers and the probes) once, here (PLATFORM_PORTS);
what a kind's probes read of its device once, in its <dev>_probes.svh (the assign
statements of every probe output). Every device top keeps one port contract (CONTRACT below):
clk, rst_n, an AXI4-Lite CSR slave port, optionally an AXI4 master memory port (m_axi_*),
irq (one bit per vector) and quiescent; the bus models take the contract's sub-bundles, the
same C++ types for every device. Outputs, each written only when its content changed (an
unchanged port list never triggers a re-Verilation):

portgen.py platform OUTDIR: what every kind shares
  bus_pins.hpp            the contract's types: AxilPins (the CSR port), AxiPins (the memory
                          port), DevicePins (the whole device)
  probe_pins.hpp          ProbePins, the platform top's own ports (cpu<N>_<name> ports become
                          an array <name>[kCpus])
portgen.py device DEVICE_TOP.sv PROBES.svh OUTDIR: one kind's
  <dev>_platform_top.sv   the platform's top of the kind: the device's parameters and ports,
                          the platform's ports, the device (u_<dev>) and its probes
  <dev>_pins.hpp          <Dev>Pins: DevicePins and a pointer per port outside the contract
  <dev>_pins_bind.hpp     bind_<dev>_pins() and bind_probes(): the pointers into a model
  <dev>_sc_signals.hpp    <Dev>ScSignals: the device's ports as SystemC signals, for a model
                          Verilated with --sc, and a plain copy of each that the bus models use

A field is its port's name less the direction suffix (_i, _o; rst_ni gives rst_n) and with
a bus prefix replaced (PREFIXES); in the contract's sub-bundles, without the prefix. Port
widths are evaluated with the parameters' defaults.

Usage: portgen.py platform OUTDIR | portgen.py device DEVICE_TOP.sv PROBES.svh OUTDIR
"""

import pathlib
import re
import sys

# Bus port prefixes and the field prefix each becomes.
PREFIXES = (("s_axil_", ""), ("m_axi_", "m_"))

# Verilator's C types of a port (plain integers: no Verilator header needed).
C_TYPES = ((8, "CData"), (16, "SData"), (32, "IData"), (64, "QData"))


# The port contract: each sub-bundle's fields and their C type ("Word": a width that differs
# between devices, reached through WordPin). The memory port is all of its fields or none.
AXIL = (("awvalid", "CData"), ("awready", "CData"), ("awaddr", "Word"), ("wvalid", "CData"),
        ("wready", "CData"), ("wdata", "IData"), ("wstrb", "CData"), ("bvalid", "CData"),
        ("bready", "CData"), ("bresp", "CData"), ("arvalid", "CData"), ("arready", "CData"),
        ("araddr", "Word"), ("rvalid", "CData"), ("rready", "CData"), ("rdata", "IData"),
        ("rresp", "CData"))
AXI = tuple((f, "QData" if f.endswith(("addr", "data")) else "CData") for f in (
    "arvalid arready araddr arlen arsize arburst rvalid rready rdata rresp rlast awvalid awready awaddr "
    "awlen awsize awburst wvalid wready wdata wstrb wlast bvalid bready bresp").split())
SINGLES = (("clk", "CData"), ("rst_n", "CData"), ("irq", "Word"), ("quiescent", "CData"))
# The exact width of each CData, IData field wider than one bit (every other CData is a 1-bit
# handshake); a QData field is anything from 33 to 64 bits, a Word one from 1 to 32.
WIDTHS = {("csr", "wstrb"): 4, ("csr", "bresp"): 2, ("csr", "rresp"): 2, ("csr", "rdata"): 32,
          ("csr", "wdata"): 32, ("mem", "arlen"): 8, ("mem", "awlen"): 8, ("mem", "arsize"): 3,
          ("mem", "awsize"): 3, ("mem", "arburst"): 2, ("mem", "awburst"): 2, ("mem", "rresp"): 2,
          ("mem", "bresp"): 2, ("mem", "wstrb"): 8}


# The platform top's own ports, the same for every kind: per CPU (cpu<N>_<name>, N from 0 to
# CPUS-1), then the platform's markers (inputs), then the probes (outputs, which the kind's
# <dev>_probes.svh assigns, in the TCE's layout). Each (name, width, comment).
CPUS = 4
CPU_MARKERS = (("context", 2, "0 idle, 1 process, 2 interrupt, 3 bottom half"),
               ("hal_call", 5, "the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)"),
               ("reg", 12, "the register of the last CSR access"))
MARKERS = (("dma_faults", 8, "counts IOMMU faults: each one a step in the waves"),
           ("injected_faults", 8, "counts injected faults: each one a step in the waves"),
           ("checker_fail", 8, "the checker that failed the run (its id in the checker catalog, 0 while "
            "none has), set at the cycle the first failure is recorded: a wave viewer finds the failure by it"))
PROBES = (("dma_channel", 2, "the channel whose descriptor the DMA engine works on (every memory "
           "transaction belongs to it)"),
          ("irq_events", 9, "the hardware events the interrupt controller receives this cycle"),
          ("irq_status", 9, "its latched events (IRQ_STATUS)"),
          ("irq_enable", 9, "their enables (IRQ_ENABLE)"),
          ("irq_vec_map", 18, "their vectors (IRQ_VEC_MAP)"),
          ("irq_pulse", 4, "each vector's output mode (IRQ_MODE: 1 pulse)"))


class PortError(Exception):
    """A port list this generator cannot read: reported in one line, exit code 1."""


def strip_block_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def header_of(text, module):
    """The module's parameter list and port list, as text."""
    m = re.search(r"\bmodule\s+" + module + r"\b", text)
    if not m:
        raise PortError(f"no module {module}")
    pos = m.end()
    params = ""
    hash_at = text.find("#(", pos)
    paren_at = text.find("(", pos)
    if hash_at != -1 and hash_at < paren_at:
        params, pos = balanced(text, hash_at + 1)
        paren_at = text.find("(", pos)
    ports, _ = balanced(text, paren_at)
    return params, ports


def balanced(text, start):
    """The text inside the parentheses opening at `start`, and the index after them."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    raise PortError("unbalanced parentheses")


def parameters(params):
    values = {}
    for name, value in re.findall(r"parameter\s+[\w\s]*?(\w+)\s*=\s*([^,/\n]+)", params):
        value = value.strip()
        sized = re.fullmatch(r"\d*'([bdh])([0-9a-fA-F_]+)", value)
        values[name] = int(sized.group(2), {"b": 2, "d": 10, "h": 16}[sized.group(1)]) if sized else int(value, 0)
    return values


def width(bounds, params):
    if not bounds:
        return 1
    msb, lsb = bounds.split(":")
    try:
        return eval(msb, {}, dict(params)) - eval(lsb, {}, dict(params)) + 1  # noqa: S307 (our own RTL)
    except Exception as err:
        raise PortError(f"cannot evaluate the width [{bounds}]: {err}") from err


def declaration(direction, bounds, name):
    return f"{direction:<6} logic {'[' + bounds + ']' if bounds else '':<12} {name}"


PORT = re.compile(r"^\s*(input|output)\s+logic\s*(?:\[([^\]]+)\])?\s*(\w+)\s*,?\s*(//.*)?$")


def ports(port_text, params):
    """Each port (direction, name, width, declaration) and each comment line above one."""
    items = []
    for line in port_text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("`"):
            continue
        if stripped.startswith("//"):
            items.append(("comment", stripped[2:].strip()))
            continue
        m = PORT.match(line)
        if not m:
            raise PortError(f"cannot read the port declaration: {stripped}")
        direction, bounds, name, _ = m.groups()
        items.append(("port", (direction, name, width(bounds, params), declaration(direction, bounds, name))))
    return items


def field(name):
    base = re.sub(r"(_n)[io]$", r"\1", name)
    if base == name:
        base = re.sub(r"_[io]$", "", name)
    for prefix, replacement in PREFIXES:
        if base.startswith(prefix):
            return replacement + base[len(prefix) :]
    return base


def c_type(bits, name):
    for limit, ctype in C_TYPES:
        if bits <= limit:
            return ctype
    raise PortError(f"port {name} is {bits} bits wide: wider than 64 is not supported")


BANNER = "// Generated by scripts/portgen.py from {src} - do not edit (regenerated at configure time).\n"


def platform_ports():
    """The platform top's own ports, as ports() gives a device's: markers, then probes."""
    def port(direction, name, bits, comment):
        bounds = f"{bits - 1}:0" if bits > 1 else None
        return [("comment", comment), ("port", (direction, f"{name}_{direction[0]}", bits, declaration(direction, bounds, f"{name}_{direction[0]}")))]
    items = [item for n in range(CPUS) for name, bits, comment in CPU_MARKERS
             for item in port("input", f"cpu{n}_{name}", bits, comment)[0 if n == 0 else 1 :]]
    items += [item for name, bits, comment in MARKERS for item in port("input", name, bits, comment)]
    items += [item for name, bits, comment in PROBES for item in port("output", name, bits, comment)]
    return items


def check_probes(probes_text, probes_name):
    """The kind's probe statements assign every probe output, and nothing else."""
    assigned = re.findall(r"^\s*assign\s+(\w+)\s*=", probes_text, re.M)
    wanted = [f"{name}_o" for name, _, _ in PROBES]
    for name in wanted:
        if assigned.count(name) != 1:
            raise PortError(f"{probes_name}: assigns the probe output {name} {assigned.count(name)} times, not once")
    other = sorted(set(assigned) - set(wanted))
    if other:
        raise PortError(f"{probes_name}: assigns {', '.join(other)}, not probe outputs of the platform top")


def sv_platform_top(dev, imports, params_text, device_ports, probes_text, srcs):
    """The kind's platform top: the device's parameters and ports, the platform's, the device
    connected by name, and the kind's probe statements."""
    lines = [BANNER.format(src=" and ".join(srcs)),
             f"// The platform's top of a {dev}: {dev}_top (u_{dev}), plus inputs that carry what the platform's\n",
             "// CPUs and fault injection do, so that the waves show the driver beside the RTL on one time\n",
             "// base (nothing inside reads them), and the probes the platform's records and checkers read.\n",
             f"module {dev}_platform_top\n"]
    lines += [f"  {imp.strip()}\n" for imp in imports]
    names = re.findall(r"parameter\s+[\w\s]*?(\w+)\s*=", params_text)
    if names:
        body = "\n".join(f"  {line.strip()}" for line in params_text.strip("\n").splitlines() if line.strip())
        lines.append(f"#(\n{body}\n) (\n")
    else:
        lines.append("(\n")
    ports = [("raw", "  // The device's ports (its top's), connected to it by name.\n")] + list(device_ports)
    markers_probes = platform_ports()
    split = next(i for i, (k, item) in enumerate(markers_probes) if k == "port" and item[0] == "output") - 1
    ports += [("raw", "  /* verilator lint_off UNUSEDSIGNAL */\n")] + markers_probes[:split]
    ports += [("raw", "  /* verilator lint_on UNUSEDSIGNAL */\n")] + markers_probes[split:]
    last = max(i for i, (k, _) in enumerate(ports) if k == "port")
    for i, (kind, item) in enumerate(ports):
        if kind == "raw":
            lines.append(item)
        elif kind == "comment":
            lines.append(f"  // {item}\n")
        else:
            lines.append(f"  {item[3]}{'' if i == last else ','}\n")
    lines.append(");\n\n")
    if names:
        connections = ",\n".join(f"    .{n} ({n})" for n in names)
        lines.append(f"  {dev}_top #(\n{connections}\n  ) u_{dev} (.*);\n\n")
    else:
        lines.append(f"  {dev}_top u_{dev} (.*);\n\n")
    lines += [f"  {line}\n" if line.strip() else "\n" for line in probes_text.strip("\n").splitlines()]
    lines.append("\nendmodule\n")
    return "".join(lines)


def cpp_struct(name, items, arrays=None):
    out = [f"struct {name} {{\n"]
    for kind, item in items:
        if kind == "comment":
            out.append(f"  // {item}\n")
        else:
            _, port, bits, _ = item
            out.append(f"  {c_type(bits, port)}* {field(port)};\n")
    for array, (bits, port) in (arrays or {}).items():
        out.append(f"  {c_type(bits, port)}* {array}[kCpus];\n")
    return out


def probe_items(items):
    """The marker ports, with the cpu<N>_<name> ones grouped into arrays."""
    cpus, arrays, rest = set(), {}, []
    for kind, item in items:
        m = re.match(r"cpu(\d+)_(\w+)$", item[1]) if kind == "port" else None
        if m:
            cpus.add(int(m.group(1)))
            arrays.setdefault(field(m.group(2)), (item[2], item[1]))
            while rest and rest[-1][0] == "comment":  # it spoke of the CPU ports, not of the next
                rest.pop()
        else:
            rest.append((kind, item))
    if cpus and sorted(cpus) != list(range(len(cpus))):
        raise PortError(f"the cpu<N>_ ports are not numbered 0..{len(cpus) - 1}")
    return len(cpus), arrays, rest


def contract(device_ports):
    """The device's ports split by the contract: {(bundle, field): port}, and the other items.
    Bundles: "csr", "mem" and "" (the singles). Raises PortError where the contract is broken."""
    known = {("csr", f): t for f, t in AXIL} | {("mem", f): t for f, t in AXI} | {("", f): t for f, t in SINGLES}
    found, rest = {}, []
    for kind, item in device_ports:
        if kind != "port":
            rest.append((kind, item))
            continue
        name = field(item[1])
        key = ("mem", name[2:]) if name.startswith("m_") else ("csr" if ("csr", name) in known else "", name)
        if key not in known:
            if key[0] == "mem":
                raise PortError(f"{item[1]}: not a port of the AXI4 memory port's contract")
            rest.append((kind, item))
            continue
        want, bits = known[key], item[2]
        if want == "Word":
            ok = bits <= 32
        elif want == "QData":
            ok = 32 < bits <= 64
        else:
            ok = bits == WIDTHS.get(key, 1)
        if not ok:
            raise PortError(f"{item[1]} is {bits} bits wide: the port contract does not allow that ({want})")
        found[key] = item[1]
    missing = [f"{b or 'device'}.{f}" for (b, f) in known if (b, f) not in found and b != "mem"]
    has_mem = any(b == "mem" for b, _ in found)
    missing += [f"mem.{f}" for (b, f) in known if b == "mem" and has_mem and (b, f) not in found]
    if missing:
        raise PortError("the top lacks the contract's ports: " + ", ".join(missing))
    return found, has_mem, rest


def cpp_bus_pins():
    def fields(table):
        return "".join(f"  {'WordPin' if t == 'Word' else t + '*'} {f}{'{}' if t == 'Word' else ' = nullptr'};\n"
                       for f, t in table)
    return "".join([
        BANNER.format(src="the port contract in scripts/portgen.py"),
        "// The port contract every device top keeps, as pointers into a Verilated model: the bus\n",
        "// models take these sub-bundles, the same types for every device and variant. Plain\n",
        "// integer types (Verilator's CData, SData, IData, QData) keep Verilator's headers out.\n",
        "#pragma once\n\n#include <cstdint>\n\nnamespace tandem {\n\n",
        "using CData = std::uint8_t;\nusing SData = std::uint16_t;\nusing IData = std::uint32_t;\n",
        "using QData = std::uint64_t;\n\n",
        "// A port whose width differs between devices (a CSR address, the interrupt vector): its\n",
        "// Verilated variable and that variable's size. A switch on the size, no virtual call.\n",
        "struct WordPin {\n  void* at = nullptr;\n  unsigned bytes = 0;\n",
        "  template <typename T>\n  static WordPin of(T* port) {\n",
        "    static_assert(sizeof(T) <= sizeof(IData), \"a word pin is at most 32 bits\");\n",
        "    return {port, sizeof(T)};\n  }\n",
        "  std::uint32_t get() const {\n    switch (bytes) {\n",
        "      case 1: return *static_cast<const CData*>(at);\n",
        "      case 2: return *static_cast<const SData*>(at);\n",
        "      default: return *static_cast<const IData*>(at);\n    }\n  }\n",
        "  void set(std::uint32_t v) const {\n    switch (bytes) {\n",
        "      case 1: *static_cast<CData*>(at) = static_cast<CData>(v); break;\n",
        "      case 2: *static_cast<SData*>(at) = static_cast<SData>(v); break;\n",
        "      default: *static_cast<IData*>(at) = v;\n    }\n  }\n};\n\n",
        "// The AXI4-Lite CSR slave port (s_axil_*).\nstruct AxilPins {\n", fields(AXIL), "};\n\n",
        "// The AXI4 master memory port (m_axi_*), when the device has one.\nstruct AxiPins {\n", fields(AXI), "};\n\n",
        "// The whole contract: what generic code (the harness, the engine) reaches of any device.\n",
        "struct DevicePins {\n  CData* clk = nullptr;\n  CData* rst_n = nullptr;\n  AxilPins csr;\n",
        "  AxiPins mem;           // all nullptr when the device has no memory port\n",
        "  bool has_mem = false;\n  WordPin irq;            // one bit per interrupt vector\n",
        "  CData* quiescent = nullptr;\n};\n\n}  // namespace tandem\n"])


def bundle_name(dev):
    return "".join(w.capitalize() for w in dev.split("_")) + "Pins"


def cpp_pins(device_ports, srcs, dev):
    _, _, others = contract(device_ports)
    extra = [(k, i) for k, i in others if k == "port"]
    out = [
        BANNER.format(src=" and ".join(srcs)),
        "// The device's ports as pointers into a Verilated model, so that bus models work with\n",
        "// any Verilated variant (each its own C++ class).\n",
        "#pragma once\n\n#include \"bus_pins.hpp\"\n\nnamespace tandem {\n\n",
        "// The contract's bundle, and the ports outside it.\n",
    ]
    out += [f"struct {bundle_name(dev)} : DevicePins {{\n"] + cpp_struct("", extra)[1:]
    out.append("};\n\n}  // namespace tandem\n")
    return "".join(out)


def cpp_probes(probe_ports, src):
    cpus, arrays, rest = probe_items(probe_ports)
    out = [BANNER.format(src=src), "#pragma once\n\n#include \"bus_pins.hpp\"\n\nnamespace tandem {\n\n"]
    out.append("// The platform top's own ports: what only the waves read, and what checkers peek at.\n")
    out.append("struct ProbePins {\n")
    out.append(f"  static constexpr unsigned kCpus = {cpus};  // CPUs with markers of their own\n")
    out += cpp_struct("", rest, arrays)[1:]
    out.append("};\n\n}  // namespace tandem\n")
    return "".join(out)


def cpp_bind(device_ports, probe_ports, srcs, dev):
    cpus, arrays, rest = probe_items(probe_ports)
    found, has_mem, others = contract(device_ports)
    name = bundle_name(dev)
    out = [
        BANNER.format(src=" and ".join(srcs)),
        f"// Binds {name} and ProbePins to the ports of a Verilated model. Include only where the\n",
        f"// model itself is included.\n#pragma once\n\n#include \"{dev}_pins.hpp\"\n#include \"probe_pins.hpp\"\n\n",
        "namespace tandem {\n\n",
        f"template <typename Model>\n{name} bind_{dev}_pins(Model& m) {{\n  {name} p{{}};\n",
    ]
    words = {("csr", "awaddr"), ("csr", "araddr"), ("", "irq")}
    for (bundle, fld), port in found.items():
        target = f"p.{bundle + '.' if bundle else ''}{fld}"
        out.append(f"  {target} = WordPin::of(&m.{port});\n" if (bundle, fld) in words else f"  {target} = &m.{port};\n")
    out.append(f"  p.has_mem = {'true' if has_mem else 'false'};\n")
    out += [f"  p.{field(i[1])} = &m.{i[1]};\n" for k, i in others if k == "port"]
    out.append("  return p;\n}\n\ntemplate <typename Model>\nProbePins bind_probes(Model& m) {\n  ProbePins p{};\n")
    for array, (_, port) in arrays.items():
        suffix = port.split("_", 1)[1]
        out += [f"  p.{array}[{n}] = &m.cpu{n}_{suffix};\n" for n in range(cpus)]
    out += [f"  p.{field(i[1])} = &m.{i[1]};\n" for k, i in rest if k == "port"]
    out.append("  return p;\n}\n\n}  // namespace tandem\n")
    return "".join(out)


def sc_type(bits):
    """The type Verilator 5 gives a port under --sc."""
    return "bool" if bits == 1 else "std::uint32_t" if bits <= 32 else "std::uint64_t"


def cpp_sc_signals(device_ports, src, dev):
    name = bundle_name(dev).replace("Pins", "ScSignals")
    ports = [item for kind, item in device_ports if kind == "port"]
    signals = [p for p in ports if p[1] != "clk_i"]
    out = [
        BANNER.format(src=src),
        f"// The ports of {dev}_top as SystemC signals, for the model Verilator makes of it with --sc,\n",
        "// each with the plain copy the bus models read and write. The copies carry the ports'\n",
        f"// names, so bind_{dev}_pins() binds them as it binds a plain Verilated model. The clock has\n",
        "// no signal here: whoever owns the model binds clk_i to its sc_clock.\n",
        f"#pragma once\n\n#include <systemc>\n\n#include <cstdint>\n\n#include \"{dev}_pins_bind.hpp\"\n\n",
        "namespace tandem {\n\n",
        f"struct {name} {{\n",
        "  // Each port's signal, of its type under --sc (bool: 1 bit, std::uint32_t: up to 32).\n",
    ]
    out += [f"  sc_core::sc_signal<{sc_type(bits)}> {port}{{\"{port}\"}};\n" for _, port, bits, _ in signals]
    out.append("  // Each port's plain copy, as a plain Verilated model has it.\n  struct Plain {\n")
    out += [f"    {c_type(bits, port)} {port} = 0;\n" for _, port, bits, _ in ports]
    out.append("  } plain;\n\n  // Every port but the clock on its signal.\n")
    out.append("  template <typename Dut>\n  void bind(Dut& dut) {\n")
    out += [f"    dut.{port}({port});\n" for _, port, _, _ in signals]
    out.append(f"  }}\n  // The bus models' view of the plain copies.\n  {bundle_name(dev)} pins() {{ return bind_{dev}_pins(plain); }}\n")
    out.append("  // The device's outputs as they are now, into their plain copies.\n  void read_outputs() {\n")
    out += [f"    plain.{port} = static_cast<{c_type(bits, port)}>({port}.read());\n"
            for direction, port, bits, _ in signals if direction == "output"]
    out.append("  }\n  // The plain copies of the inputs onto their signals.\n  void write_inputs() {\n")
    out += [f"    {port}.write(static_cast<{sc_type(bits)}>(plain.{port}));\n"
            for direction, port, bits, _ in signals if direction == "input"]
    out.append("  }\n};\n\n}  // namespace tandem\n")
    return "".join(out)


def find(name, dirs):
    for d in dirs:
        if (d / name).is_file():
            return d / name
    raise PortError(f"cannot find {name} (looked in {', '.join(str(d) for d in dirs)})")


def expand_includes(port_text, dirs):
    """The port list with each `include "FILE"` line replaced by FILE's text (the shared CSR
    port, rtl/axil_csr_ports.svh)."""
    def include(m):
        return strip_block_comments(find(m.group(1), dirs).read_text())
    return re.sub(r'^\s*`include\s+"([^"]+)"\s*$', include, port_text, flags=re.M)


def package_constants(imports, dirs):
    """The integer localparams of the packages a top imports (a port's width may name one,
    as CsrAddrWidth does), from <package>.sv where it is found."""
    values = {}
    for imp in imports:
        name = re.match(r"import\s+(\w+)::", imp).group(1)
        try:
            text = find(f"{name}.sv", dirs).read_text()
        except PortError:
            continue  # a package no width names
        for const, value in re.findall(r"localparam\s+(?:int\s+unsigned\s+|int\s+)?(\w+)\s*=\s*(\d+)\s*;", text):
            values[const] = int(value)
    return values


def read_top(path, dirs):
    """A module's imports, parameter list text, parameter values and ports; its includes and
    imported packages are looked for in `dirs`."""
    text = strip_block_comments(path.read_text())
    params, port_text = header_of(text, path.stem)
    m = re.search(r"\bmodule\s+" + path.stem + r"\b(.*?)(#\(|\()", text, re.S)
    imports = re.findall(r"import\s+[\w:*]+\s*;", m.group(1)) if m else []
    values = package_constants(imports, dirs) | parameters(params)
    return imports, params, ports(expand_includes(port_text, dirs), values)


def device_outputs(device_sv, probes_svh, outdir):
    if not device_sv.stem.endswith("_top"):
        raise PortError(f"{device_sv.name}: a device's top is named <device>_top")
    dev = device_sv.stem[: -len("_top")]
    # Includes and packages: the generated ones (the register package), the device's own,
    # the platform's RTL (the shared CSR port).
    dirs = (outdir, device_sv.parent, pathlib.Path(__file__).resolve().parent.parent / "rtl")
    imports, params, device_ports = read_top(device_sv, dirs)
    probes_text = probes_svh.read_text()
    check_probes(probes_text, probes_svh.name)
    top_src = f"{device_sv.parent.name}/{device_sv.name}"
    srcs = (top_src, "the platform's ports in scripts/portgen.py")
    probe_ports = platform_ports()
    return {
        f"{dev}_platform_top.sv": sv_platform_top(dev, imports, params, device_ports, probes_text,
                                                   (top_src, f"{probes_svh.parent.name}/{probes_svh.name}")),
        f"{dev}_pins.hpp": cpp_pins(device_ports, srcs, dev),
        f"{dev}_pins_bind.hpp": cpp_bind(device_ports, probe_ports, srcs, dev),
        f"{dev}_sc_signals.hpp": cpp_sc_signals(device_ports, top_src, dev),
    }


def write_if_changed(path, text):
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def main(argv):
    usage = __doc__.strip().splitlines()[-1]
    if len(argv) == 3 and argv[1] == "platform":
        outdir, make = pathlib.Path(argv[2]), lambda: {
            "bus_pins.hpp": cpp_bus_pins(),
            "probe_pins.hpp": cpp_probes(platform_ports(), "the platform's ports in scripts/portgen.py")}
    elif len(argv) == 5 and argv[1] == "device":
        outdir, make = pathlib.Path(argv[4]), lambda: device_outputs(pathlib.Path(argv[2]), pathlib.Path(argv[3]),
                                                                   pathlib.Path(argv[4]))
    else:
        print(usage, file=sys.stderr)
        return 2
    try:
        outputs = make()
    except (OSError, PortError) as err:
        print(f"portgen.py: {err}", file=sys.stderr)
        return 1
    outdir.mkdir(parents=True, exist_ok=True)
    for name, text in outputs.items():
        write_if_changed(outdir / name, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
