#include "report.hpp"

#include <fmt/core.h>

#include <fstream>

namespace tandem {

namespace {

const char* result(const RunRecord& r) {
  return r.status == RunRecord::Status::kPassed ? "PASS" : "FAIL";
}

std::string note(const RunRecord& r) {
  switch (r.status) {
    case RunRecord::Status::kCrashed: return fmt::format("crashed with signal {}", r.signal);
    case RunRecord::Status::kTimedOut: return "stopped at its wall-time limit";
    case RunRecord::Status::kNoResult: return "exited with no result";
    case RunRecord::Status::kNotRun: return "not run";
    case RunRecord::Status::kLost: return "lost by the cluster (its task ended first): --rerun-failed runs it again";
    default: return r.outcome ? r.outcome->verdict : "no result";
  }
}

}  // namespace

std::string write_report(const Regression& reg) {
  // One row per run, failures with the command that reproduces each.
  std::string report = "# tandem regression report\n\n";
  report += "| scenario | variant | seed | result | cycles | wall s | note |\n|---|---|---:|---|---:|---:|---|\n";
  std::size_t passed = 0;
  std::vector<std::string> repro;
  for (const RunRecord& r : reg.runs) {
    const bool ok = r.status == RunRecord::Status::kPassed;
    passed += ok;
    report += fmt::format("| {} | {} | {} | {} | {} | {:.2f} | {} |\n", r.scenario, r.variant, r.seed, result(r),
                          r.outcome ? std::to_string(r.outcome->cycles) : "-", r.seconds, note(r));
    if (!ok) repro.push_back(r.repro);
  }
  if (!repro.empty()) {
    report += "\n## Failures: rerun one with its waves\n\n";
    for (const std::string& r : repro) report += "    " + r + "\n";
  }
  report += fmt::format("\n{} runs in {:.1f} s wall time. Logs: {}/<scenario>[/<variant>]/seed-<n>/run.log\n\n",
                        reg.runs.size(), reg.wall_seconds, reg.dir);
  report += fmt::format("{} passed, {} failed\n", passed, reg.runs.size() - passed);
  std::ofstream(reg.dir + "/report.md") << report;
  return report + "report: " + reg.dir + "/report.md\n";
}

}  // namespace tandem
