#include "cli.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <utility>

#include "shell_words.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {

constexpr char kRunUsage[] =
    "  tandem run NAME|GLOB... [options]   scenarios, one after another; exit code: the worst run's\n"
    "      --seed N                        the (first) seed (default 1)\n"
    "      --seeds K                       K seeds: N, N+1, ... N+K-1 (default 1)\n"
    "      --seed-list A,B,C               exactly these seeds\n"
    "      --exclude GLOB                  leave out the scenarios it matches (repeatable)\n"
    "      --variant NAME                  the RTL variant (default: default)\n"
    "      --waves fst|vcd|off             write waves (default off)\n"
    "      --out DIR                       where runs go (default: runs/ beside tandem)\n"
    "      --max-cycles N                  fail the run as hung after N cycles (default 50000000)\n"
    "      --step-every-cycle              yield to SystemC after every cycle (slow; for checking)\n"
    "      --no-idle-skip                  evaluate every cycle, also those of a quiescent device (slow;\n"
    "                                      for checking; the same as TANDEM_NO_SKIP=1)\n"
    "      --two-evals                     evaluate the model twice in every cycle, also in those whose\n"
    "                                      CSR inputs hold still (for checking; as TANDEM_TWO_EVALS=1)\n"
    "      --verbose                       echo the run log\n"
    "      --log LEVEL                     what run.log keeps: off, error, info (default), debug, trace\n"
    "      --no-log                        write no run log, as --log off (the checkers judge all the same)\n"
    "      --release-driver                a bug-zoo scenario on the release driver: it must pass quietly\n"
    "      --record-boundaries             write each HAL-call boundary to boundaries.txt\n"
    "      --schedule 'c0@17:irq,...'      hold CPUs at boundaries: done, error, pm, irq, first, drain\n";

constexpr char kRegressUsage[] =
    "  tandem regress [NAME|GLOB...] [options]  scenarios (default: all) on their RTL variants, several\n"
    "                                      seeds each, several runs at once, then the report; runs and\n"
    "                                      reports go to <out>/regress-<time>/, linked as <out>/latest\n"
    "      --seeds K                       seeds per scenario and variant (default 3)\n"
    "      --seed-base B                   seeds B, B+1, ... (default: a random base, printed first)\n"
    "      --seed-list A,B,C               exactly these seeds\n"
    "      --only NAME                     the same as a NAME (repeatable)\n"
    "      --exclude GLOB                  leave out the scenarios it matches (repeatable)\n"
    "      --variant NAME                  only this RTL variant (default: each scenario's own)\n"
    "      --max-cycles N                  per run (default 30000000: 10x the longest passing run)\n"
    "      --timeout SECONDS               wall time per run; a run over it is killed (default 60)\n"
    "      --jobs N                        parallel runs (default: one per core)\n"
    "      --fail-fast                     stop at the first failure (the report is partial)\n"
    "      --rerun-failed                  exactly the runs the last regression in <out> did not pass\n"
    "      --shard I/N                     only part I of N (a stable split of scenario x variant x seed)\n"
    "      --waves on-fail|all|off         rerun failing runs (the first 3 per failure) or all with waves\n"
    "                                      (default on-fail)\n"
    "      --junit FILE                    also write JUnit XML\n"
    "      --list                          print the runs it would make, and run none\n"
    "      --no-idle-skip                  every run evaluates every cycle (as TANDEM_NO_SKIP=1)\n"
    "      --two-evals                     every run evaluates twice a cycle (as TANDEM_TWO_EVALS=1)\n"
    "      --out DIR                       where regressions go (default: runs/ beside tandem)\n"
    "      --launcher local|slurm          run here (default) or as one Slurm array job; then --out must\n"
    "                                      be a folder every node sees, and tandem one every node runs\n"
    "      --partition P                   Slurm: the partition (default: the cluster's)\n"
    "      --slurm-args \"ARGS\"             Slurm: more sbatch options, split as a shell would (no expansion)\n"
    "      --runs-per-task N               Slurm: runs per array task (default 20)\n"
    "      --explore-budget N              schedules explored per racy-path scenario (default 24, 0: none)\n"
    "                                      (--jobs N: at most N array tasks at once)\n";

