#include "outcome.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <fstream>

namespace tandem {

namespace fs = std::filesystem;

void judge(std::string_view expect, const std::vector<std::string>& fired, Outcome* o) {
  if (expect.empty()) {
    o->passed = fired.empty();
    o->verdict = o->passed ? "all checkers quiet" : o->failures.front();
  } else if (fired.empty()) {
    o->passed = false;
    o->verdict = fmt::format("the {} checker missed the seeded bug", expect);
  } else if (fired.front() != expect) {
    // What followed the first failure is no proof: the run was already broken.
    o->passed = false;
    o->verdict = fmt::format("the run failed on `{}` before `{}` could judge", fired.front(), expect);
  } else {
    o->passed = true;
    o->verdict = fmt::format("seeded bug caught by the {} checker, as it must be", expect);
  }
}

int exit_code(const Outcome& o) {
  return o.passed ? 0 : 1;
}

bool write_outcome(const std::string& path, const Outcome& o) {
  std::ofstream out(path);
  out << "scenario=" << o.scenario << "\nvariant=" << o.variant << "\nseed=" << o.seed
      << "\npassed=" << (o.passed ? 1 : 0) << "\nverdict=" << o.verdict << "\ncycles=" << o.cycles << "\n";
  for (const std::string& f : o.failures) out << "failure=" << f << "\n";
  for (const std::string& l : o.latency) out << "latency=" << l << "\n";
  if (!o.schedule.empty()) out << "schedule=" << o.schedule << "\n";
  for (const std::string& p : o.perturbations) out << "perturbation=" << p << "\n";
  return static_cast<bool>(out);
}

std::optional<Outcome> read_outcome(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  Outcome o;
  std::string line;
  bool complete = false;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "scenario") o.scenario = value;
    if (key == "variant") o.variant = value;
    if (key == "seed") o.seed = std::stoull(value);
    if (key == "passed") o.passed = value == "1";
    if (key == "verdict") o.verdict = value;
    if (key == "cycles") {
      o.cycles = std::stoull(value);
      complete = true;
    }
    if (key == "failure") o.failures.push_back(value);
    if (key == "latency") o.latency.push_back(value);
    if (key == "schedule") o.schedule = value;
    if (key == "perturbation") o.perturbations.push_back(value);
  }
  if (!complete) return std::nullopt;
  return o;
}

std::string default_runs_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "runs";
  return (exe.parent_path() / "runs").string();
}

std::string run_dir(const std::string& runs_dir, const std::string& scenario, const std::string& variant,
                    std::uint64_t seed) {
  fs::path dir = fs::path(runs_dir) / scenario;
  if (variant != "default") dir /= variant;
  return (dir / ("seed-" + std::to_string(seed))).string();
}

std::string rerun_command(const std::string& scenario, const std::string& variant, std::uint64_t seed,
                          bool release_driver, const std::string& schedule) {
  return self_command() + " run " + scenario + " --seed " + std::to_string(seed) + " --variant " + variant +
         " --waves fst" + (release_driver ? " --release-driver" : "") +
         (schedule.empty() ? "" : " --schedule '" + schedule + "'");
}

std::string self_command() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "tandem";
  const fs::path rel = exe.lexically_relative(fs::current_path());
  if (rel.empty() || *rel.begin() == "..") return exe.string();
  return (fs::path(".") / rel).string();
}

bool make_dirs(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  return !ec && fs::is_directory(path);
}

}  // namespace tandem
