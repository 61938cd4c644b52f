#include "search.hpp"

#include <algorithm>

namespace tandem::explore {

namespace {

// Where a schedule's last perturbation sits among the boundaries its run recorded: the
// next perturbation goes after it (an earlier one is the same schedule in another order).
std::size_t start_after(const Schedule& s, const std::vector<Boundary>& boundaries) {
  if (s.empty()) return 0;
  const Perturbation& last = s.back();
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    if (boundaries[i].cpu == last.cpu && boundaries[i].k == last.k) return i + 1;
  }
  return boundaries.size();
}

// A schedule is worth extending only when the run did what it asked: a perturbation that
// was inapplicable or never reached leaves a run some shorter schedule already made.
bool took_effect(const Schedule& s, const RunResult& r) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i >= r.applied.size()) return false;
    if (r.applied[i] != Applied::kApplied && r.applied[i] != Applied::kExpired) return false;
  }
  return true;
}

}  // namespace

Search::Search(RunBatch run, const Limits& limits, std::function<double()> clock,
               std::function<void(const Progress&)> progress)
    : run_(std::move(run)), limits_(limits), clock_(std::move(clock)), progress_(std::move(progress)) {}

std::vector<Perturbation> Search::candidates(const std::vector<Boundary>& boundaries, std::size_t from) {
  std::vector<Perturbation> out;
  // Does another CPU still make a HAL call after boundary i? Scanned from the end.
  std::vector<bool> other_later(boundaries.size(), false);
  std::map<unsigned, bool> seen_cpu;
  for (std::size_t i = boundaries.size(); i-- > 0;) {
    for (const auto& [cpu, seen] : seen_cpu) {
      if (cpu != boundaries[i].cpu && seen) other_later[i] = true;
    }
    seen_cpu[boundaries[i].cpu] = true;
  }
  for (std::size_t i = from; i < boundaries.size(); ++i) {
    const Boundary& b = boundaries[i];
    auto add = [&](PerturbKind kind) { out.push_back({b.cpu, b.k, kind}); };
    if (b.inflight) add(PerturbKind::kDone);
    if (b.inflight) add(PerturbKind::kError);
    if (b.pm) add(PerturbKind::kPm);
    if (b.irqs && (b.inflight || b.pm)) add(PerturbKind::kIrq);  // else no interrupt comes: the hold only expires
    if (other_later[i]) add(PerturbKind::kFirst);
    if (b.buffered) add(PerturbKind::kDrain);  // only where writes wait to be held
  }
  return out;
}

bool Search::out_of_budget() const {
  if (limits_.max_runs != 0 && stats_.runs >= limits_.max_runs) return true;
  return limits_.max_seconds > 0 && clock_() - start_ >= limits_.max_seconds;
}

std::vector<Search::Node> Search::run_level(const std::vector<Schedule>& schedules, unsigned depth) {
  std::vector<Node> level;
  std::size_t next = 0;
  while (next < schedules.size()) {
    if (out_of_budget()) {
      stats_.capped = true;
      break;
    }
    std::size_t n = std::min(std::max<std::size_t>(limits_.batch, 1), schedules.size() - next);
    if (limits_.max_runs != 0) n = std::min(n, limits_.max_runs - stats_.runs);
    const std::vector<Schedule> batch(schedules.begin() + static_cast<std::ptrdiff_t>(next),
                                      schedules.begin() + static_cast<std::ptrdiff_t>(next + n));
    std::vector<RunResult> results = run_(batch);
    for (std::size_t i = 0; i < batch.size() && i < results.size(); ++i) {
      Node node{batch[i], std::move(results[i])};
      ++stats_.runs;
      for (const Boundary& b : node.result.boundaries) states_.insert(b.state);
      if (!node.result.passed) note_failure(node);
      level.push_back(std::move(node));
    }
    next += n;
    if (progress_) progress_({depth, next, schedules.size(), stats_.failures, stats_.skipped});
  }
  return level;
}

std::vector<Schedule> Search::extend(const std::vector<Node>& level) {
  std::vector<Schedule> next;
  for (const Node& node : level) {
    if (!node.result.passed) continue;  // a failure is reported, not extended
    if (!took_effect(node.schedule, node.result)) {
      ++stats_.pruned;
      continue;
    }
    const auto& bs = node.result.boundaries;
    const std::size_t from = start_after(node.schedule, bs);
    for (const Perturbation& p : candidates(bs, from)) {
      const Boundary* at = nullptr;
      for (std::size_t i = from; i < bs.size() && at == nullptr; ++i) {
        if (bs[i].cpu == p.cpu && bs[i].k == p.k) at = &bs[i];
      }
      // The same perturbation from the same state has the same future: run it once.
      // cppcheck-suppress nullPointer ; candidates() proposes only boundaries of bs from `from`
      if (!tried_.insert({at->state, p.cpu, p.kind}).second) {
        ++stats_.skipped;
        continue;
      }
      Schedule s = node.schedule;
      s.push_back(p);
      next.push_back(std::move(s));
    }
  }
  return next;
}

void Search::note_failure(const Node& node) {
  ++stats_.failures;
  auto [it, fresh] = failing_.try_emplace(node.result.checker);
  if (fresh) checker_order_.push_back(node.result.checker);
  it->second.emplace_back(node.schedule, node.result.message);
}

void Search::explore() {
  start_ = clock_();
  std::vector<Node> level = run_level({Schedule{}}, 0);
  for (unsigned depth = 1; depth <= limits_.bound && !level.empty(); ++depth) {
    level = run_level(extend(level), depth);
  }
  stats_.distinct_states = states_.size();
  stats_.seconds = clock_() - start_;
  minimize_groups();
}

void Search::minimize_groups() {
  for (const std::string& checker : checker_order_) {
    const auto& all = failing_[checker];
    const auto shortest = std::min_element(
        all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
    FailureGroup g;
    g.checker = checker;
    g.count = all.size();
    g.found = shortest->first;
    g.message = shortest->second;
    g.minimized = minimize(g.found, checker, &g.message);
    groups_.push_back(std::move(g));
  }
}

// Drops one perturbation at a time (all the one-shorter schedules run together) and keeps
// the first drop that still fails on the same checker, until none does.
Schedule Search::minimize(const Schedule& failing, const std::string& checker, std::string* message) {
  Schedule current = failing;
  std::size_t spent = 0;
  while (current.size() > 1 && spent < limits_.minimize_max) {
    std::vector<Schedule> shorter;
    for (std::size_t i = 0; i < current.size(); ++i) {
      Schedule s = current;
      s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
      shorter.push_back(std::move(s));
    }
    const std::vector<RunResult> results = run_(shorter);
    spent += shorter.size();
    stats_.minimize_runs += shorter.size();
    bool dropped = false;
    for (std::size_t i = 0; i < results.size() && i < shorter.size(); ++i) {
      if (!results[i].passed && results[i].checker == checker) {
        current = shorter[i];
        *message = results[i].message;
        dropped = true;
        break;
      }
    }
    if (!dropped) break;
  }
  return current;
}

}  // namespace tandem::explore
