#include "launch.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "runner/launcher.hpp"
#include "runner/outcome.hpp"

namespace tandem::explore {

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

RunResult read_result(const std::string& result_path, const std::string& boundaries_text, const Schedule& schedule) {
  RunResult r;
  const std::optional<Outcome> o = read_outcome(result_path);
  if (!o) {
    r.checker = "no_result";
    r.message = "the run wrote no result (crashed, or killed past its time limit)";
  } else if (!o->failures.empty()) {
    // "checker: message (cycle N)": the first that fired decides, whatever the scenario expects.
    const std::string& first = o->failures.front();
    const auto colon = first.find(": ");
    r.checker = first.substr(0, colon);
    r.message = colon == std::string::npos ? first : first.substr(colon + 2);
  }
  r.passed = r.checker.empty();
  if (o) r.cycles = o->cycles;
  // "perturbation=c0@17:irq applied", in the run's own (normalized) order: matched by name.
  std::map<std::string, Applied> fate;
  std::stringstream in(slurp(result_path));
  std::string line;
  const std::string key = "perturbation=";
  while (std::getline(in, line)) {
    const auto space = line.rfind(' ');
    if (line.rfind(key, 0) != 0 || space == std::string::npos) continue;
    if (auto a = parse_applied(line.substr(space + 1))) fate[line.substr(key.size(), space - key.size())] = *a;
  }
  // One the run does not name did not take effect.
  for (const Perturbation& p : schedule) {
    const auto it = fate.find(to_string(p));
    r.applied.push_back(it == fate.end() ? Applied::kUnreached : it->second);
  }
  r.boundaries = parse_boundaries(boundaries_text);
  return r;
}

RunSpec Launcher::spec(const Schedule& s) const {
  RunSpec spec;
  spec.scenario = config_.target.scenario;
  spec.variant = config_.target.variant;
  spec.seed = config_.target.seed;
  spec.max_cycles = max_cycles_ != 0 ? max_cycles_ : config_.record_max_cycles;
  spec.schedule = to_string(s);
  return spec;
}

std::vector<RunResult> Launcher::run(const std::vector<Schedule>& schedules) {
  RunResult not_started;
  not_started.checker = "no_result";
  not_started.message = "the run could not start";
  std::vector<RunResult> results(schedules.size(), not_started);
  std::vector<Job> jobs(schedules.size());
  for (std::size_t i = 0; i < schedules.size(); ++i) {
    jobs[i].spec = spec(schedules[i]);
    jobs[i].dir = config_.dir + "/runs/" + std::to_string(launched_++);
    jobs[i].extra_args = {"--out", jobs[i].dir, "--record-boundaries", "--no-log"};
  }
  LaunchOptions options;
  options.parallel = config_.jobs;
  options.timeout_seconds = config_.child_seconds;
  options.on_done = [&](Job& job) {
    const auto i = static_cast<std::size_t>(&job - jobs.data());
    const std::string dir = run_dir(job.dir, config_.target.scenario, config_.target.variant, config_.target.seed);
    results[i] = read_result(dir + "/result.txt", slurp(dir + "/boundaries.txt"), schedules[i]);
    if (results[i].checker == "no_result") {  // say why: the child's first words
      const std::string said = slurp(job.dir + "/stdout.txt");
      results[i].message += ": " + said.substr(0, said.find('\n'));
    }
    std::error_code ec;
    if (results[i].passed) fs::remove_all(job.dir, ec);  // a passing run's files say nothing more
    return true;
  };
  launch(jobs, options);
  // Later runs may be slower by a hold per perturbation, and by what the holds cause (a
  // scenario's own timeouts, up to kSlackCycles, judge a copy the holds lost).
  if (max_cycles_ == 0 && !results.empty() && results.front().checker != "no_result") {
    max_cycles_ = 4 * results.front().cycles + (config_.target.bound + 1) * kHoldBoundCycles + kSlackCycles;
  }
  return results;
}

std::string Launcher::run_with_waves(const Schedule& s, const std::string& name) {
  std::vector<Job> jobs(1);
  jobs[0].spec = spec(s);
  jobs[0].dir = config_.dir + "/waves/" + name;
  jobs[0].extra_args = {"--out", jobs[0].dir, "--waves", "fst"};
  LaunchOptions options;
  options.timeout_seconds = config_.child_seconds * 4;
  options.on_done = [](Job&) { return true; };
  launch(jobs, options);
  return run_dir(jobs[0].dir, config_.target.scenario, config_.target.variant, config_.target.seed);
}

}  // namespace tandem::explore
