// The tandem command line: what was asked, parsed strictly. A bad flag or value is a
// usage error with a message that says what was wrong; nothing runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "run_log.hpp"
#include "run_spec.hpp"
#include "schedule.hpp"

namespace tandem {

enum class Waves { kOff, kFst, kVcd };
// regress: which runs leave waves (rerun with them after the regression).
enum class RegressWaves { kOnFail, kOff, kAll };
// regress: where the runs run (launcher.hpp).
enum class LauncherKind { kLocal, kSlurm };

// Exit codes of every command (usage_text and the README list them).
inline constexpr int kExitPassed = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitCannotRun = 3;
inline constexpr int kExitCrashed = 4;
inline constexpr int kExitInterrupted = 130;

// regress's own defaults: 10x the longest passing run of the whole regression (2.9 million
// cycles, stress_mix), so that a hung run fails in seconds; and a wall-time bound per run.
inline constexpr std::uint64_t kRegressMaxCycles = 30'000'000;
inline constexpr unsigned kRegressTimeoutSeconds = 60;

struct Command {
  enum class Kind { kHelp, kVersion, kList, kCheckers, kRun, kRegress, kBatch, kExplore } kind = Kind::kHelp;
  std::string help_topic;     // kHelp: "", "run", "regress", "explore" or "batch"
  std::string scenario;       // run: the one scenario of this process (from `names`)
  std::uint64_t seed = 1;     // run: --seed (the first seed); the one seed of this process
  Waves waves = Waves::kOff;  // run
  std::string out_dir;        // run and regress; empty: <dir of tandem>/runs
  std::string variant;        // run: the RTL variant (empty: default); regress: only this one
  std::uint64_t max_cycles = kRunMaxCycles;
  bool max_cycles_set = false;                     // --max-cycles given (regress has its own default)
  bool step_every_cycle = false;                   // run: yield to SystemC after every cycle
  bool idle_skip = true;                           // run and regress: false sets TANDEM_NO_SKIP=1
  bool edge_alone = true;                          // run and regress: false sets TANDEM_TWO_EVALS=1
  bool verbose = false;                            // run: echo the log
  RunLog::Level log_level = RunLog::Level::kInfo;  // run: what run.log keeps (kOff, as --no-log: none)
  bool release_driver = false;             // run: a zoo scenario on the release driver, judged as an ordinary one
  bool record_boundaries = false;          // run: write boundaries.txt
  std::vector<Perturbation> schedule;      // run: --schedule, normalized (sim/model/schedule.hpp)
  std::vector<std::string> names;          // run and regress: scenario names and globs (regress: empty is all);
                                           // batch: its manifest file
  std::vector<std::string> excludes;       // run and regress: --exclude globs
  unsigned seeds = 0;                      // --seeds: how many (0: run 1, regress 3)
  std::vector<std::uint64_t> seed_list;    // --seed-list: exactly these
  std::optional<std::uint64_t> seed_base;  // regress: --seed-base (default: a random one, printed)
  unsigned jobs = 0;                       // regress: parallel runs (0: one per core)
  unsigned timeout_seconds = kRegressTimeoutSeconds;  // regress: wall time per run
  bool fail_fast = false;                             // regress: stop at the first failure
  bool rerun_failed = false;                          // regress: the runs the last regression did not pass
  unsigned shard_index = 1, shard_count = 1;          // regress: --shard I/N
  RegressWaves regress_waves = RegressWaves::kOnFail;
  std::string junit_path;                        // regress: also write JUnit XML there
  bool plan_only = false;                        // regress --list: print the runs it would make, run none
  LauncherKind launcher = LauncherKind::kLocal;  // regress --launcher
  std::string partition;                         // regress, Slurm: --partition
  std::vector<std::string> slurm_args;           // regress, Slurm: --slurm-args, split as a shell would
  unsigned runs_per_task = 0;                    // regress, Slurm: --runs-per-task (0: the default)
  std::vector<std::string> run_options;          // run, batch: the options every run of this command shares, as given
  std::vector<std::string> args;                 // as given, for handing a run to another executable
  unsigned bound = 2;                            // explore: perturbations per schedule at most
  std::uint64_t budget_runs = 0;                 // explore: schedules at most (0: no cap)
  double budget_seconds = 0;                     // explore: seconds at most (0: no cap)
  std::uint64_t explore_budget = 24;             // regress: schedules explored per racy-path scenario (0: none)
};

// Returns the command, or nullopt with `error` set.
std::optional<Command> parse_command_line(const std::vector<std::string>& args, std::string* error);

// The help of every command; verb_usage_text: of one ("run", "regress", "batch"), nullptr for another.
const char* usage_text();
const char* verb_usage_text(const std::string& verb);

// "tandem 0.1.0 (v0.1.0-12-gabcdef)": the project's version and, when the sources were a
// git checkout at configure time, what `git describe` said.
std::string version_text();

}  // namespace tandem
