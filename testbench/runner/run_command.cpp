#include "run_command.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>

#include "run_one.hpp"
#include "scenario.hpp"
#include "seeds.hpp"
#include "select.hpp"
#include "spawn.hpp"

namespace tandem {

bool select_scenarios(const Command& cmd, std::vector<std::string>* names, std::string* error) {
  std::vector<std::string> all;
  for (const Scenario& s : scenarios()) all.push_back(s.name);
  if (!select_names(all, cmd.names, cmd.excludes, names, error)) return false;
  if (names->empty()) {
    *error = "every scenario named is excluded: nothing to run";
    return false;
  }
  return true;
}

int run_command(const Command& cmd) {
  std::vector<std::string> names;
  std::string error;
  if (!select_scenarios(cmd, &names, &error)) {
    std::fprintf(stderr, "tandem: %s\n", error.c_str());
    return kExitUsage;
  }
  const std::vector<std::uint64_t> seeds = seeds_from(cmd, cmd.seed, 1);
  if (names.size() == 1 && seeds.size() == 1) {
    Command one = cmd;
    one.scenario = names.front();
    one.seed = seeds.front();
    return run_one(one);
  }
  int worst = kExitPassed;
  unsigned runs = 0, passed = 0;
  for (const std::string& name : names) {
    for (const std::uint64_t seed : seeds) {
      std::vector<std::string> args = {"run", name, "--seed", std::to_string(seed)};
      args.insert(args.end(), cmd.run_options.begin(), cmd.run_options.end());
      std::fflush(stdout);
      const pid_t pid = spawn_self(args, "", false);
      int status = 0;
      if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        std::fprintf(stderr, "tandem: could not start the run of %s seed %llu\n", name.c_str(),
                     static_cast<unsigned long long>(seed));
        return kExitCannotRun;
      }
      // Ctrl-C reached the run too (same process group): stop here.
      if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM)) return kExitInterrupted;
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : kExitCrashed;
      worst = std::max(worst, code);
      ++runs;
      passed += code == kExitPassed;
    }
  }
  std::printf("tandem run: %u runs, %u passed, %u failed\n", runs, passed, runs - passed);
  return worst;
}

}  // namespace tandem
