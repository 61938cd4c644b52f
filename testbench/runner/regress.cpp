#include "regress.hpp"

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include "coverage/regress_coverage.hpp"
#include "crash.hpp"
#include "explore/command.hpp"
#include "launcher.hpp"
#include "manifest.hpp"
#include "outcome.hpp"
#include "plan.hpp"
#include "progress.hpp"
#include "regress_dir.hpp"
#include "report.hpp"
#include "signature.hpp"
#include "slurm_launcher.hpp"

namespace tandem {

namespace {

constexpr std::size_t kWavesPerSignature = 3;  // --waves on-fail: reruns per failure signature

RunRecord record_of(const Job& j) {
  RunRecord r;
  r.scenario = j.spec.scenario;
  r.variant = j.spec.variant;
  r.seed = j.spec.seed;
  r.seconds = j.seconds;
  r.dir = j.dir;
  r.repro = repro_command(j.spec);
  if (!j.finished) return r;  // kNotRun
  if (j.lost) {
    r.status = RunRecord::Status::kLost;
    return r;
  }
  if (j.timed_out) {
    r.status = RunRecord::Status::kTimedOut;
    return r;
  }
  r.outcome = read_outcome(j.dir + "/result.txt");
  const int signal = crash::read_crash_signal(j.dir + "/crash.txt");
  if (WIFEXITED(j.status) && WEXITSTATUS(j.status) == kExitCrashed && signal != 0) {
    r.status = RunRecord::Status::kCrashed;
    r.signal = signal;
  } else if (WIFSIGNALED(j.status)) {
    r.status = RunRecord::Status::kCrashed;
    r.signal = WTERMSIG(j.status);
  } else if (r.outcome && WIFEXITED(j.status) && WEXITSTATUS(j.status) == exit_code(*r.outcome)) {
    r.status = r.outcome->passed ? RunRecord::Status::kPassed : RunRecord::Status::kFailed;
  } else {
    r.status = RunRecord::Status::kNoResult;
  }
  if (r.status != RunRecord::Status::kPassed && r.status != RunRecord::Status::kFailed) r.outcome.reset();
  return r;
}

std::string progress_line(const RunRecord& r) {
  const bool lost = r.status == RunRecord::Status::kLost;
  const char* word = r.status == RunRecord::Status::kPassed ? "PASS" : lost ? "LOST" : "FAIL";
  std::string why;
  if (r.status == RunRecord::Status::kCrashed) why = ": crashed on " + crash::signal_name(r.signal);
  if (r.status == RunRecord::Status::kTimedOut) why = ": killed at its wall-time limit";
  if (r.status == RunRecord::Status::kNoResult) why = ": exited with no result";
  if (lost) why = ": its cluster task ended before it did";
  return fmt::format("{} {} variant={} seed={} ({:.2f} s){}", word, r.scenario, r.variant, r.seed, r.seconds, why);
}

// The runs to rerun with waves: every failed one's first kWavesPerSignature per signature
// (a crash or a timeout leaves no readable trace, and reruns would cost as long again).
std::vector<std::size_t> waves_reruns(const std::vector<RunRecord>& records) {
  std::map<std::string, std::size_t> per_signature;
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].status != RunRecord::Status::kFailed) continue;
    if (per_signature[failure_signature(records[i])]++ < kWavesPerSignature) picked.push_back(i);
  }
  return picked;
}

std::string joined(const std::vector<std::string>& args) {
  std::string text = "tandem";
  for (const std::string& a : args) text += " " + a;
  return text;
}

std::unique_ptr<Launcher> make_launcher(const Command& cmd, const std::string& dir) {
  if (cmd.launcher == LauncherKind::kLocal) return std::make_unique<LocalLauncher>();
  SlurmOptions slurm;
  slurm.work_dir = dir;
  slurm.partition = cmd.partition;
  slurm.sbatch_args = cmd.slurm_args;
  if (cmd.runs_per_task != 0) slurm.runs_per_task = cmd.runs_per_task;
  slurm.max_tasks_at_once = cmd.jobs;
  return std::make_unique<SlurmLauncher>(slurm);
}

}  // namespace

