#!/usr/bin/env python3
"""The layering test: fails when a source file includes across a forbidden boundary.

The layers, one a folder, and what each may include (docs/architecture.md, "What may include what"):
  driver/         itself and the generated register header; the C++ and POSIX libraries only
                  (no SystemC, TLM, Verilator or fmt: the driver builds alone against its HAL)
  sim/verilated/  the glue every Verilated model runs on: itself, of sim/model/ only the
                  state hash (fnv.hpp), and generated headers; no SystemC or TLM
  sim/model/      the plain C++ models: itself, sim/verilated/, the HAL's types and generated
                  headers; no SystemC or TLM (RTL tests and benchmarks drive them without a kernel)
  sim/platform/   the SystemC platform: itself, sim/model/, sim/verilated/, the driver's HAL
                  headers (hal.hpp, hal_types.hpp) and generated headers
  sim/tlm/        the TLM wrapper: itself, sim/model/, sim/verilated/ and generated headers
                  (nothing in sim/ includes testbench/, bench/, fuzz/ or examples/)
  rtl/            (its C++ tests) itself, sim/model/, sim/verilated/ and generated headers
  testbench/      itself, sim/, driver/ and generated headers
  bench/, fuzz/   anything but testbench/ and examples/
  examples/       public headers only: the libraries' (sim/, driver/, a device's driver) and
                  generated ones; never testbench/, bench/, rtl/ or a device kind's insides
  devices/        (a device kind's registration and harness extension) itself, sim/verilated/
                  and generated headers; nothing includes devices/ but a kind's own generated
                  variant files
  generic         the code every device kind runs on (GENERIC): no tce_* header, of any folder
  devices/<kind>/driver/  a further device kind's driver: itself, driver/ (the HAL, and the
                  mock HAL in its tests) and generated headers; no SystemC, TLM, Verilator or fmt
  devices/<kind>/rtl/     its RTL tests: itself and generated headers (Verilator's own)
  devices/<kind>/scenarios/  its scenarios, in the runner: what testbench/ may, and its driver

Every run first checks a small tree of forbidden includes, so that a rule that stopped
catching them fails the test too.

Usage: layering_test.py REPO_ROOT
"""

import pathlib
import re
import sys
import tempfile

SOURCES = (".cpp", ".hpp", ".h")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)

SIM = {"sim/verilated", "sim/model", "sim/platform", "sim/tlm"}
# The folders each layer may include from ("gen": headers generated into the build tree).
MAY_INCLUDE = {
    "driver": {"driver", "gen"},
    "sim/verilated": {"sim/verilated", "sim/model", "gen"},
    "sim/model": {"sim/model", "sim/verilated", "gen", "driver"},
    "sim/platform": {"sim/platform", "sim/model", "sim/verilated", "gen", "driver"},
    "sim/tlm": {"sim/tlm", "sim/model", "sim/verilated", "gen"},
    "rtl": {"rtl", "sim/model", "sim/verilated", "gen"},
    "testbench": {"testbench", "driver", "gen"} | SIM,
    "bench": {"bench", "driver", "rtl", "gen", "devices"} | SIM,
    "fuzz": {"fuzz", "driver", "rtl", "gen", "devices"} | SIM,
    "examples": {"examples", "driver", "devices/driver", "gen"} | SIM,
    "devices": {"devices", "sim/verilated", "gen"},
    "devices/driver": {"devices/driver", "driver", "gen"},
    "devices/rtl": {"devices/rtl", "gen"},
    "devices/scenarios": {"devices/scenarios", "devices/driver", "testbench", "driver", "gen"} | SIM,
}
# The generic code (paths less their suffix): it works on any device kind, so it includes
# no header of the TCE's (tce_*).
GENERIC = ("sim/platform/engine", "sim/model/device_harness", "sim/model/axil_master", "sim/model/axi_mem_slave",
           "sim/platform/platform", "sim/platform/irq_routing", "sim/platform/fault_injector",
           "sim/verilated/device_kind", "sim/verilated/verilated_device")
# Of driver/, sim/ sees only the HAL: the seam between the two.
SIM_MAY_SEE_OF_DRIVER = {"hal.hpp", "hal_types.hpp"}
# Of sim/model/, the glue below it sees only the hash it digests a model's state with.
VERILATED_MAY_SEE_OF_MODEL = {"fnv.hpp"}
# Library headers a layer must not include (a prefix of the name in <>, or in "").
NO_SYSTEMC = ("systemc", "tlm", "sysc/")
FORBIDDEN_SYSTEM = {
    "driver": NO_SYSTEMC + ("verilated", "fmt/"),
    "devices/driver": NO_SYSTEMC + ("verilated", "fmt/"),
    "sim/verilated": NO_SYSTEMC,
    "sim/model": NO_SYSTEMC,
}
# Layers for which a quoted Verilated-model header is forbidden too.
NO_MODEL = {"driver", "devices/driver"}
VERILATED_MODEL = re.compile(r"V[a-z_]+\.h$")


