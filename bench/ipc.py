#!/usr/bin/env python3
"""Instructions per simulated cycle, measured with callgrind (immune to the machine's load).

ipc.py BIN_DIR OUT.json [--variants lean,harness,engine] [--bytes N] [--top N]

Each variant of copy_bench runs the copy workload under `valgrind --tool=callgrind` twice,
with one copy and with three; the difference of the two (instructions, and cycles) is what
two copies cost, without start-up, elaboration or the source buffer's filling. Per variant:
instructions per cycle, then the same split by function (Verilator's generated functions
named as generated) and by component (model, memory model, CSR master, harness, engine and
SystemC kernel, polling, tracing, ...), from each function's own (exclusive) instructions.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Component of a function, by the first pattern its name matches (order matters).
COMPONENTS = [
    ("tracing", r"[Tt]race|[Ff]st|Vm_traceActivity|lz4|deflate|zlib"),
    ("memory model", r"AxiMemSlave|HostMemory|MemoryBus|_Rb_tree|std::map|LeanLoop<.*>::word|Ring<"),
    ("CSR master", r"AxilMaster"),
    ("polling and workload", r"run_copies|wait_cycles|write_csr|CopyTraffic"),
    ("harness (cycle protocol)", r"DeviceHarness|VerilatedDeviceOf|LeanLoop|HarnessSide"),
    ("engine and SystemC kernel", r"sc_core::|sc_dt::|tandem::Engine|EngineSide|qt_|QuickThreads|coroutine"),
    ("model (Verilated RTL)", r"Vtce_top_|___024root|Verilated|VlWide|vl_"),
    ("C library", r"libc|memcpy|memset|memcmp|malloc|free|operator new|operator delete|_dl_|__"),
]


def callgrind(exe, args, workdir):
    out = os.path.join(workdir, "callgrind.out")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", exe] + args
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    line = [l for l in r.stdout.splitlines() if l.startswith("{")]
    if r.returncode != 0 or not line:
        sys.exit(f"ipc: {' '.join(cmd)} failed: {r.stdout}{r.stderr[-2000:]}")
    cycles = json.loads(line[-1])["cycles"]
    ann = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", out], capture_output=True,
                         text=True, check=True).stdout
    return cycles, parse_annotate(ann)


def parse_annotate(text):
    """Exclusive instructions per function from callgrind_annotate's listing."""
    funcs = {}
    total = None
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?PROGRAM TOTALS", line)
        if m:
            total = int(m.group(1).replace(",", ""))
            continue
        m = re.match(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*?)(?:\s+\[[^\]]*\])?$", line)
        if m and ":" in m.group(2):
            name = m.group(2).split(":", 1)[1]  # without its file ("???" without debug information)
            funcs[name] = funcs.get(name, 0) + int(m.group(1).replace(",", ""))
    if total is None:
        sys.exit("ipc: no PROGRAM TOTALS in callgrind_annotate's output")
    return total, funcs


def component(name):
    for comp, pattern in COMPONENTS:
        if re.search(pattern, name):
            return comp
    return "other"


def short(name):
    """A generated function's name without its class prefix; others without arguments."""
    name = re.sub(r"^Vtce_top_\w+?___024root___", "model:", name)
    return re.sub(r"\(.*\)( const)?$", "", name)[:90]


def measure(bin_dir, variant, nbytes, workdir):
    exe = os.path.join(bin_dir, "copy_bench")
    base = ["--bytes", str(nbytes)]
    c1, (t1, f1) = callgrind(exe, [variant] + base + ["--copies", "1"], workdir)
    c3, (t3, f3) = callgrind(exe, [variant] + base + ["--copies", "3"], workdir)
    cycles = c3 - c1
    per_fn = {n: (f3.get(n, 0) - f1.get(n, 0)) / cycles for n in set(f1) | set(f3)}
    comps = {}
    for n, v in per_fn.items():
        comps[component(n)] = comps.get(component(n), 0) + v
    return {"instructions_per_cycle": round((t3 - t1) / cycles, 1), "cycles": cycles,
            "by_function": {short(n): round(v, 1) for n, v in sorted(per_fn.items(), key=lambda kv: -kv[1])
                            if v >= 1.0},
            "by_component": {k: round(v, 1) for k, v in sorted(comps.items(), key=lambda kv: -kv[1])}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin_dir")
    ap.add_argument("out")
    ap.add_argument("--variants", default="engine,engine_two_evals,harness,lean,lean_two_evals,lean_notrace")
    ap.add_argument("--bytes", type=int, default=65536)
    ap.add_argument("--top", type=int, default=12)
    a = ap.parse_args()
    results = {"workload": {"bytes": a.bytes, "copies": "3 less 1"}}
    with tempfile.TemporaryDirectory() as workdir:
        for v in a.variants.split(","):
            r = measure(a.bin_dir, v, a.bytes, workdir)
            results[v] = r
            print(f"\n{v}: {r['instructions_per_cycle']:.0f} instructions per cycle ({r['cycles']} cycles, callgrind)")
            print("  by component: " + ", ".join(f"{k} {x:.0f}" for k, x in r["by_component"].items()))
            print("  by function (instructions per cycle, exclusive):")
            for n, x in list(r["by_function"].items())[:a.top]:
                print(f"    {x:8.1f}  {n}")
    if "engine" in results:
        print(f"\nengine_instructions_per_cycle = {results['engine']['instructions_per_cycle']:.0f} (goal <= 2400)")
    with open(a.out, "w") as fh:
        json.dump({"instructions_per_cycle": results}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
