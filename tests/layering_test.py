#!/usr/bin/env python3
"""The layering test: fails when a source file includes across a forbidden boundary.

The layers and what each may include (docs/architecture.md, "What may include what"):
  driver/     itself and the generated register header; the C++ and POSIX libraries only
              (no SystemC, TLM, Verilator or fmt: the driver builds alone against its HAL)
  sim/        itself, the driver's HAL headers (hal.hpp, hal_types.hpp) and generated
              headers; never testbench/, bench/ or fuzz/
  sim models  the plain C++ parts of sim/ (tandem_simcore in sim/CMakeLists.txt), and every
              header they include: no SystemC or TLM either
  rtl/        (its C++ tests) itself, sim/ and generated headers
  testbench/  itself, sim/, driver/ and generated headers
  bench/, fuzz/  anything but testbench/
  devices/    (a device kind's registration and harness extension) itself, sim/ and generated
              headers; nothing includes devices/ but a kind's own generated variant files
  generic     the code every device kind runs on (GENERIC): no tce_* header, of any folder
  devices/<kind>/driver/  a further device kind's driver: itself, driver/ (the HAL, and the
              mock HAL in its tests) and generated headers; no SystemC, TLM, Verilator or fmt
  devices/<kind>/rtl/     its RTL tests: itself and generated headers (Verilator's own)

Usage: layering_test.py REPO_ROOT
"""

import pathlib
import re
import sys

SOURCES = (".cpp", ".hpp", ".h")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)

# The folders each layer may include from ("gen": headers generated into the build tree).
MAY_INCLUDE = {
    "driver": {"driver", "gen"},
    "sim": {"sim", "gen", "driver"},
    "rtl": {"rtl", "sim", "gen"},
    "testbench": {"testbench", "sim", "driver", "gen"},
    "bench": {"bench", "sim", "driver", "rtl", "gen", "devices"},
    "fuzz": {"fuzz", "sim", "driver", "rtl", "gen", "devices"},
    "devices": {"devices", "sim", "gen"},
    "devices/driver": {"devices/driver", "driver", "gen"},
    "devices/rtl": {"devices/rtl", "gen"},
}
# The generic code (paths less their suffix): it works on any device kind, so it includes
# no header of the TCE's (tce_*).
GENERIC = ("sim/engine", "sim/device_harness", "sim/axil_master", "sim/axi_mem_slave", "sim/platform",
           "sim/irq_routing", "sim/fault_injector", "sim/device_kind", "sim/verilated_device")
# Of driver/, sim/ sees only the HAL: the seam between the two.
SIM_MAY_SEE_OF_DRIVER = {"hal.hpp", "hal_types.hpp"}
# Library headers a layer must not include (a prefix of the name in <>).
FORBIDDEN_SYSTEM = {
    "driver": ("systemc", "tlm", "verilated", "fmt/", "sysc/"),
    "devices/driver": ("systemc", "tlm", "verilated", "fmt/", "sysc/"),
}
VERILATED_MODEL = re.compile(r"V[a-z_]+\.h$")
MODEL_FORBIDDEN_SYSTEM = ("systemc", "tlm", "sysc/")


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
    return f"devices/{parts[2]}" if parts[0] == "devices" and len(parts) > 3 else parts[0]


def model_files(root):
    """tandem_simcore's and tandem_busmodels' sources, from sim/CMakeLists.txt."""
    text = (root / "sim" / "CMakeLists.txt").read_text()
    found = re.findall(r"add_library\((?:tandem_simcore|tandem_busmodels)\s+STATIC\s+([^)]*)\)", text)
    return [root / "sim" / name for names in found for name in names.split()]


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
                                   layer in FORBIDDEN_SYSTEM and VERILATED_MODEL.match(name)):
                errors.append(f'{rel}: {layer}/ includes "{name}"')
            elif to not in MAY_INCLUDE[layer]:
                errors.append(f'{rel}: {layer}/ includes "{name}" of {to}/')
            elif layer == "sim" and to == "driver" and target.name not in SIM_MAY_SEE_OF_DRIVER:
                errors.append(f'{rel}: sim/ includes "{name}" of driver/ (only its HAL: hal.hpp)')
    errors += check_models(root, index)
    return errors


def check_models(root, index):
    """The plain C++ models and every header they reach include no SystemC."""
    errors, seen = [], set()
    todo = [p for p in model_files(root) if p.is_file()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for system, name in includes(path):
            if system and name.startswith(MODEL_FORBIDDEN_SYSTEM):
                errors.append(f"{path.relative_to(root)}: a plain C++ model (tandem_simcore) includes <{name}>")
            elif not system:
                target = resolve(root, path, name, index)
                if target is not None and layer_of(root, target) == "sim":
                    todo.append(target)
    return errors


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
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
