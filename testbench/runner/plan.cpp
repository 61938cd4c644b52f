#include "plan.hpp"

#include <algorithm>

#include "manifest.hpp"
#include "run_command.hpp"
#include "scenario.hpp"
#include "seeds.hpp"

namespace tandem {

namespace {

// FNV-1a: fixed by its definition, the same on every machine and build.
std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool plan_rerun(const std::string& runs_parent, Plan* plan, std::string* error) {
  const std::string path = runs_parent + "/latest/manifest.tsv";
  const auto rows = read_manifest(path);
  if (!rows) {
    *error = "'--rerun-failed' found no regression to rerun ('" + path + "' is missing or unreadable)";
    return false;
  }
  for (const ManifestRow& row : *rows) {
    if (row.status == RunRecord::Status::kPassed) continue;
    plan->runs.push_back(row.spec);
    plan->timeout_seconds = row.timeout_seconds;
  }
  plan->pairs = plan->runs.size();
  plan->seeds = 1;
  return true;
}

}  // namespace

bool in_shard(const RunSpec& run, unsigned index, unsigned count) {
  const std::uint64_t h = fnv1a(run.scenario + '/' + run.variant + '/' + std::to_string(run.seed));
  return h % count == index - 1;
}

bool plan_regression(const Command& cmd, const std::string& runs_parent, Plan* plan, std::string* error) {
  if (cmd.rerun_failed) return plan_rerun(runs_parent, plan, error);
  std::vector<std::string> names;
  if (!select_scenarios(cmd, &names, error)) return false;
  if (cmd.seed_list.empty()) plan->seed_base = cmd.seed_base ? *cmd.seed_base : random_seed_base();
  const std::vector<std::uint64_t> seeds = seeds_from(cmd, plan->seed_base.value_or(0), 3);
  plan->seeds = seeds.size();
  plan->timeout_seconds = cmd.timeout_seconds;
  for (const std::string& name : names) {
    const Scenario* s = find_scenario(name);
    // A scenario out of the regression (a known defect: no variants) runs when named exactly.
    const bool named = std::find(cmd.names.begin(), cmd.names.end(), name) != cmd.names.end();
    const std::vector<std::string> variants =
        s->variants.empty() && named ? std::vector<std::string>{"default"} : s->variants;
    for (const std::string& variant : variants) {
      if (!cmd.variant.empty() && variant != cmd.variant) continue;
      ++plan->pairs;
      for (const std::uint64_t seed : seeds) {
        const RunSpec run{name, variant, seed, cmd.max_cycles_set ? cmd.max_cycles : kRegressMaxCycles, false, {}};
        if (in_shard(run, cmd.shard_index, cmd.shard_count)) plan->runs.push_back(run);
      }
    }
  }
  return true;
}

}  // namespace tandem
