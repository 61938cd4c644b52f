#include "launch.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "runner/children.hpp"
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

std::vector<std::string> Launcher::arguments(const Schedule& s, const std::string& out, bool waves) const {
  std::vector<std::string> args = {"tandem",
                                   "run",
                                   config_.target.scenario,
                                   "--seed",
                                   std::to_string(config_.target.seed),
                                   "--variant",
                                   config_.target.variant,
                                   "--max-cycles",
                                   std::to_string(max_cycles_ != 0 ? max_cycles_ : config_.record_max_cycles),
                                   "--out",
                                   out};
  if (waves) {
    args.insert(args.end(), {"--waves", "fst"});
  } else {
    args.insert(args.end(), {"--record-boundaries", "--no-log"});
  }
  if (!s.empty()) args.insert(args.end(), {"--schedule", to_string(s)});
  return args;
}

std::vector<RunResult> Launcher::run(const std::vector<Schedule>& schedules) {
  std::vector<RunResult> results(schedules.size());
  std::vector<std::string> outs(schedules.size());
  const std::string runs = config_.dir + "/runs";
  run_children(
      schedules.size(), config_.jobs, config_.child_seconds,
      [&](std::size_t i) -> pid_t {
        outs[i] = runs + "/" + std::to_string(launched_++);
        if (!make_dirs(outs[i])) return -1;
        return spawn_child("/proc/self/exe", arguments(schedules[i], outs[i], false), outs[i] + "/stdout.txt");
      },
      [&](std::size_t i, const ChildEnd&) {
        const std::string dir = run_dir(outs[i], config_.target.scenario, config_.target.variant, config_.target.seed);
        results[i] = read_result(dir + "/result.txt", slurp(dir + "/boundaries.txt"), schedules[i]);
        if (results[i].checker == "no_result") {  // say why: the child's first words
          const std::string said = slurp(outs[i] + "/stdout.txt");
          results[i].message += ": " + said.substr(0, said.find('\n'));
        }
        std::error_code ec;
        if (results[i].passed) fs::remove_all(outs[i], ec);  // a passing run's files say nothing more
      });
  // Later runs may be slower by a hold per perturbation, and by what the holds cause (a
  // scenario's own timeouts, up to kSlackCycles, judge a copy the holds lost).
  if (max_cycles_ == 0 && !results.empty() && results.front().checker != "no_result") {
    max_cycles_ = 4 * results.front().cycles + (config_.target.bound + 1) * kHoldBoundCycles + kSlackCycles;
  }
  return results;
}

std::string Launcher::run_with_waves(const Schedule& s, const std::string& name) {
  const std::string out = config_.dir + "/waves/" + name;
  if (!make_dirs(out)) return {};
  run_children(
      1, 1, config_.child_seconds * 4,
      [&](std::size_t) { return spawn_child("/proc/self/exe", arguments(s, out, true), out + "/stdout.txt"); },
      [](std::size_t, const ChildEnd&) {});
  return run_dir(out, config_.target.scenario, config_.target.variant, config_.target.seed);
}

}  // namespace tandem::explore
