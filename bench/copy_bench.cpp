// One speed variant running the copy workload (copy_program.hpp), once, in this process:
//   copy_bench VARIANT [--bytes N] [--copies N] [--fst FILE]
// VARIANT: lean (the lean loop on the default model, tracing compiled in and off),
// lean_notrace (the lean loop on the model built without tracing), harness (DeviceHarness
// in a plain loop), engine (the SystemC engine), engine_fst (the engine writing FST waves);
// lean_two_evals and engine_two_evals: the same, evaluating the model twice in every cycle
// (without evaluating the clock edge alone while the CSR port is quiet: what that saves).
// Prints one JSON line: the variant, the cycles its copies took, the CPU seconds they took,
// and whether the copies arrived right. bench/speed.py runs the variants interleaved and
// compares them; bench/ipc.py runs them under callgrind.
#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "Vtce_top_default.h"
#include "Vtce_top_default___024root.h"
#include "Vtce_top_notrace.h"
#include "Vtce_top_notrace___024root.h"
#include "copy_sides.hpp"
#include "cpu_time.hpp"
#include "lean_loop.hpp"
#include "quiet_systemc.hpp"

namespace {

using tandem::CopySpan;
using tandem::CopyTraffic;

constexpr unsigned kLatency = 10;  // MemConfig's default: the platform's memory timing

struct Result {
  CopySpan span;
  double seconds = 0;
};

template <typename Side>
Result run_plain(Side& side, const CopyTraffic& t) {
  Result r;
  double t0 = 0;
  r.span = run_copies(side, t, [&] { t0 = tandem::cpu_seconds(); });
  r.seconds = tandem::cpu_seconds() - t0;
  r.span.ok = r.span.ok && !side.rtl_error();
  return r;
}

template <typename Model>
Result run_lean(const CopyTraffic& t, bool two_evals = false) {
  tandem::LeanLoop<Model> lean(kLatency, two_evals);
  Result r = run_plain(lean, t);
  r.span.ok = r.span.ok && lean.faults() == 0;
  return r;
}

Result run_engine(const CopyTraffic& t, const std::string& fst, bool two_evals = false) {
  tandem::EngineSide side("copy", t, kLatency, fst, two_evals);
  double t0 = 0;
  side.on_start = [&] { t0 = tandem::cpu_seconds(); };
  sc_core::sc_start();
  Result r;
  r.seconds = tandem::cpu_seconds() - t0;
  r.span = side.span;
  r.span.ok = r.span.ok && !side.rtl_error();
  return r;
}

int usage() {
  std::fprintf(stderr,
               "usage: copy_bench lean|lean_notrace|lean_two_evals|harness|engine|engine_two_evals|engine_fst "
               "[--bytes N] [--copies N] "
               "[--fst FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
  return tandem::quiet_systemc_main(argc, argv);
}

int sc_main(int argc, char* argv[]) {
  tandem::quiet_systemc_reports();
  if (argc < 2) return usage();
  const std::string variant = argv[1];
  CopyTraffic t;
  std::string fst = "copy_bench.fst";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (tandem::traffic_option(argv[i], argv[i + 1], t)) continue;
    if (std::strcmp(argv[i], "--fst") == 0) {
      fst = argv[i + 1];
    } else {
      return usage();
    }
  }
  if (argc % 2 != 0 || t.bytes == 0 || t.copies == 0) return usage();
  Result r;
  if (variant == "lean") {
    r = run_lean<Vtce_top_default>(t);
  } else if (variant == "lean_two_evals") {
    r = run_lean<Vtce_top_default>(t, true);
  } else if (variant == "lean_notrace") {
    r = run_lean<Vtce_top_notrace>(t);
  } else if (variant == "harness") {
    tandem::HarnessSide side(kLatency);
    r = run_plain(side, t);
  } else if (variant == "engine") {
    r = run_engine(t, "");
  } else if (variant == "engine_two_evals") {
    r = run_engine(t, "", true);
  } else if (variant == "engine_fst") {
    r = run_engine(t, fst);
    std::remove(fst.c_str());
  } else {
    return usage();
  }
  std::printf("%s\n", fmt::format(R"({{"variant": "{}", "cycles": {}, "cpu_s": {:.6f}, "ok": {}}})", variant,
                                  r.span.end - r.span.begin, r.seconds, r.span.ok ? "true" : "false")
                          .c_str());
  return r.span.ok ? 0 : 1;
}
