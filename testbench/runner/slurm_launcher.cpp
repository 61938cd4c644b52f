#include "slurm_launcher.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>

#include "manifest.hpp"
#include "outcome.hpp"
#include "run_end.hpp"
#include "spawn.hpp"

namespace tandem {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long the array may wait in the queue before its tasks' own time limits (on top of
// them): past it the regression stops waiting, cancels the job and reports the rest lost.
constexpr auto kQueueWait = std::chrono::hours(1);
constexpr auto kFilePoll = std::chrono::milliseconds(500);  // reading ended.txt files: cheap
constexpr auto kQueuePoll = std::chrono::seconds(3);        // squeue asks the controller: spare it
// After the job left the queue, how long a shared filesystem may take to show the last files.
constexpr auto kFilesGrace = std::chrono::seconds(3);

bool write_script(const std::string& path, const std::string& task_files, const std::vector<std::string>& run_options) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);  // absolute: the nodes start this very file
  if (ec) return false;
  std::string command =
      shell_quote(self.string()) + " batch " + shell_quote(task_files) + "-\"$SLURM_ARRAY_TASK_ID\".tsv";
  for (const std::string& a : run_options) command += " " + shell_quote(a);
  std::ofstream out(path);
  out << "#!/bin/sh\n# One array task of a tandem regression: the runs listed in task-<its index>.tsv.\nexec "
      << command << "\n";
  return static_cast<bool>(out);
}

// The job id that `sbatch --parsable` printed ("123" or "123;cluster"), "" when none.
std::string job_id_of(const std::string& output) {
  std::string id;
  for (std::size_t at = 0; at < output.size();) {
    const std::size_t end = output.find('\n', at);
    const std::string line = output.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::string first = line.substr(0, line.find(';'));
    if (!first.empty() && first.find_first_not_of("0123456789") == std::string::npos) id = first;
    at = end == std::string::npos ? output.size() : end + 1;
  }
  return id;
}

// Whether the job still has tasks pending or running. When squeue cannot tell (the
// controller does not answer), it is taken as still there: the overall bound ends the wait.
bool in_queue(const std::string& id, bool* warned) {
  std::string output;
  const int rc = run_program({"squeue", "--noheader", "--jobs", id, "--format", "%i"}, &output);
  if (rc == 0) return output.find_first_not_of(" \n") != std::string::npos;
  if (output.find("Invalid job id") != std::string::npos) return false;  // gone from the controller too
  if (!*warned) std::fprintf(stderr, "tandem: squeue did not answer (%s); still waiting\n", output.c_str());
  *warned = true;
  return true;
}

void cancel(const std::string& id) {
  std::string output;
  if (run_program({"scancel", id}, &output) != 0) {
    std::fprintf(stderr, "tandem: scancel %s failed: %s", id.c_str(), output.c_str());
  }
}

}  // namespace

LaunchEnd SlurmLauncher::launch(std::vector<Job>& jobs, const LaunchOptions& options) {
  if (jobs.empty()) return LaunchEnd::kAll;
  // One submission, one set of `tandem run` options: the task script carries them.
  for (const Job& j : jobs) {
    if (j.extra_args != jobs.front().extra_args) {
      std::fprintf(stderr, "tandem: the runs of one Slurm submission must share their options\n");
      return LaunchEnd::kCannotStart;
    }
  }
  std::error_code ec;
  const std::string dir = fs::absolute(fs::path(options_.work_dir) / fmt::format("slurm-{}", ++submissions_), ec);
  if (ec || !make_dirs(dir)) return LaunchEnd::kCannotStart;
  const std::size_t per_task = std::max(1u, options_.runs_per_task);
  const std::size_t tasks = (jobs.size() + per_task - 1) / per_task;
  for (std::size_t t = 0; t < tasks; ++t) {
    std::vector<ManifestRow> rows;
    for (std::size_t i = t * per_task; i < std::min(jobs.size(), (t + 1) * per_task); ++i) {
      rows.push_back({jobs[i].spec, options.timeout_seconds, RunRecord::Status::kNotRun});
    }
    if (!write_manifest(fmt::format("{}/task-{}.tsv", dir, t), rows)) return LaunchEnd::kCannotStart;
  }
  for (const Job& j : jobs) fs::remove(run_end_path(j.dir), ec);  // a run rerun in its folder (waves)
  const std::string script = dir + "/task.sh";
  if (!write_script(script, dir + "/task", jobs.front().extra_args)) return LaunchEnd::kCannotStart;

  // A task's time limit: its runs, each at its wall-time limit, and a minute to start.
  const auto task_minutes = static_cast<unsigned>((per_task * options.timeout_seconds + 60 + 59) / 60);
  std::string array = fmt::format("0-{}", tasks - 1);
  if (options_.max_tasks_at_once != 0) array += fmt::format("%{}", options_.max_tasks_at_once);
  std::vector<std::string> sbatch = {"sbatch",
                                     "--parsable",
                                     "--job-name=tandem",
                                     "--array=" + array,
                                     "--cpus-per-task=1",
                                     fmt::format("--time={}", task_minutes),
                                     "--output=" + dir + "/task-%a.out",
                                     "--chdir=" + fs::current_path().string()};
  if (!options_.partition.empty()) sbatch.push_back("--partition=" + options_.partition);
  sbatch.insert(sbatch.end(), options_.sbatch_args.begin(), options_.sbatch_args.end());
  sbatch.push_back(script);
  std::string output;
  const int rc = run_program(sbatch, &output);
  const std::string id = job_id_of(output);
  if (rc != 0 || id.empty()) {
    std::fprintf(stderr, "tandem: sbatch failed (exit code %d): %s\n", rc, output.c_str());
    return LaunchEnd::kCannotStart;
  }
  std::printf("submitted Slurm job %s: %zu runs in %zu array tasks of up to %zu; task files and output in %s\n",
              id.c_str(), jobs.size(), tasks, per_task, dir.c_str());
  std::fflush(stdout);

  const auto deadline = Clock::now() + kQueueWait + std::chrono::minutes(task_minutes) * tasks;
  std::vector<bool> done(jobs.size(), false);
  std::size_t waiting = jobs.size();
  std::optional<Clock::time_point> left_queue;
  auto next_queue_poll = Clock::now();
  bool warned = false;
  while (waiting > 0) {
    if (interrupt_requested()) {
      cancel(id);
      return LaunchEnd::kInterrupted;
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (done[i] || !read_run_end(&jobs[i])) continue;
      done[i] = true;
      --waiting;
      if (!options.on_done(jobs[i]) && options.fail_fast) {
        cancel(id);
        return LaunchEnd::kFailFast;
      }
    }
    const auto now = Clock::now();
    if (waiting == 0 || (left_queue && now - *left_queue > kFilesGrace)) break;
    if (now > deadline) {
      std::fprintf(stderr, "tandem: Slurm job %s is not done after the bound on its wait: cancelling it\n", id.c_str());
      cancel(id);
      break;
    }
    if (!left_queue && now >= next_queue_poll) {
      if (!in_queue(id, &warned)) left_queue = now;
      next_queue_poll = now + kQueuePoll;
    }
    const timespec pause{0, std::chrono::nanoseconds(kFilePoll).count()};
    nanosleep(&pause, nullptr);  // a signal cuts it short: the loop then stops at once
  }
  // What no task ended was lost by the cluster: a failure, never a pass.
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (done[i]) continue;
    jobs[i].started = jobs[i].finished = jobs[i].lost = true;
    options.on_done(jobs[i]);
  }
  return LaunchEnd::kAll;
}

}  // namespace tandem
