// The regression's runs on a Slurm cluster: one array job (`sbatch --array`), each task
// running a batch of runs with `tandem batch` (batch.hpp) into the same run folders a local
// regression writes, then waiting for them (polling squeue) and reading each run's end back
// (run_end.hpp) as it appears. A run whose task ended without it (cancelled, node lost, time
// limit) ends lost. The regression's folder must be one every node sees, and this `tandem`
// one every node can run.
#pragma once

#include <string>
#include <vector>

#include "launcher.hpp"

namespace tandem {

// Runs per array task by default: Slurm starts a task in about a second here (tens of
// seconds on a busy farm), and the regression's runs take 0.1 to 3 s each.
inline constexpr unsigned kRunsPerTask = 20;

struct SlurmOptions {
  std::string work_dir;                  // the regression's folder: slurm-<n>/ inside holds each submission
  std::string partition;                 // --partition (empty: the cluster's default)
  std::vector<std::string> sbatch_args;  // --slurm-args, split into words: after tandem's own, so they win
  unsigned runs_per_task = kRunsPerTask;
  unsigned max_tasks_at_once = 0;  // --jobs: the array's %N (0: as many as the cluster gives)
};

class SlurmLauncher final : public Launcher {
 public:
  explicit SlurmLauncher(SlurmOptions options) : options_(std::move(options)) {}
  LaunchEnd launch(std::vector<Job>& jobs, const LaunchOptions& options) override;

 private:
  SlurmOptions options_;
  unsigned submissions_ = 0;
};

}  // namespace tandem
