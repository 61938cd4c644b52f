// What one run ended with, as the run writes it (result.txt in its folder) and as the
// regression reads it back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct Outcome {
  std::string scenario;
  std::string variant = "default";
  std::uint64_t seed = 0;
  bool passed = false;
  std::string verdict;  // one line: why it passed or failed
  std::uint64_t cycles = 0;
  std::vector<std::string> failures;       // "checker: message"
  std::vector<std::string> latency;        // "name n=.. min=.. median=.. p99=.. max=.." in cycles (timing checker)
  std::string schedule;                    // the --schedule replayed, normalized (empty: none)
  std::vector<std::string> perturbations;  // "c0@17:irq applied|inapplicable|expired|unreached"
};

// The verdict, from the checkers that failed the run in the order they fired (`fired`):
// an ordinary scenario (`expect` empty) passes when none did; one that proves a checker
// passes only when that checker fired first. Sets passed and verdict.
void judge(std::string_view expect, const std::vector<std::string>& fired, Outcome* outcome);

// The exit code of a run with this outcome: 0 passed, 1 failed.
int exit_code(const Outcome& outcome);

bool write_outcome(const std::string& path, const Outcome& outcome);
std::optional<Outcome> read_outcome(const std::string& path);

// Where runs go: --out, or runs/ beside the tandem executable.
std::string default_runs_dir();
// <runs>/<scenario>/seed-<n> on the default RTL, <runs>/<scenario>/<variant>/seed-<n> on another.
std::string run_dir(const std::string& runs_dir, const std::string& scenario, const std::string& variant,
                    std::uint64_t seed);
// The command that reruns one scenario, seed, variant (and schedule) with its waves.
std::string rerun_command(const std::string& scenario, const std::string& variant, std::uint64_t seed,
                          bool release_driver = false, const std::string& schedule = "");
// The path of the tandem executable, relative to the current directory when it is below it.
std::string self_command();
bool make_dirs(const std::string& path);

}  // namespace tandem
