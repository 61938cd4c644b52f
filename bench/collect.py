#!/usr/bin/env python3
"""Merges the benchmarks' JSON files into one results file: collect.py OUT IN..."""
import json
import sys

merged = {}
for path in sys.argv[2:]:
    with open(path) as fh:
        merged.update(json.load(fh))
# Pin-level SystemC and the raw loop ran the same copies in this run: their ratio.
if "pin_sc_cycles_per_s" in merged and "raw_copy_cycles_per_s" in merged:
    merged["pin_sc_vs_raw"] = round(merged["pin_sc_cycles_per_s"] / merged["raw_copy_cycles_per_s"], 3)
    print(f"pin_sc_vs_raw = {merged['pin_sc_vs_raw']} (pin-level SystemC cycles/s over the raw loop's, same copies)")
if "engine_vs_raw" in merged:
    print(f"engine_vs_raw = {merged['engine_vs_raw']} (the engine's cycles/s over the raw loop's, same driver traffic)")
with open(sys.argv[1], "w") as fh:
    json.dump(merged, fh, indent=2)
    fh.write("\n")
print(f"bench: {len(merged)} figures written to {sys.argv[1]}")