def sources(root):
    for top in sorted({layer.split("/")[0] for layer in MAY_INCLUDE}):
        for path in sorted((root / top).rglob("*")):
            if path.suffix in SOURCES and path.is_file():
                layer = layer_of(root, path)
                if layer in MAY_INCLUDE:
                    yield layer, path


def includes(path):
    return [(kind == "<", name) for kind, name in INCLUDE.findall(path.read_text(errors="replace"))]


def resolve(root, path, name, index):
    """The repository file a quoted include names (beside the includer first), or None."""
    beside = path.parent / name
    if beside.is_file():
        return beside
    found = [p for p in index.get(pathlib.PurePath(name).name, []) if p.as_posix().endswith("/" + name)]
    return found[0] if found else None


def layer_of(root, path):
    """The folder's layer; under devices/, devices/driver or devices/rtl whatever the kind."""
    if path is None:
        return "gen"
    parts = path.relative_to(root).parts
    if parts[0] == "devices" and len(parts) > 3:
        return f"devices/{parts[2]}"
    return f"sim/{parts[1]}" if parts[0] == "sim" and len(parts) > 2 else parts[0]


def check(root):
    index = {}
    for _, path in sources(root):
        index.setdefault(path.name, []).append(path)
    errors = []
    for layer, path in sources(root):
        rel = path.relative_to(root)
        for system, name in includes(path):
            if system:
                if name.startswith(FORBIDDEN_SYSTEM.get(layer, ())):
                    errors.append(f"{rel}: {layer}/ includes <{name}>")
                continue
            if rel.with_suffix("").as_posix() in GENERIC and pathlib.PurePath(name).name.startswith("tce_"):
                errors.append(f'{rel}: generic code includes "{name}" of one device kind')
            target = resolve(root, path, name, index)
            to = layer_of(root, target)
            # A quoted library or Verilated-model header is as forbidden as a system one.
            if target is None and (name.startswith(FORBIDDEN_SYSTEM.get(layer, ("\0",))) or
                                   layer in NO_MODEL and VERILATED_MODEL.match(name)):
                errors.append(f'{rel}: {layer}/ includes "{name}"')
            elif to not in MAY_INCLUDE[layer]:
                errors.append(f'{rel}: {layer}/ includes "{name}" of {to}/')
            elif layer in SIM and to == "driver" and target.name not in SIM_MAY_SEE_OF_DRIVER:
                errors.append(f'{rel}: {layer}/ includes "{name}" of driver/ (only its HAL: hal.hpp)')
            elif layer == "sim/verilated" and to == "sim/model" and target.name not in VERILATED_MAY_SEE_OF_MODEL:
                errors.append(f'{rel}: {layer}/ includes "{name}" of sim/model/ (only its hash: fnv.hpp)')
    return errors


# A tree of includes each rule must catch: (file, its text, a part of the error it must give).
FORBIDDEN_TREE = [
    ("sim/model/m.hpp", "#include <systemc>\n", "sim/model/ includes <systemc>"),
    ("sim/model/q.hpp", '#include "tlm.h"\n', 'sim/model/ includes "tlm.h"'),
    ("sim/model/p.cpp", '#include "e.hpp"\n', 'sim/model/ includes "e.hpp" of sim/platform/'),
    ("sim/platform/e.hpp", '#include "s.hpp"\n', 'sim/platform/ includes "s.hpp" of testbench/'),
    ("sim/verilated/v.hpp", "#include <systemc.h>\n", "sim/verilated/ includes <systemc.h>"),
    ("sim/verilated/w.hpp", '#include "m.hpp"\n', 'sim/verilated/ includes "m.hpp" of sim/model/'),
    ("examples/x/x.cpp", '#include "s.hpp"\n#include "b.hpp"\n', 'examples/ includes "b.hpp" of bench/'),
    ("testbench/s.hpp", "", None),
    ("bench/b.hpp", "", None),
]


def self_test():
    """The errors the forbidden tree must give that check() did not; empty when every rule holds."""
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name, text, _ in FORBIDDEN_TREE:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        errors = check(root)
    return [want for _, _, want in FORBIDDEN_TREE if want and not any(want in e for e in errors)]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    missed = self_test()
    for want in missed:
        print(f"layering: a rule no longer catches: {want}")
    if missed:
        return 1
    root = pathlib.Path(argv[1]).resolve()
    errors = check(root)
    for e in errors:
        print(e)
    if errors:
        print(f"layering: {len(errors)} include(s) across a forbidden boundary (see docs/architecture.md)")
        return 1
    print(f"layering: {sum(1 for _ in sources(root))} files, every include within its layer's bounds")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
