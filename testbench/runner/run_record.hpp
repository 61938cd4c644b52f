// One regression as its report sees it: every run, how it ended and where its files are.
// The launcher fills it in; the report writers only read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coverage/coverage_summary.hpp"
#include "outcome.hpp"

namespace tandem {

struct RunRecord {
  // kLost: a cluster's task ended without the run ending (the task was cancelled, its node
  // went away, it reached its time limit): nothing says how the run went.
  enum class Status { kPassed, kFailed, kCrashed, kTimedOut, kNoResult, kNotRun, kLost };
  std::string scenario;
  std::string variant = "default";
  std::uint64_t seed = 0;
  Status status = Status::kNotRun;
  int signal = 0;                  // kCrashed: the signal that killed it
  std::optional<Outcome> outcome;  // what the run wrote, when it wrote it
  double seconds = 0;              // wall time
  std::string dir;                 // the run's folder
  std::string repro;               // the one command that reproduces it
  std::string waves;               // its waves, when written
  std::string gtkw;                // its GTKWave layout, when written
};

// What `tandem explore` found for one scenario: how far it searched, and its failures
// grouped by checker, each with its shortest schedule and the command that replays it.
struct ExploreSummary {
  struct Group {
    std::string checker;
    std::uint64_t count = 0;
    std::string schedule;  // the minimized schedule, as `--schedule` takes it
    std::string repro;
  };
  std::string scenario;
  std::uint64_t schedules_run = 0;
  std::uint64_t distinct_states = 0;
  std::uint64_t failures = 0;
  double runs_per_second = 0;
  std::vector<Group> groups;
};

struct Regression {
  std::vector<RunRecord> runs;
  std::string dir;      // the regression's own folder: the reports go there
  std::string command;  // the command line that ran it
  double wall_seconds = 0;
  bool interrupted = false;             // stopped early (Ctrl-C, --fail-fast): the report is partial
  std::string junit_path;               // also write JUnit XML there (empty: none)
  std::string timestamp;                // when it started, ISO 8601 (empty: not known)
  std::vector<ExploreSummary> explore;  // exploration results, when it explored
  cov::CoverageSummary coverage;        // functional (and, on a coverage build, RTL) coverage
};

}  // namespace tandem