int regress(const Command& cmd) {
  const InterruptGuard interrupts;  // from the start: a Ctrl-C at any point gets its report
  const std::string parent = cmd.out_dir.empty() ? default_runs_dir() : cmd.out_dir;
  Plan plan;
  std::string error;
  if (!plan_regression(cmd, parent, &plan, &error)) {
    std::fprintf(stderr, "tandem: %s\n", error.c_str());
    return kExitUsage;
  }
  // --list: on stderr (its stdout is the runs alone), and only when the base was drawn.
  if (plan.seed_base && !(cmd.plan_only && cmd.seed_base)) {
    std::fprintf(cmd.plan_only ? stderr : stdout, "seed base %llu: repeat with --seed-base %llu\n",
                 static_cast<unsigned long long>(*plan.seed_base), static_cast<unsigned long long>(*plan.seed_base));
  }
  if (cmd.plan_only) {
    for (const RunSpec& s : plan.runs) {
      std::printf("%s %s %llu\n", s.scenario.c_str(), s.variant.c_str(), static_cast<unsigned long long>(s.seed));
    }
    return kExitPassed;
  }
  const std::string dir = new_regression_dir(parent);
  if (dir.empty()) {
    std::fprintf(stderr, "tandem: cannot create a regression folder in '%s'\n", parent.c_str());
    return kExitCannotRun;
  }
  const unsigned parallel = cmd.jobs != 0 ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool slurm = cmd.launcher == LauncherKind::kSlurm;
  std::printf("tandem regress: %zu runs (%zu scenario-variants x %zu seeds%s), %s, in %s\n", plan.runs.size(),
              plan.pairs, plan.seeds,
              cmd.shard_count > 1 ? fmt::format(", shard {}/{}", cmd.shard_index, cmd.shard_count).c_str() : "",
              slurm ? "through Slurm" : fmt::format("{} at a time", parallel).c_str(), dir.c_str());
  std::fflush(stdout);

  std::vector<Job> jobs;
  for (const RunSpec& spec : plan.runs) {
    Job j;
    j.spec = spec;
    j.dir = run_dir(dir, spec.scenario, spec.variant, spec.seed);
    j.extra_args = {"--out", dir};
    if (cmd.regress_waves == RegressWaves::kAll) j.extra_args.insert(j.extra_args.end(), {"--waves", "fst"});
    jobs.push_back(std::move(j));
  }
  std::vector<RunRecord> records(jobs.size());
  Progress progress(jobs.size(), isatty(STDOUT_FILENO) != 0);
  LaunchOptions options;
  options.parallel = parallel;
  options.timeout_seconds = plan.timeout_seconds;
  options.fail_fast = cmd.fail_fast;
  options.on_done = [&](Job& j) {
    RunRecord& r = records[static_cast<std::size_t>(&j - jobs.data())];
    r = record_of(j);
    progress.finished(r.status == RunRecord::Status::kPassed, progress_line(r));
    return r.status == RunRecord::Status::kPassed;
  };
  const auto t0 = std::chrono::steady_clock::now();
  const std::unique_ptr<Launcher> launcher = make_launcher(cmd, dir);
  LaunchEnd end = launcher->launch(jobs, options);
  progress.close();
  if (end == LaunchEnd::kCannotStart) {
    std::fprintf(stderr, "tandem: could not start a run in '%s'\n", dir.c_str());
    return kExitCannotRun;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!jobs[i].finished) records[i] = record_of(jobs[i]);  // kNotRun
  }

  if (end == LaunchEnd::kAll && cmd.regress_waves == RegressWaves::kOnFail) {
    std::vector<Job> again;
    for (std::size_t i : waves_reruns(records)) {
      Job j;
      j.spec = jobs[i].spec;
      j.dir = jobs[i].dir;
      j.extra_args = {"--out", dir, "--waves", "fst"};
      again.push_back(std::move(j));
    }
    if (!again.empty()) {
      std::printf("rerunning %zu failing run(s) with waves (at most %zu per failure)\n", again.size(),
                  kWavesPerSignature);
      std::fflush(stdout);
      options.fail_fast = false;
      options.on_done = [](Job&) { return true; };
      if (launcher->launch(again, options) == LaunchEnd::kInterrupted) end = LaunchEnd::kInterrupted;
    }
  }

  Regression reg;
  reg.dir = dir;
  reg.command = joined(cmd.args);
  reg.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  reg.interrupted = end != LaunchEnd::kAll;
  reg.junit_path = cmd.junit_path;
  std::vector<ManifestRow> manifest;
  bool all_passed = true;
  for (std::size_t i = 0; i < records.size(); ++i) {
    RunRecord& r = records[i];
    if (std::filesystem::exists(r.dir + "/waves.fst")) r.waves = r.dir + "/waves.fst";
    if (std::filesystem::exists(r.dir + "/waves.gtkw")) r.gtkw = r.dir + "/waves.gtkw";
    all_passed = all_passed && r.status == RunRecord::Status::kPassed;
    manifest.push_back({jobs[i].spec, plan.timeout_seconds, r.status});
    reg.runs.push_back(r);
  }
  if (!write_manifest(dir + "/manifest.tsv", manifest) || !link_latest(parent, dir)) {
    std::fprintf(stderr, "tandem: cannot write the manifest or the 'latest' link in '%s'\n", parent.c_str());
    return kExitCannotRun;
  }
  if (reg.interrupted) {
    std::printf("\nstopped early (%s): the report is partial\n",
                end == LaunchEnd::kInterrupted ? "interrupted" : "--fail-fast");
  }
  // The driver's racy paths, explored under a fixed budget: only in a whole regression run
  // here (not a subset, a shard, a rerun or a cluster's), and only when it was not stopped.
  const bool whole = cmd.names.empty() && cmd.variant.empty() && cmd.shard_count == 1 && !cmd.rerun_failed;
  if (cmd.explore_budget != 0 && whole && !slurm && !reg.interrupted) {
    std::printf("\nexploring the racy paths, %llu schedules each\n",
                static_cast<unsigned long long>(cmd.explore_budget));
    std::fflush(stdout);
    for (const explore::Summary& e : explore::explore_racy_paths(cmd.explore_budget, parallel, dir)) {
      ExploreSummary x;
      x.scenario = e.target.scenario;
      x.schedules_run = e.stats.runs;
      x.distinct_states = e.stats.distinct_states;
      x.failures = e.stats.failures;
      x.runs_per_second = e.runs_per_second;
      for (const explore::FailureSummary& g : e.groups) x.groups.push_back({g.checker, g.count, g.minimized, g.repro});
      all_passed = all_passed && e.stats.failures == 0;
      reg.explore.push_back(std::move(x));
    }
  }
  std::vector<std::string> run_dirs;
  for (const RunRecord& r : reg.runs) run_dirs.push_back(r.dir);
  reg.coverage = cov::gather(dir, run_dirs);
  std::printf("\n%s", write_report(reg).c_str());
  if (end == LaunchEnd::kInterrupted) return kExitInterrupted;
  return all_passed ? kExitPassed : kExitFailed;
}

}  // namespace tandem
