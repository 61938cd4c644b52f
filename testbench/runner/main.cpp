// tandem: the runner. `list`, `run`, `regress` and `explore`; `tandem help` says how.
#include <systemc>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "batch.hpp"
#include "checkers/catalog.hpp"
#include "cli.hpp"
#include "explore/command.hpp"
#include "regress.hpp"
#include "run_command.hpp"
#include "scenario.hpp"

// tandem's own main, not SystemC's: the kernel prints its banner before sc_main runs,
// and a user reads tandem's output, not SystemC's.
int main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int argc, char* argv[]) {
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);

  std::vector<std::string> args(argv + 1, argv + argc);
  std::string error;
  const auto cmd = tandem::parse_command_line(args, &error);
  if (!cmd) {
    std::fprintf(stderr, "tandem: %s\n\n%s", error.c_str(), tandem::usage_text());
    return tandem::kExitUsage;
  }
  // Through the environment, so the runs a regression starts (here or on a cluster) and
  // every device of a run inherit it (sim/model/idle_skip.hpp, sim/model/device_harness.hpp).
  if (!cmd->idle_skip) setenv("TANDEM_NO_SKIP", "1", 1);
  if (!cmd->edge_alone) setenv("TANDEM_TWO_EVALS", "1", 1);
  switch (cmd->kind) {
    case tandem::Command::Kind::kHelp:
      std::fputs(cmd->help_topic.empty() ? tandem::usage_text() : tandem::verb_usage_text(cmd->help_topic), stdout);
      return 0;
    case tandem::Command::Kind::kVersion: std::puts(tandem::version_text().c_str()); return 0;
    case tandem::Command::Kind::kList:
      // One scenario a line: its name first, its RTL variants last (CTest discovery reads both).
      for (const auto& s : tandem::scenarios()) {
        std::string variants;
        for (const std::string& v : s.variants) variants += (variants.empty() ? "" : ",") + v;
        std::string expects = s.expect.empty() ? "" : " [expects: " + std::string(s.expect) + "]";
        if (s.proof == tandem::Scenario::Proof::kExplore) expects += " [proof: explore]";
        std::printf("%-28s %s%s [variants: %s]\n", s.name.c_str(), s.summary.c_str(), expects.c_str(),
                    variants.c_str());
      }
      return 0;
    case tandem::Command::Kind::kCheckers: std::fputs(tandem::checker_table().c_str(), stdout); return 0;
    case tandem::Command::Kind::kRun: return tandem::run_command(*cmd);
    case tandem::Command::Kind::kRegress: return tandem::regress(*cmd);
    case tandem::Command::Kind::kBatch: return tandem::batch(*cmd);
    case tandem::Command::Kind::kExplore: return tandem::explore::explore_command(*cmd);
  }
  return 2;
}
