// The search of `tandem explore`, apart from how runs are made: given a way to run a batch
// of schedules (each a fresh, deterministic run that reports its outcome and the boundaries
// it recorded), it explores every schedule of up to `bound` perturbations, breadth first,
// skipping a perturbation already tried from the same state, then minimizes what failed.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "run_record.hpp"

namespace tandem::explore {

// What one run of a schedule ended with.
struct RunResult {
  bool passed = false;
  std::string checker;  // the checker that fired first ("" when it passed; "no_result" when the run wrote none)
  std::string message;  // its message
  std::uint64_t cycles = 0;
  std::vector<Applied> applied;  // per perturbation of the schedule, in its order
  std::vector<Boundary> boundaries;
};

// Runs each schedule (in parallel, as it likes) and returns their results in the same order.
using RunBatch = std::function<std::vector<RunResult>(const std::vector<Schedule>&)>;

struct Limits {
  unsigned bound = 2;             // perturbations per schedule at most
  std::size_t max_runs = 0;       // exploring runs at most (0: no cap)
  double max_seconds = 0;         // exploring time at most (0: no cap)
  std::size_t batch = 4;          // schedules handed to one RunBatch call
  std::size_t minimize_max = 64;  // runs spent minimizing one failure at most
};

struct FailureGroup {
  std::string checker;    // fired first
  std::string message;    // as the minimized schedule fails
  std::size_t count = 0;  // failing schedules that fired it first
  Schedule found;         // the first (shortest) of them
  Schedule minimized;     // `found` with every perturbation it fails without dropped
};

struct Stats {
  std::size_t runs = 0;             // schedules run to explore (the recording run included)
  std::size_t skipped = 0;          // not run: the same perturbation from the same state was tried
  std::size_t pruned = 0;           // ran, but a perturbation was inapplicable or unreached: not extended
  std::size_t distinct_states = 0;  // state hashes seen at boundaries
  std::size_t failures = 0;         // failing schedules
  std::size_t minimize_runs = 0;    // runs spent minimizing
  bool capped = false;              // the budget stopped the search before its end
  double seconds = 0;
};

struct Progress {
  unsigned depth = 0;
  std::size_t done = 0, queued = 0, failures = 0, skipped = 0;
};

class Search {
 public:
  // `clock` returns seconds since any fixed point (for the time budget and runs per second).
  Search(RunBatch run, const Limits& limits, std::function<double()> clock,
         std::function<void(const Progress&)> progress = {});
  void explore();
  const Stats& stats() const { return stats_; }
  const std::vector<FailureGroup>& groups() const { return groups_; }

  // The perturbations applicable at the boundaries from index `from` on.
  static std::vector<Perturbation> candidates(const std::vector<Boundary>& boundaries, std::size_t from);

 private:
  struct Node {
    Schedule schedule;
    RunResult result;
  };
  std::vector<Node> run_level(const std::vector<Schedule>& schedules, unsigned depth);
  std::vector<Schedule> extend(const std::vector<Node>& level);
  void note_failure(const Node& node);
  void minimize_groups();
  Schedule minimize(const Schedule& failing, const std::string& checker, std::string* message);
  bool out_of_budget() const;

  RunBatch run_;
  Limits limits_;
  std::function<double()> clock_;
  std::function<void(const Progress&)> progress_;
  double start_ = 0;
  Stats stats_;
  std::set<std::uint64_t> states_;
  std::set<std::tuple<std::uint64_t, unsigned, PerturbKind>> tried_;              // (state, cpu, kind)
  std::map<std::string, std::vector<std::pair<Schedule, std::string>>> failing_;  // by checker: schedule, message
  std::vector<std::string> checker_order_;
  std::vector<FailureGroup> groups_;
};

}  // namespace tandem::explore
