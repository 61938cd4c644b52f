// Runs a regression's jobs, each `tandem run` in a process of its own: a Launcher, either
// here, several at once (LocalLauncher), or on a cluster (SlurmLauncher, slurm_launcher.hpp).
// Each run is bounded by a wall-time limit (killed past it); all stop at the first failure
// with fail_fast, or on SIGINT/SIGTERM.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <string>
#include <vector>

#include "run_spec.hpp"

namespace tandem {

struct Job {
  RunSpec spec;
  std::vector<std::string> extra_args;  // beyond run_arguments(spec): --out, --waves
  std::string dir;                      // the run's folder (its stdout.txt goes there)
  // What happened:
  bool started = false;
  bool finished = false;   // it ended by itself (or at its time limit)
  bool timed_out = false;  // killed at its wall-time limit
  bool lost = false;       // its cluster task ended before it did (finished is set too)
  int status = 0;          // waitpid's status
  double seconds = 0;
  pid_t pid = -1;
  std::chrono::steady_clock::time_point start;
};

struct LaunchOptions {
  unsigned parallel = 1;
  unsigned timeout_seconds = 60;
  bool fail_fast = false;
  // Called as each job ends; returns whether it passed (fail_fast stops at the first false).
  std::function<bool(Job&)> on_done;
};

// While one lives, SIGINT and SIGTERM do not end the process: they make launch() stop its
// runs and return kInterrupted, so that the caller writes its partial report.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

enum class LaunchEnd { kAll, kFailFast, kInterrupted, kCannotStart };

// Runs the jobs in order, at most `parallel` at once (call it with an InterruptGuard alive). Jobs not started, or
// stopped by a fail-fast or an interrupt, keep finished == false.
LaunchEnd launch(std::vector<Job>& jobs, const LaunchOptions& options);

// Whether a SIGINT or SIGTERM came while an InterruptGuard lives.
bool interrupt_requested();

// Where a regression's runs run. Each launcher runs the jobs, calls options.on_done as each
// ends, and leaves the jobs not run (stopped, or never started) with finished == false.
class Launcher {
 public:
  virtual ~Launcher() = default;
  virtual LaunchEnd launch(std::vector<Job>& jobs, const LaunchOptions& options) = 0;
};

// On this machine: launch() above, options.parallel at once.
class LocalLauncher final : public Launcher {
 public:
  LaunchEnd launch(std::vector<Job>& jobs, const LaunchOptions& options) override {
    return tandem::launch(jobs, options);
  }
};

}  // namespace tandem
