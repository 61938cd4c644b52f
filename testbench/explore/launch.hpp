// How `tandem explore` runs a schedule: `tandem run ... --schedule S --record-boundaries
// --no-log` as a child process (SystemC cannot restart in one process), several at once
// through the regression's launcher (runner/launcher.hpp), each read back from its
// result.txt and boundaries.txt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "perturber.hpp"  // kHoldBoundCycles: a child's cycle limit leaves room for one hold per perturbation
#include "report.hpp"
#include "runner/run_spec.hpp"
#include "search.hpp"

namespace tandem::explore {

// Room beyond that for a scenario's timeouts to fire (the racy paths wait 1 ms, 1,000,000
// cycles, for a copy) before the cycle limit calls the run hung.
inline constexpr std::uint64_t kSlackCycles = 2'000'000;

struct LaunchConfig {
  Target target;
  std::string dir;                               // the exploration's folder: runs go below it
  unsigned jobs = 1;                             // children at once
  unsigned bound = 2;                            // perturbations per schedule at most (sizes the cycle limit)
  std::uint64_t record_max_cycles = 10'000'000;  // the recording run's limit; later runs scale from its length
  unsigned child_seconds = 120;                  // wall-clock limit of one child
};

class Launcher {
 public:
  explicit Launcher(LaunchConfig config) : config_(std::move(config)) {}
  std::vector<RunResult> run(const std::vector<Schedule>& schedules);
  // The run of one schedule.
  RunSpec spec(const Schedule& s) const;
  // One run with waves, kept: returns its folder.
  std::string run_with_waves(const Schedule& s, const std::string& name);
  std::size_t launched() const { return launched_; }

 private:
  LaunchConfig config_;
  std::uint64_t max_cycles_ = 0;  // 0 until the recording run has set it
  std::size_t launched_ = 0;
};

// Reads a child's result.txt (at `result_path`) and boundaries.txt text into a result (no result.txt: it
// crashed or was killed, a failure of its own kind).
RunResult read_result(const std::string& result_path, const std::string& boundaries_text, const Schedule& schedule);

}  // namespace tandem::explore
