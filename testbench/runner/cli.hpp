// The tandem command line: what was asked, parsed strictly. A bad flag or value is a
// usage error with a message that says what was wrong; nothing runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schedule.hpp"

namespace tandem {

enum class Waves { kOff, kFst, kVcd };

struct Command {
  enum class Kind { kHelp, kList, kCheckers, kRun, kRegress, kExplore } kind = Kind::kHelp;
  std::string scenario;       // run
  std::uint64_t seed = 1;     // run
  Waves waves = Waves::kOff;  // run
  std::string out_dir;        // run and regress; empty: <dir of tandem>/runs
  std::string variant;        // run: the RTL variant (empty: default); regress: only this one
  std::uint64_t max_cycles = 50'000'000;
  bool step_every_cycle = false;       // run: yield to SystemC after every cycle
  bool verbose = false;                // run: echo the log
  bool log = true;                     // run: write run.log
  bool release_driver = false;         // run: a zoo scenario on the release driver, judged as an ordinary one
  bool record_boundaries = false;      // run: write boundaries.txt
  std::vector<Perturbation> schedule;  // run: --schedule, normalized (sim/schedule.hpp)
  unsigned seeds = 3;                  // regress: seeds 1..N per scenario
  unsigned jobs = 0;                   // regress: parallel runs (0: one per core)
  std::vector<std::string> only;       // regress: these scenarios (default: all)
  std::vector<std::string> args;       // as given, for handing a run to another executable
  unsigned bound = 2;                  // explore: perturbations per schedule at most
  std::uint64_t budget_runs = 0;       // explore: schedules at most (0: no cap)
  double budget_seconds = 0;           // explore: seconds at most (0: no cap)
  std::uint64_t explore_budget = 24;   // regress: schedules explored per racy-path scenario (0: none)
};

// Returns the command, or nullopt with `error` set.
std::optional<Command> parse_command_line(const std::vector<std::string>& args, std::string* error);

const char* usage_text();

}  // namespace tandem
