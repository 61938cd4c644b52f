// What an exploration found, as `tandem explore` prints it, writes it (explore.txt,
// explore.json) and hands it to the regression's report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "search.hpp"

namespace tandem::explore {

struct FailureSummary {
  std::string checker;  // fired first
  std::string message;
  std::size_t count = 0;  // failing schedules that fired it first
  std::string minimized;  // the smallest schedule found failing so, as --schedule takes it
  std::string repro;      // the command that replays it with waves
  std::string waves;      // its run folder with waves (--waves), else empty
};

// What is explored: a scenario, on an RTL variant, from a seed, up to `bound` perturbations.
struct Target {
  std::string scenario;
  std::string variant = "default";
  std::uint64_t seed = 1;
  unsigned bound = 2;
};

struct Summary {
  Target target;
  Stats stats;
  double runs_per_second = 0;
  std::vector<FailureSummary> groups;
};

std::string render_text(const Summary& s);
std::string render_json(const Summary& s);
// One table row per exploration, for the regression's report.
std::string render_table(const std::vector<Summary>& all);

}  // namespace tandem::explore
