#include "command.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "launch.hpp"
#include "runner/outcome.hpp"
#include "runner/run_spec.hpp"
#include "scenario.hpp"
#include "search.hpp"

namespace tandem::explore {

namespace {

double seconds_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string replay_command(const Options& o, const std::string& schedule) {
  RunSpec spec;
  spec.scenario = o.target.scenario;
  spec.variant = o.target.variant;
  spec.seed = o.target.seed;
  spec.schedule = schedule;
  return repro_command(spec);
}

std::string default_dir(const std::string& runs_dir, const Options& o) {
  return run_dir(runs_dir + "/explore", o.target.scenario, o.target.variant, o.target.seed);
}

}  // namespace

Summary explore_scenario(const Options& o) {
  LaunchConfig lc;
  lc.target = o.target;
  lc.dir = o.dir;
  lc.jobs = o.jobs;
  Launcher launcher(lc);
  Limits limits;
  limits.bound = o.target.bound;
  limits.max_runs = o.max_runs;
  limits.max_seconds = o.max_seconds;
  limits.batch = 4 * static_cast<std::size_t>(o.jobs);
  auto progress = [&](const Progress& p) {
    if (!o.progress) return;
    std::printf("[depth %u] %zu/%zu schedules, %zu failing, %zu skipped as seen\n", p.depth, p.done, p.queued,
                p.failures, p.skipped);
    std::fflush(stdout);
  };
  Search search([&](const std::vector<Schedule>& ss) { return launcher.run(ss); }, limits, seconds_now, progress);
  search.explore();

  Summary s;
  s.target = o.target;
  s.stats = search.stats();
  s.runs_per_second = s.stats.seconds > 0 ? static_cast<double>(s.stats.runs) / s.stats.seconds : 0;
  for (const FailureGroup& g : search.groups()) {
    FailureSummary f;
    f.checker = g.checker;
    f.message = g.message;
    f.count = g.count;
    f.minimized = to_string(g.minimized);
    f.repro = replay_command(o, f.minimized);
    if (o.waves) f.waves = launcher.run_with_waves(g.minimized, f.checker);
    s.groups.push_back(std::move(f));
  }
  std::ofstream(o.dir + "/explore.txt") << render_text(s);
  std::ofstream(o.dir + "/explore.json") << render_json(s);
  return s;
}

int explore_command(const Command& cmd) {
  if (find_scenario(cmd.scenario) == nullptr) {
    std::fprintf(stderr, "tandem: no scenario named '%s' (see 'tandem list')\n", cmd.scenario.c_str());
    return 2;
  }
  Options o;
  o.target.scenario = cmd.scenario;
  o.target.variant = cmd.variant.empty() ? "default" : cmd.variant;
  o.target.seed = cmd.seed;
  o.target.bound = cmd.bound;
  o.max_runs = cmd.budget_runs;
  o.max_seconds = cmd.budget_seconds;
  o.jobs = cmd.jobs != 0 ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency());
  o.waves = cmd.waves != Waves::kOff;
  o.dir = cmd.out_dir.empty() ? default_dir(default_runs_dir(), o) : cmd.out_dir;
  if (!make_dirs(o.dir)) {
    std::fprintf(stderr, "tandem: cannot create '%s'\n", o.dir.c_str());
    return 3;
  }
  std::printf("tandem explore %s: seed %llu, variant %s, up to %u perturbations, %u at a time, into %s\n",
              o.target.scenario.c_str(), static_cast<unsigned long long>(o.target.seed), o.target.variant.c_str(),
              o.target.bound, o.jobs, o.dir.c_str());
  std::fflush(stdout);
  const Summary s = explore_scenario(o);
  std::printf("\n%s", render_text(s).c_str());
  return s.stats.failures == 0 ? 0 : 1;
}

std::vector<Summary> explore_racy_paths(std::size_t runs, unsigned jobs, const std::string& runs_dir) {
  std::vector<Summary> out;
  for (const Scenario& sc : scenarios()) {
    if (!sc.explore) continue;
    Options o;
    o.target.scenario = sc.name;
    o.max_runs = runs;
    o.jobs = jobs;
    o.progress = false;
    o.dir = default_dir(runs_dir, o);
    if (!make_dirs(o.dir)) continue;
    out.push_back(explore_scenario(o));
    std::printf("%s", render_text(out.back()).c_str());
    std::fflush(stdout);
  }
  return out;
}

}  // namespace tandem::explore
