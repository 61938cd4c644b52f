#include "cli.hpp"

#include <cerrno>
#include <cstdlib>

#include "verilated_device.hpp"

namespace tandem {

const char* usage_text() {
  return "usage:\n"
         "  tandem list                         the scenarios, one a line\n"
         "  tandem checkers                     what fails a run, and the scenarios proving each\n"
         "  tandem run NAME [options]           one scenario, one seed\n"
         "      --seed N                        seed (default 1)\n"
         "      --variant NAME                  the RTL variant (default: default)\n"
         "      --waves fst|vcd|off             write waves (default off)\n"
         "      --out DIR                       where runs go (default: runs/ beside tandem)\n"
         "      --max-cycles N                  fail the run as hung after N cycles (default 50000000)\n"
         "      --step-every-cycle              yield to SystemC after every cycle (slow; for checking)\n"
         "      --verbose                       echo the run log\n"
         "      --no-log                        write no run log (the checkers judge all the same)\n"
         "      --release-driver                a bug-zoo scenario on the release driver: it must pass quietly\n"
         "      --record-boundaries             write each HAL-call boundary to boundaries.txt\n"
         "      --schedule 'c0@17:irq,...'      hold CPUs at boundaries: done, error, pm, irq, first, drain\n"
         "  tandem regress [options]            every scenario over several seeds, then the report\n"
         "      --seeds N                       seeds 1..N per scenario (default 3)\n"
         "      --jobs N                        parallel runs (default: one per core)\n"
         "      --only NAME                     only this scenario (repeatable)\n"
         "      --variant NAME                  only this RTL variant (default: each scenario's own)\n"
         "      --out DIR                       where runs go\n"
         "      --explore-budget N              schedules explored per racy-path scenario (default 24, 0: none)\n"
         "  tandem explore NAME [options]       every interleaving of up to K perturbations at the HAL-call\n"
         "                                      boundaries; failing schedules minimized and grouped by checker\n"
         "      --seed N                        seed (default 1)\n"
         "      --variant NAME                  the RTL variant (default: default)\n"
         "      --bound K                       perturbations per schedule at most (default 2)\n"
         "      --budget RUNS|SECONDSs          stop after so many schedules, or seconds (e.g. 30s)\n"
         "      --jobs N                        parallel runs (default: one per core)\n"
         "      --waves                         rerun each minimized failure with waves\n"
         "      --out DIR                       the exploration's folder\n";
}

namespace {

bool parse_number(const std::string& text, std::uint64_t max, std::uint64_t* out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  errno = 0;
  const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (errno != 0 || v > max) return false;
  *out = v;
  return true;
}

std::string known_variants() {
  std::string names;
  for (const DeviceVariant& v : device_variants()) names += (names.empty() ? "" : ", ") + v.name;
  return names;
}

}  // namespace

std::optional<Command> parse_command_line(const std::vector<std::string>& args, std::string* error) {
  Command cmd;
  cmd.args = args;
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") return cmd;
  const std::string& verb = args[0];
  std::size_t i = 1;
  if (verb == "list") {
    cmd.kind = Command::Kind::kList;
  } else if (verb == "checkers") {
    cmd.kind = Command::Kind::kCheckers;
  } else if (verb == "run" || verb == "explore") {
    cmd.kind = verb == "run" ? Command::Kind::kRun : Command::Kind::kExplore;
    if (args.size() < 2 || args[1].rfind("--", 0) == 0) {
      *error = "'" + verb + "' needs a scenario name (see 'tandem list')";
      return std::nullopt;
    }
    cmd.scenario = args[1];
    i = 2;
  } else if (verb == "regress") {
    cmd.kind = Command::Kind::kRegress;
  } else {
    *error = "unknown command '" + verb + "'";
    return std::nullopt;
  }

  auto value = [&](const std::string& flag) -> std::optional<std::string> {
    if (i + 1 >= args.size()) {
      *error = "'" + flag + "' needs a value";
      return std::nullopt;
    }
    return args[++i];
  };
  auto number = [&](const std::string& flag, std::uint64_t min, std::uint64_t max) -> std::optional<std::uint64_t> {
    auto v = value(flag);
    if (!v) return std::nullopt;
    std::uint64_t n = 0;
    if (!parse_number(*v, max, &n) || n < min) {
      *error = "'" + flag + "' takes a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
               ", not '" + *v + "'";
      return std::nullopt;
    }
    return n;
  };

  const bool run = cmd.kind == Command::Kind::kRun;
  const bool regress = cmd.kind == Command::Kind::kRegress;
  const bool explore = cmd.kind == Command::Kind::kExplore;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--seed" && (run || explore)) {
      auto n = number(a, 0, UINT64_MAX);
      if (!n) return std::nullopt;
      cmd.seed = *n;
    } else if (a == "--waves" && run) {
      auto v = value(a);
      if (!v) return std::nullopt;
      if (*v == "fst") {
        cmd.waves = Waves::kFst;
      } else if (*v == "vcd") {
        cmd.waves = Waves::kVcd;
      } else if (*v == "off") {
        cmd.waves = Waves::kOff;
      } else {
        *error = "'--waves' takes fst, vcd or off, not '" + *v + "'";
        return std::nullopt;
      }
    } else if (a == "--waves" && explore) {
      cmd.waves = Waves::kFst;
    } else if (a == "--bound" && explore) {
      auto n = number(a, 1, 8);
      if (!n) return std::nullopt;
      cmd.bound = static_cast<unsigned>(*n);
    } else if (a == "--budget" && explore) {
      auto v = value(a);
      if (!v) return std::nullopt;
      const bool timed = !v->empty() && v->back() == 's';
      std::uint64_t n = 0;
      if (!parse_number(timed ? v->substr(0, v->size() - 1) : *v, 100'000'000, &n) || n == 0) {
        *error = "'--budget' takes a number of runs or of seconds (e.g. 500 or 30s), not '" + *v + "'";
        return std::nullopt;
      }
      if (timed) {
        cmd.budget_seconds = static_cast<double>(n);
      } else {
        cmd.budget_runs = n;
      }
    } else if (a == "--explore-budget" && regress) {
      auto n = number(a, 0, 1'000'000);
      if (!n) return std::nullopt;
      cmd.explore_budget = *n;
    } else if (a == "--out" && (run || regress || explore)) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.out_dir = *v;
    } else if (a == "--variant" && (run || regress || explore)) {
      auto v = value(a);
      if (!v) return std::nullopt;
      if (find_variant(*v) == nullptr) {
        *error = "no RTL variant named '" + *v + "' (known: " + known_variants() + ")";
        return std::nullopt;
      }
      cmd.variant = *v;
    } else if (a == "--max-cycles" && run) {
      auto n = number(a, 1, UINT64_MAX / 2);
      if (!n) return std::nullopt;
      cmd.max_cycles = *n;
    } else if (a == "--step-every-cycle" && run) {
      cmd.step_every_cycle = true;
    } else if (a == "--verbose" && run) {
      cmd.verbose = true;
    } else if (a == "--no-log" && run) {
      cmd.log = false;
    } else if (a == "--release-driver" && run) {
      cmd.release_driver = true;
    } else if (a == "--record-boundaries" && run) {
      cmd.record_boundaries = true;
    } else if (a == "--schedule" && run) {
      auto v = value(a);
      if (!v) return std::nullopt;
      std::string why;
      auto schedule = parse_schedule(*v, &why);
      if (!schedule) {
        *error = "bad '--schedule': " + why;
        return std::nullopt;
      }
      cmd.schedule = *schedule;
    } else if (a == "--seeds" && regress) {
      auto n = number(a, 1, 100000);
      if (!n) return std::nullopt;
      cmd.seeds = static_cast<unsigned>(*n);
    } else if (a == "--jobs" && (regress || explore)) {
      auto n = number(a, 1, 1024);
      if (!n) return std::nullopt;
      cmd.jobs = static_cast<unsigned>(*n);
    } else if (a == "--only" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.only.push_back(*v);
    } else {
      *error = "unknown option '" + a + "' for '" + verb + "'";
      return std::nullopt;
    }
  }
  return cmd;
}

}  // namespace tandem
