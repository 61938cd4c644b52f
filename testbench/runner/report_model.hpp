// The regression's report as data, computed once from the run records: totals, failure
// groups, pass rates and the measurements to plot. Every output format renders this.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "run_record.hpp"

namespace tandem {

struct Totals {
  std::size_t runs = 0, passed = 0, failed = 0, crashed = 0, timed_out = 0, no_result = 0, lost = 0, not_run = 0;
  std::uint64_t cycles = 0;  // simulated, over every run that reported
  std::size_t not_passed() const { return failed + crashed + timed_out + no_result + lost; }
};

// Runs that failed the same way (the same failure signature).
struct FailureGroup {
  std::string signature;
  std::string cause;                   // the checker that fired first, or "crash", "timeout", "no result", "none"
  std::string headline;                // one line: how many runs, and what fired
  std::vector<const RunRecord*> runs;  // in the regression's order: the first is the one to rerun
  const RunRecord& first() const { return *runs.front(); }
  // The first run's own first failure, numbers and all (empty when it wrote none).
  std::string example() const;
};

struct PassRate {
  std::string scenario, variant;
  std::size_t passed = 0, total = 0;  // runs that ran (not-run ones are left out)
};

// Latency samples of one scenario (every variant and seed), by kind, in histogram buckets.
struct ScenarioLatency {
  std::string scenario;
  std::map<std::string, std::map<std::uint64_t, std::uint64_t>> kinds;
};

struct DmaPoint {
  DmaSample sample;
  const RunRecord* run = nullptr;
};

struct ReportModel {
  const Regression* regression = nullptr;
  Totals totals;
  std::vector<FailureGroup> groups;      // largest first
  std::vector<PassRate> rates;           // lowest rate first
  std::vector<ScenarioLatency> latency;  // scenarios in the regression's order, with samples only
  std::vector<DmaPoint> dma;
};

ReportModel build_model(const Regression& regression);

// "passed", "failed", "crashed", "timed-out", "no-result", "not-run".
const char* status_name(RunRecord::Status status);
// What stopped a run that did not pass: the checker that fired first (for a seeded bug's
// scenario, the one that fired before the expected one could judge), or the kind of end.
std::string cause_of(const RunRecord& run);
// "name" on the default RTL, "name [variant]" on another.
std::string scenario_label(const std::string& scenario, const std::string& variant);
// The command that opens a run's waves in GTKWave with its layout (empty without both).
std::string gtkwave_command(const RunRecord& run);
// "scenario (seeds 1, 2), other [rev1] (seed 3)": a group's runs by scenario and variant.
std::string scenarios_and_seeds(const FailureGroup& group);
// "PASSED", "FAILED" or "PARTIAL", and how many runs did not pass, in one line.
std::string verdict_line(const ReportModel& model);
// The latency kinds plotted, in the order an interrupt is served, with their titles.
const std::vector<std::pair<std::string, std::string>>& latency_chain();

}  // namespace tandem
