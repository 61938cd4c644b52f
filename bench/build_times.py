#!/usr/bin/env python3
"""Build times in a scratch build folder: clean, no-op, after one driver .cpp, after one .sv.

build_times.py [--repeats N] SOURCE_DIR SCRATCH_DIR OUT.json
build_times.py --check SOURCE_DIR   (the files it touches exist)

A driver edit is measured for every driver source in turn (each recompiles the release
driver's object and the bug-zoo copies whose seeded bug sits in that file): the headline is
the slowest file's median, the JSON has every file's.

Each figure is the median of N rounds (default 5), with min and max: a round configures an
empty folder, builds it clean, again (no-op), after touching the driver .cpp, after touching
the .sv. Rounds follow one another, so a machine that slows for a while moves every figure
of one round, not one figure of every round.

Without ccache (CCACHE_DISABLE=1), so that an edit costs what it costs: ccache would hit
on a touched file whose content did not change. The edits are touches (new modification
times): Ninja rebuilds what depends on the file, and Verilator re-Verilates every variant
for an .sv. On a shared machine, set TANDEM_BUILD_LOCK to a lock file: each build step
then runs under `flock` on it (the wait for the lock is not counted).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

from stats import summary

RTL_FILE = "rtl/tce_dma.sv"


def driver_files(src):
    """The driver's sources (not its tests): what a driver developer edits."""
    names = sorted(f for f in os.listdir(os.path.join(src, "driver"))
                   if f.endswith(".cpp") and not f.endswith("_test.cpp"))
    return [f"driver/{f}" for f in names]


def timed(cmd, env):
    lock = os.environ.get("TANDEM_BUILD_LOCK")
    if lock:
        # Take the lock first, then time the command alone inside it.
        cmd = ["flock", lock, sys.executable, "-c",
               "import subprocess,sys,time;t=time.monotonic();r=subprocess.run(sys.argv[1:]);"
               "print('SECONDS', time.monotonic()-t);sys.exit(r.returncode)"] + cmd
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        secs = [float(l.split()[1]) for l in r.stdout.splitlines() if l.startswith("SECONDS")]
        seconds = secs[-1] if secs else 0.0
    else:
        t0 = time.monotonic()
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - t0
    if r.returncode != 0:
        sys.exit(f"build_times: {' '.join(cmd)} failed:\n{r.stdout[-3000:]}{r.stderr[-3000:]}")
    return round(seconds, 2)


def check(src):
    """The files the benchmark touches exist: a moved file would make it fail after a clean
    build of many minutes, so `ctest` checks this in an instant."""
    if not os.path.isfile(os.path.join(src, RTL_FILE)):
        sys.exit(f"build_times: no such file to touch: {RTL_FILE}")
    drivers = driver_files(src)
    if "driver/tce_device.cpp" not in drivers:
        sys.exit("build_times: driver/tce_device.cpp not found among the driver's sources")
    print(f"build_times: would touch {', '.join(drivers)} and {RTL_FILE}")


STEPS = ("configure_s", "clean_build_s", "noop_rebuild_s", "sv_edit_s")


def one_round(src, scratch, env):
    build = ["cmake", "--build", scratch, "-j2"]
    shutil.rmtree(scratch, ignore_errors=True)
    times = {"configure_s": timed(["cmake", "-S", src, "-B", scratch, "-G", "Ninja",
                                   "-DCMAKE_BUILD_TYPE=Release"], env)}
    times["clean_build_s"] = timed(build, env)
    times["noop_rebuild_s"] = timed(build, env)
    for path in driver_files(src):
        os.utime(os.path.join(src, path))
        times[path] = timed(build, env)
    os.utime(os.path.join(src, RTL_FILE))
    times["sv_edit_s"] = timed(build, env)
    shutil.rmtree(scratch, ignore_errors=True)
    return times


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
        return
    ap = argparse.ArgumentParser(description="Build times, median of several clean rounds.")
    ap.add_argument("--repeats", type=int, default=int(os.environ.get("TANDEM_BUILD_REPEATS", "5")),
                    help="rounds (default 5, or TANDEM_BUILD_REPEATS)")
    ap.add_argument("src")
    ap.add_argument("scratch")
    ap.add_argument("out")
    args = ap.parse_args()
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    check(args.src)
    env = dict(os.environ, CCACHE_DISABLE="1")
    rounds = []
    for r in range(args.repeats):
        rounds.append(one_round(args.src, args.scratch, env))
        print(f"build_times: round {r + 1}/{args.repeats}: "
              + ", ".join(f"{k} {v}" for k, v in rounds[-1].items()), flush=True)
    res = {"cores": os.cpu_count(), "ccache": "disabled", "jobs": 2, "rounds": len(rounds)}
    for key in STEPS:
        res[key] = summary([t[key] for t in rounds], digits=2)
    res["driver_cpp_edit_by_file_s"] = {f: summary([t[f] for t in rounds], digits=2) for f in driver_files(args.src)}
    slowest = max(res["driver_cpp_edit_by_file_s"], key=lambda f: res["driver_cpp_edit_by_file_s"][f]["median"])
    res["driver_cpp_edit_s"] = res["driver_cpp_edit_by_file_s"][slowest]
    res["edited"] = {"driver_cpp_slowest": slowest, "sv": RTL_FILE}
    print(f"build times (2 jobs, no ccache, median of {len(rounds)} [min-max]): "
          + ", ".join(f"{k} {res[k]['median']} [{res[k]['min']}-{res[k]['max']}]" for k in STEPS))
    print("driver .cpp edits: " + ", ".join(f"{os.path.basename(f)} {v['median']}"
                                            for f, v in res["driver_cpp_edit_by_file_s"].items()))
    print(f"goals: driver .cpp edit <= 10 s (slowest, {slowest}: {res['driver_cpp_edit_s']['median']} s), "
          f".sv edit <= 60 s ({res['sv_edit_s']['median']} s)")
    with open(args.out, "w") as fh:
        json.dump({"build": res}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
