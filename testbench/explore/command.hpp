// `tandem explore NAME`: record one run, explore the schedules of up to --bound
// perturbations at its HAL-call boundaries, minimize and group what failed, and report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report.hpp"
#include "runner/cli.hpp"

namespace tandem::explore {

struct Options {
  Target target;
  std::size_t max_runs = 0;  // 0: no cap
  double max_seconds = 0;    // 0: no cap
  unsigned jobs = 1;
  bool waves = false;  // rerun each minimized failure with waves
  std::string dir;     // the exploration's folder
  bool progress = true;
};

// Runs the exploration and writes explore.txt and explore.json into its folder.
Summary explore_scenario(const Options& options);

// The command: exit 0 when no schedule failed, 1 when one did, 2 on a bad scenario name.
int explore_command(const Command& cmd);

// The regression's bounded exploration: every scenario marked `explore`, on the release
// driver, at most `runs` schedules each.
std::vector<Summary> explore_racy_paths(std::size_t runs, unsigned jobs, const std::string& runs_dir);

}  // namespace tandem::explore
