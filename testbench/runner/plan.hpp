// Which runs a regression makes: the scenarios named (or all), each on its RTL variants
// (or the one --variant names), each on its seeds; then only this shard of them. Or, with
// --rerun-failed, exactly the runs the last regression did not pass, as they were.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "run_spec.hpp"

namespace tandem {

struct Plan {
  std::vector<RunSpec> runs;
  std::optional<std::uint64_t> seed_base;  // the base every seed came from (none for --seed-list)
  std::size_t pairs = 0;                   // scenario x variant
  std::size_t seeds = 0;                   // per pair
  unsigned timeout_seconds = kRegressTimeoutSeconds;
};

// False with `error` set on a usage error; `runs_parent` is the folder of regressions (for
// --rerun-failed).
bool plan_regression(const Command& cmd, const std::string& runs_parent, Plan* plan, std::string* error);

// Whether a run falls in shard `index` of `count` (1-based): decided by a hash of the run's
// scenario, variant and seed alone, so a run's shard does not depend on what else is listed,
// in which order, or on how many jobs run it.
bool in_shard(const RunSpec& run, unsigned index, unsigned count);

}  // namespace tandem
