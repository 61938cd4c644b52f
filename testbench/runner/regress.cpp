#include "regress.hpp"

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "children.hpp"
#include "explore/command.hpp"
#include "outcome.hpp"
#include "report.hpp"
#include "scenario.hpp"

namespace tandem {

namespace {

struct Job {
  const Scenario* scenario = nullptr;
  std::string variant;
  std::uint64_t seed = 0;
  std::string dir;
  pid_t pid = -1;
  std::chrono::steady_clock::time_point start;
  double seconds = 0;
  std::optional<Outcome> outcome;
  int status = 0;
};

bool spawn(Job& job, const std::string& runs_dir) {
  if (!make_dirs(job.dir)) return false;
  const std::string seed = std::to_string(job.seed);
  std::vector<std::string> args = {"tandem", "run",   job.scenario->name, "--seed", seed, "--variant", job.variant,
                                   "--out",  runs_dir};
  job.start = std::chrono::steady_clock::now();
  job.pid = spawn_child("/proc/self/exe", std::move(args), job.dir + "/stdout.txt");
  return job.pid > 0;
}

const char* result(const Job& j) {
  if (!j.outcome) return "FAIL";
  return j.outcome->passed ? "PASS" : "FAIL";
}

}  // namespace

int regress(const Command& cmd) {
  const std::string runs_dir = cmd.out_dir.empty() ? default_runs_dir() : cmd.out_dir;
  std::vector<Job> jobs;
  for (const std::string& name : cmd.only) {
    if (find_scenario(name) == nullptr) {
      std::fprintf(stderr, "tandem: no scenario named '%s' (see 'tandem list')\n", name.c_str());
      return 2;
    }
  }
  std::size_t pairs = 0;  // (scenario, variant)
  for (const Scenario& s : scenarios()) {
    if (!cmd.only.empty() && std::find(cmd.only.begin(), cmd.only.end(), s.name) == cmd.only.end()) continue;
    for (const std::string& variant : s.variants) {
      if (!cmd.variant.empty() && variant != cmd.variant) continue;
      ++pairs;
      for (unsigned seed = 1; seed <= cmd.seeds; ++seed) {
        Job job;
        job.scenario = &s;
        job.variant = variant;
        job.seed = seed;
        job.dir = run_dir(runs_dir, s.name, variant, seed);
        jobs.push_back(std::move(job));
      }
    }
  }
  const unsigned parallel = cmd.jobs != 0 ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::printf("tandem regress: %zu runs (%zu scenario-variants x %u seeds), %u at a time\n", jobs.size(), pairs,
              cmd.seeds, parallel);
  std::fflush(stdout);

  const auto t0 = std::chrono::steady_clock::now();
  std::map<pid_t, Job*> running;
  std::size_t next = 0, finished = 0;
  while (finished < jobs.size()) {
    while (running.size() < parallel && next < jobs.size()) {
      Job& j = jobs[next++];
      if (!spawn(j, runs_dir)) {
        std::fprintf(stderr, "tandem: could not start the run of %s seed %llu\n", j.scenario->name.c_str(),
                     static_cast<unsigned long long>(j.seed));
        return 3;
      }
      running[j.pid] = &j;
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) break;
    auto it = running.find(pid);
    if (it == running.end()) continue;
    Job& j = *it->second;
    running.erase(it);
    j.status = status;
    j.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - j.start).count();
    j.outcome = read_outcome(j.dir + "/result.txt");
    if (j.outcome && !(WIFEXITED(status) && WEXITSTATUS(status) == exit_code(*j.outcome))) j.outcome.reset();
    ++finished;
    std::printf("[%zu/%zu] %s %s variant=%s seed=%llu (%.2f s)\n", finished, jobs.size(), result(j),
                j.scenario->name.c_str(), j.variant.c_str(), static_cast<unsigned long long>(j.seed), j.seconds);
    std::fflush(stdout);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  Regression reg;
  reg.dir = runs_dir + "/regress";
  reg.wall_seconds = wall;
  bool all_passed = true;
  for (const Job& j : jobs) {
    RunRecord r;
    r.scenario = j.scenario->name;
    r.variant = j.variant;
    r.seed = j.seed;
    r.outcome = j.outcome;
    r.seconds = j.seconds;
    r.dir = j.dir;
    r.repro = rerun_command(r.scenario, r.variant, r.seed);
    if (j.outcome) {
      r.status = j.outcome->passed ? RunRecord::Status::kPassed : RunRecord::Status::kFailed;
    } else if (WIFSIGNALED(j.status)) {
      r.status = RunRecord::Status::kCrashed;
      r.signal = WTERMSIG(j.status);
    } else {
      r.status = RunRecord::Status::kNoResult;
    }
    all_passed = all_passed && r.status == RunRecord::Status::kPassed;
    reg.runs.push_back(std::move(r));
  }
  if (!make_dirs(reg.dir)) {
    std::fprintf(stderr, "tandem: cannot create the report folder '%s'\n", reg.dir.c_str());
    return 3;
  }
  std::printf("\n%s", write_report(reg).c_str());
  if (cmd.explore_budget != 0 && cmd.only.empty() && cmd.variant.empty()) {
    std::printf("\nExploring the racy paths, %llu schedules each:\n",
                static_cast<unsigned long long>(cmd.explore_budget));
    const auto explored = explore::explore_racy_paths(cmd.explore_budget, parallel, runs_dir);
    const std::string table = explore::render_table(explored);
    std::ofstream(reg.dir + "/explore.md") << table;
    std::printf("\n%s", table.c_str());
    for (const auto& e : explored) all_passed = all_passed && e.stats.failures == 0;
  }
  return all_passed ? 0 : 1;
}

}  // namespace tandem
