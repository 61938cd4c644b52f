// The GTKWave layouts a run with waves writes beside its trace: <run>/waves.gtkw (the
// default view) and <run>/waves-<view>.gtkw for the others. Each opens the trace zoomed on
// the first failure, with the marker on its cycle (a passing run: the whole run), and
// names its filters by absolute path, so `gtkwave <run>/waves.gtkw` works from any folder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "layouts.hpp"

namespace tandem {
class Platform;
}

namespace tandem::waves {

struct RunWaves {
  std::string dir;    // the run's folder
  std::string trace;  // its trace (FST or VCD)
  RunShape shape;
  std::optional<std::uint64_t> failure_cycle;  // the first failure's
  std::uint64_t end_cycle = 0;
};

// The span shown around a failure, in cycles: the story before it, a little after.
inline constexpr std::uint64_t kCyclesBeforeFailure = 3000;
inline constexpr std::uint64_t kCyclesAfterFailure = 300;

// Returns the default view's path; empty when a file could not be written.
std::string write_run_layouts(const RunWaves& run);

// The same for a run on `platform` that has ended, whose trace is `trace`.
std::string write_run_layouts(const Platform& platform, const std::string& trace);

// Removes what write_run_layouts wrote into `dir` (a run without waves leaves none behind).
void remove_run_layouts(const std::string& dir);

// Where the build put the translate filters (absolute).
std::string filters_dir();

}  // namespace tandem::waves