constexpr char kExploreUsage[] =
    "  tandem explore NAME [options]       every interleaving of up to K perturbations at the HAL-call\n"
    "                                      boundaries; failing schedules minimized and grouped by checker\n"
    "      --seed N                        seed (default 1)\n"
    "      --variant NAME                  the RTL variant (default: default)\n"
    "      --bound K                       perturbations per schedule at most (default 2)\n"
    "      --budget RUNS|SECONDSs          stop after so many schedules, or seconds (e.g. 30s)\n"
    "      --jobs N                        parallel runs (default: one per core)\n"
    "      --waves                         rerun each minimized failure with waves\n"
    "      --out DIR                       the exploration's folder\n";

constexpr char kBatchUsage[] =
    "  tandem batch FILE [run options]     the runs a manifest lists, one after another, each leaving\n"
    "                                      ended.txt in its folder (what a Slurm array task runs)\n";

constexpr char kCommonUsage[] =
    "usage:\n"
    "  tandem list                         the scenarios, one a line\n"
    "  tandem checkers                     what fails a run, and the scenarios proving each\n"
    "  tandem --version                    the version\n"
    "  tandem COMMAND --help               one command's options\n";

constexpr char kExitCodes[] =
    "exit codes: 0 passed, 1 failed, 2 bad command line, 3 could not run, 4 crashed (a run died on a\n"
    "signal; its backtrace is printed), 130 interrupted (Ctrl-C or SIGTERM)\n";

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

bool is_help(const std::string& a) {
  return a == "--help" || a == "-h";
}

}  // namespace

const char* usage_text() {
  static const std::string text =
      std::string(kCommonUsage) + kRunUsage + kRegressUsage + kExploreUsage + kBatchUsage + kExitCodes;
  return text.c_str();
}

const char* verb_usage_text(const std::string& verb) {
  static const std::string run = std::string("usage:\n") + kRunUsage + kExitCodes;
  static const std::string regress = std::string("usage:\n") + kRegressUsage + kExitCodes;
  static const std::string batch = std::string("usage:\n") + kBatchUsage + kExitCodes;
  static const std::string explore = std::string("usage:\n") + kExploreUsage + kExitCodes;
  if (verb == "run") return run.c_str();
  if (verb == "regress") return regress.c_str();
  if (verb == "batch") return batch.c_str();
  if (verb == "explore") return explore.c_str();
  return nullptr;
}

