// One run as a launcher asks for it: everything that changes what the run does. The
// arguments that start it and the command printed to reproduce it are both built here, from
// this one description, so a printed command cannot drop an option the run had.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tandem {

inline constexpr std::uint64_t kRunMaxCycles = 50'000'000;  // `tandem run`'s default cycle limit

struct RunSpec {
  std::string scenario;
  std::string variant = "default";
  std::uint64_t seed = 1;
  std::uint64_t max_cycles = kRunMaxCycles;
  bool release_driver = false;
  std::string schedule;  // --schedule: CPUs held at HAL-call boundaries (empty: none)
  // A new option that changes the run (e.g. a schedule) is a field here and one line in
  // run_arguments(): every launcher and every printed command then carry it.
};

// The arguments of `tandem run` (after the program's name) that repeat this run exactly.
std::vector<std::string> run_arguments(const RunSpec& spec);

// The command a person pastes to reproduce the run, with its waves: this executable's path,
// run_arguments() and `--waves fst`, quoted for a POSIX shell.
std::string repro_command(const RunSpec& spec);

// `text` quoted for a POSIX shell when it needs it.
std::string shell_quote(const std::string& text);

}  // namespace tandem
