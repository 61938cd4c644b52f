#include "batch.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <csignal>
#include <cstdio>

#include "launcher.hpp"
#include "manifest.hpp"
#include "outcome.hpp"
#include "run_end.hpp"

namespace tandem {

int batch(const Command& cmd) {
  const InterruptGuard interrupts;  // the scheduler's SIGTERM stops the runs, as Ctrl-C does
  const auto rows = read_manifest(cmd.names.front());
  if (!rows) {
    std::fprintf(stderr, "tandem: '%s' is not a readable manifest\n", cmd.names.front().c_str());
    return kExitCannotRun;
  }
  const std::string out = cmd.out_dir.empty() ? default_runs_dir() : cmd.out_dir;
  std::vector<Job> jobs;
  LaunchOptions options;
  for (const ManifestRow& row : *rows) {
    Job j;
    j.spec = row.spec;
    j.dir = run_dir(out, row.spec.scenario, row.spec.variant, row.spec.seed);
    j.extra_args = cmd.run_options;
    jobs.push_back(std::move(j));
    options.timeout_seconds = std::max(options.timeout_seconds, row.timeout_seconds);
  }
  bool written = true;
  std::size_t ended = 0;
  options.on_done = [&](Job& j) {
    // A run killed from outside (SIGTERM or SIGKILL, not at its own limit) was stopped by
    // the scheduler with its task: it leaves no end, so that it counts as lost, not crashed.
    const bool killed =
        !j.timed_out && WIFSIGNALED(j.status) && (WTERMSIG(j.status) == SIGTERM || WTERMSIG(j.status) == SIGKILL);
    if (!killed) written = write_run_end(j) && written;
    std::printf("[%zu/%zu] %s %s seed %llu: exit status %d%s (%.2f s)\n", ++ended, jobs.size(), j.spec.scenario.c_str(),
                j.spec.variant.c_str(), static_cast<unsigned long long>(j.spec.seed), j.status,
                j.timed_out ? ", killed at its wall-time limit" : "", j.seconds);
    std::fflush(stdout);
    return true;
  };
  const LaunchEnd end = launch(jobs, options);
  if (end == LaunchEnd::kInterrupted) return kExitInterrupted;
  if (end != LaunchEnd::kAll || !written) {
    std::fprintf(stderr, "tandem: could not run or record every run of '%s'\n", cmd.names.front().c_str());
    return kExitCannotRun;
  }
  return kExitPassed;
}

}  // namespace tandem
