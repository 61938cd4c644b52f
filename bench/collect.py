#!/usr/bin/env python3
"""Merges the benchmarks' JSON files into one results file: collect.py OUT IN..."""
import json
import sys

merged = {}
for path in sys.argv[2:]:
    with open(path) as fh:
        merged.update(json.load(fh))
with open(sys.argv[1], "w") as fh:
    json.dump(merged, fh, indent=2)
    fh.write("\n")
print(f"bench: {len(merged)} figures written to {sys.argv[1]}")