std::optional<Command> parse_command_line(const std::vector<std::string>& args, std::string* error) {
  Command cmd;
  cmd.args = args;
  if (args.empty() || args[0] == "help" || is_help(args[0])) return cmd;
  if (args[0] == "--version") {
    cmd.kind = Command::Kind::kVersion;
    return cmd;
  }
  const std::string& verb = args[0];
  if (verb == "list") {
    cmd.kind = Command::Kind::kList;
  } else if (verb == "checkers") {
    cmd.kind = Command::Kind::kCheckers;
  } else if (verb == "run") {
    cmd.kind = Command::Kind::kRun;
  } else if (verb == "explore") {
    cmd.kind = Command::Kind::kExplore;
    if (args.size() < 2 || args[1].rfind('-', 0) == 0) {
      *error = "'explore' needs a scenario name (see 'tandem list')";
      return std::nullopt;
    }
    cmd.scenario = args[1];
  } else if (verb == "regress") {
    cmd.kind = Command::Kind::kRegress;
  } else if (verb == "batch") {
    cmd.kind = Command::Kind::kBatch;
  } else {
    *error = "unknown command '" + verb + "'";
    return std::nullopt;
  }
  // A batch's runs take the options of `tandem run`.
  const bool batch = cmd.kind == Command::Kind::kBatch;
  const bool run = cmd.kind == Command::Kind::kRun || batch;
  const bool regress = cmd.kind == Command::Kind::kRegress;
  for (std::size_t k = 1; k < args.size(); ++k) {
    if (!is_help(args[k]) || !(run || regress || cmd.kind == Command::Kind::kExplore)) continue;
    cmd.kind = Command::Kind::kHelp;
    cmd.help_topic = verb;
    return cmd;
  }

  std::size_t i = cmd.kind == Command::Kind::kExplore ? 2 : 1;  // explore: its scenario is args[1]
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

  const bool explore = cmd.kind == Command::Kind::kExplore;
  bool seed_set = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::size_t at = i;
    // What picks the runs (names, seeds, excludes) is the command's; every other option of
    // `run` is the same for each of its runs, and kept as given for the runs it starts.
    const bool picks_runs =
        a.rfind('-', 0) != 0 || a == "--seed" || a == "--seeds" || a == "--seed-list" || a == "--exclude";
    if ((run || regress) && a.rfind('-', 0) != 0) {
      cmd.names.push_back(a);
    } else if (a == "--seed" && (run || explore)) {
      auto n = number(a, 0, UINT64_MAX);
      if (!n) return std::nullopt;
      cmd.seed = *n;
      seed_set = true;
    } else if (a == "--seeds" && (run || regress)) {
      auto n = number(a, 1, 100000);
      if (!n) return std::nullopt;
      cmd.seeds = static_cast<unsigned>(*n);
    } else if (a == "--seed-list" && (run || regress)) {
      auto v = value(a);
      if (!v) return std::nullopt;
      std::string_view rest = *v;
      while (true) {
        const std::string item(rest.substr(0, rest.find(',')));
        std::uint64_t n = 0;
        if (!parse_number(item, UINT64_MAX, &n)) {
          *error = "'--seed-list' takes whole numbers separated by commas, not '" + *v + "'";
          return std::nullopt;
        }
        cmd.seed_list.push_back(n);
        if (rest.find(',') == std::string_view::npos) break;
        rest.remove_prefix(rest.find(',') + 1);
      }
    } else if (a == "--seed-base" && regress) {
      auto n = number(a, 0, UINT64_MAX / 2);
      if (!n) return std::nullopt;
      cmd.seed_base = *n;
    } else if (a == "--exclude" && (run || regress)) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.excludes.push_back(*v);
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
    } else if (a == "--waves" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      const std::pair<const char*, RegressWaves> choices[] = {
          {"on-fail", RegressWaves::kOnFail}, {"all", RegressWaves::kAll}, {"off", RegressWaves::kOff}};
      const auto* hit =
          std::find_if(std::begin(choices), std::end(choices), [&](const auto& c) { return *v == c.first; });
      if (hit == std::end(choices)) {
        *error = "'--waves' takes on-fail, all or off, not '" + *v + "'";
        return std::nullopt;
      }
      cmd.regress_waves = hit->second;
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
    } else if (a == "--max-cycles" && (run || regress)) {
      auto n = number(a, 1, UINT64_MAX / 2);
      if (!n) return std::nullopt;
      cmd.max_cycles = *n;
      cmd.max_cycles_set = true;
    } else if (a == "--step-every-cycle" && run) {
      cmd.step_every_cycle = true;
    } else if (a == "--no-idle-skip" && (run || regress)) {
      cmd.idle_skip = false;
    } else if (a == "--two-evals" && (run || regress)) {
      cmd.edge_alone = false;
    } else if (a == "--verbose" && run) {
      cmd.verbose = true;
    } else if (a == "--no-log" && run) {
      cmd.log_level = RunLog::Level::kOff;
    } else if (a == "--log" && run) {
      auto v = value(a);
      if (!v) return std::nullopt;
      const auto level = parse_log_level(*v);
      if (!level) {
        *error = "'--log' takes one of " + log_level_names() + ", not '" + *v + "'";
        return std::nullopt;
      }
      cmd.log_level = *level;
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
    } else if (a == "--jobs" && (regress || explore)) {
      auto n = number(a, 1, 1024);
      if (!n) return std::nullopt;
      cmd.jobs = static_cast<unsigned>(*n);
    } else if (a == "--only" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.names.push_back(*v);
    } else if (a == "--timeout" && regress) {
      auto n = number(a, 1, 86400);
      if (!n) return std::nullopt;
      cmd.timeout_seconds = static_cast<unsigned>(*n);
    } else if (a == "--fail-fast" && regress) {
      cmd.fail_fast = true;
    } else if (a == "--rerun-failed" && regress) {
      cmd.rerun_failed = true;
    } else if (a == "--shard" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      const std::size_t slash = v->find('/');
      std::uint64_t index = 0, count = 0;
      if (slash == std::string::npos || !parse_number(v->substr(0, slash), 1024, &index) ||
          !parse_number(v->substr(slash + 1), 1024, &count) || index < 1 || index > count) {
        *error = "'--shard' takes I/N with 1 <= I <= N <= 1024, not '" + *v + "'";
        return std::nullopt;
      }
      cmd.shard_index = static_cast<unsigned>(index);
      cmd.shard_count = static_cast<unsigned>(count);
    } else if (a == "--junit" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.junit_path = *v;
    } else if (a == "--list" && regress) {
      cmd.plan_only = true;
    } else if (a == "--launcher" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      if (*v != "local" && *v != "slurm") {
        *error = "'--launcher' takes local or slurm, not '" + *v + "'";
        return std::nullopt;
      }
      cmd.launcher = *v == "slurm" ? LauncherKind::kSlurm : LauncherKind::kLocal;
    } else if (a == "--partition" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      cmd.partition = *v;
    } else if (a == "--slurm-args" && regress) {
      auto v = value(a);
      if (!v) return std::nullopt;
      std::string why;
      if (!split_shell_words(*v, &cmd.slurm_args, &why)) {
        *error = "'--slurm-args': " + why + " in '" + *v + "'";
        return std::nullopt;
      }
    } else if (a == "--runs-per-task" && regress) {
      auto n = number(a, 1, 100000);
      if (!n) return std::nullopt;
      cmd.runs_per_task = static_cast<unsigned>(*n);
    } else {
      *error = "unknown option '" + a + "' for '" + verb + "'";
      return std::nullopt;
    }
    if (run && !picks_runs) cmd.run_options.insert(cmd.run_options.end(), args.begin() + at, args.begin() + i + 1);
  }
  if (batch && cmd.names.size() != 1) {
    *error = "'batch' takes one manifest file";
    return std::nullopt;
  }
  if (cmd.launcher != LauncherKind::kSlurm &&
      (!cmd.partition.empty() || !cmd.slurm_args.empty() || cmd.runs_per_task != 0)) {
    *error = "'--partition', '--slurm-args' and '--runs-per-task' are for '--launcher slurm'";
    return std::nullopt;
  }
  if (run && cmd.names.empty()) {
    *error = "'run' needs a scenario name (see 'tandem list')";
    return std::nullopt;
  }
  if (!cmd.seed_list.empty() && (seed_set || cmd.seeds != 0 || cmd.seed_base)) {
    *error = "'--seed-list' names every seed: it takes no '--seed', '--seeds' or '--seed-base'";
    return std::nullopt;
  }
  if (cmd.rerun_failed && (!cmd.names.empty() || !cmd.excludes.empty() || cmd.seed_base || cmd.seeds != 0 ||
                           !cmd.seed_list.empty() || !cmd.variant.empty() || cmd.shard_count != 1)) {
    *error =
        "'--rerun-failed' reruns the last regression's runs as they were: it takes no names, seeds, "
        "variant or shard";
    return std::nullopt;
  }
  return cmd;
}

}  // namespace tandem
