#!/usr/bin/env python3
"""Merges the benchmarks' JSON files into one results file and prints every headline ratio:
collect.py OUT IN... (an input that does not exist, such as build.json before `make
bench-build` ran once, is left out and said so)."""
import json
import os
import sys

merged = {}
for path in sys.argv[2:]:
    if not os.path.exists(path):
        print(f"bench: {os.path.basename(path)} missing (not measured in this run), left out")
        continue
    with open(path) as fh:
        merged.update(json.load(fh))

print("\nbench summary")
speed = merged.get("speed", {})
for name in ("engine_vs_lean", "harness_vs_lean", "engine_fst_vs_lean", "trace_off_vs_notrace", "pin_sc_vs_lean",
             "pgo_engine_vs_engine"):
    if name in speed:
        s = speed[name]
        print(f"  {name} = {s['median']:.3f} (min {s['min']:.3f}, max {s['max']:.3f}, {s['n']} rounds)")
if "engine_vs_raw" in merged:
    print(f"  engine_vs_raw = {merged['engine_vs_raw']} (the driver workload: engine over LoopHal on DeviceHarness)")
if "trace_off_vs_notrace" in merged:
    print(f"  dma_throughput trace_off_vs_notrace = {merged['trace_off_vs_notrace']} (harness, best of three)")
ipc = merged.get("instructions_per_cycle", {})
for v in ("engine", "harness", "lean", "lean_notrace"):
    if v in ipc:
        print(f"  instructions per cycle, {v} = {ipc[v]['instructions_per_cycle']:.0f}")
reg = merged.get("regress_scaling")
if reg:
    print(f"  regress --jobs 2 speedup = {reg['speedup']['median']:.2f} (min {reg['speedup']['min']:.2f}, "
          f"max {reg['speedup']['max']:.2f})")
for name, fig in merged.get("idle_skip", {}).items():
    s, m = fig["speedup"], fig["sim_speedup"]
    print(f"  idle skip {name} = {s['median']:.1f}x per process (min {s['min']:.1f}, max {s['max']:.1f}), "
          f"{m['median']:.1f}x less the start-up, {fig['cycles']} cycles either way")
build = merged.get("build")
if build:
    def fig(key):
        f = build[key]
        if not isinstance(f, dict):  # a build.json from before build times had rounds
            return f"{f} s (one run)"
        return f"{f['median']} s [{f['min']}-{f['max']}]"
    print(f"  build, median of {build.get('rounds', 1)}: clean {fig('clean_build_s')}, no-op "
          f"{fig('noop_rebuild_s')}, driver .cpp (slowest file) {fig('driver_cpp_edit_s')}, .sv {fig('sv_edit_s')}")
with open(sys.argv[1], "w") as fh:
    json.dump(merged, fh, indent=2)
    fh.write("\n")
print(f"bench: {len(merged)} sections written to {sys.argv[1]}")
