// The explorer's search against fake runs: which perturbations it tries, which it skips as
// seen, how inapplicable ones prune, the budget, and how failures are grouped and minimized.
#include "search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

namespace tandem::explore {
namespace {

bool has(const Schedule& s, const Perturbation& p) {
  return std::find(s.begin(), s.end(), p) != s.end();
}

Boundary at(unsigned cpu, std::uint64_t k, std::uint64_t state) {
  Boundary b;
  b.cpu = cpu;
  b.k = k;
  b.cycle = 10 * k;
  b.call = "read32";
  b.ctx = "process";
  b.state = state;
  return b;
}

// A fake world: one CPU with `calls_of(s)` boundaries where posted writes wait (so `drain` is
// the one perturbation there); `state(s, k)` gives
// the state hash at boundary k in the run of s, `verdict(s)` the failing checker ("" passes).
struct Fake {
  std::function<std::uint64_t(const Schedule&)> calls_of = [](const Schedule&) -> std::uint64_t { return 5; };
  std::function<std::uint64_t(const Schedule&, std::uint64_t)> state = [](const Schedule& s, std::uint64_t k) {
    return std::hash<std::string>{}(to_string(s)) * 31 + k;  // every run in states of its own
  };
  std::function<std::string(const Schedule&)> verdict = [](const Schedule&) { return std::string(); };
  std::function<Applied(const Perturbation&)> applied = [](const Perturbation&) { return Applied::kApplied; };
  std::vector<std::string> log;

  RunResult run(const Schedule& s) {
    log.push_back(to_string(s));
    RunResult r;
    r.checker = verdict(s);
    r.passed = r.checker.empty();
    r.message = r.passed ? "" : "fired on " + to_string(s);
    for (const Perturbation& p : s) r.applied.push_back(applied(p));
    for (std::uint64_t k = 0; k < calls_of(s); ++k) {
      Boundary b = at(0, k, state(s, k));
      b.buffered = true;
      r.boundaries.push_back(b);
    }
    return r;
  }
  RunBatch batch() {
    return [this](const std::vector<Schedule>& ss) {
      std::vector<RunResult> out;
      for (const Schedule& s : ss) out.push_back(run(s));
      return out;
    };
  }
};

double no_clock() {
  return 0;
}

}  // namespace

TEST_CASE("explore: a boundary line parses with its flags and state") {
  const auto b = parse_boundary(
      "c1 12 cycle=3456 call=write32 target=RING_TAIL0 ctx=isr irqs=0 inflight=1 pm=0 state=00000000deadbeef");
  REQUIRE(b);
  CHECK(b->cpu == 1);
  CHECK(b->k == 12);
  CHECK(b->cycle == 3456);
  CHECK(b->target == "RING_TAIL0");
  CHECK(b->ctx == "isr");
  CHECK_FALSE(b->irqs);
  CHECK(b->inflight);
  CHECK(b->state == 0xdeadbeef);
  CHECK_FALSE(b->buffered);
  CHECK_FALSE(parse_boundary("c1 12 cycle=3 call=read32"));  // no state: not a boundary
  CHECK(parse_boundaries("garbage\nc0 0 cycle=1 state=1\n").size() == 1);
}

TEST_CASE("explore: the candidates at a boundary are the kinds applicable there") {
  std::vector<Boundary> bs = {at(0, 0, 1), at(1, 0, 2), at(0, 1, 3)};
  bs[0].inflight = true;
  bs[0].irqs = true;
  bs[1].irqs = true;  // but nothing in flight: no interrupt can come
  bs[1].buffered = true;
  bs[2].pm = true;
  const auto c = Search::candidates(bs, 0);
  CHECK(has(c, {0, 0, PerturbKind::kDone}));
  CHECK(has(c, {0, 0, PerturbKind::kError}));
  CHECK(has(c, {0, 0, PerturbKind::kFirst}));  // cpu 1 still makes a call after it
  CHECK(has(c, {0, 0, PerturbKind::kIrq}));
  CHECK_FALSE(has(c, {1, 0, PerturbKind::kIrq}));
  CHECK(has(c, {1, 0, PerturbKind::kDrain}));
  CHECK(has(c, {1, 0, PerturbKind::kFirst}));  // cpu 0 makes call 1 after it
  CHECK(has(c, {0, 1, PerturbKind::kPm}));
  CHECK_FALSE(has(c, {0, 1, PerturbKind::kFirst}));  // nobody else runs after the last call
  CHECK_FALSE(has(c, {0, 1, PerturbKind::kIrq}));
  bs[2].irqs = true;  // a power transition under way ends in an interrupt
  CHECK(has(Search::candidates(bs, 2), {0, 1, PerturbKind::kIrq}));
  CHECK(c.size() == 7);                          // done, error, irq, first; drain, first; pm
  CHECK(Search::candidates(bs, 2).size() == 2);  // only what comes after the start: pm, irq
}

TEST_CASE("explore: every schedule up to the bound runs once, each perturbation after the last") {
  Fake fake;
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  // 1 recording + 5 single interrupts + 4+3+2+1+0 pairs in order.
  CHECK(search.stats().runs == 1 + 5 + 10);
  CHECK(search.stats().skipped == 0);
  CHECK(search.stats().failures == 0);
  CHECK(search.groups().empty());
  CHECK(std::count(fake.log.begin(), fake.log.end(), "c0@1:drain,c0@3:drain") == 1);
  CHECK(std::count(fake.log.begin(), fake.log.end(), "c0@3:drain,c0@1:drain") == 0);
  Limits one;
  one.bound = 1;
  Fake shallow;
  Search(shallow.batch(), one, no_clock).explore();
  CHECK(shallow.log.size() == 6);
}

TEST_CASE("explore: the same perturbation from the same state is skipped as seen") {
  Fake fake;
  fake.state = [](const Schedule&, std::uint64_t k) { return k; };  // an interrupt changes nothing
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  CHECK(search.stats().runs == 1 + 5);  // every pair starts at a state tried at depth 1
  CHECK(search.stats().skipped == 10);
  CHECK(search.stats().distinct_states == 5);
}

TEST_CASE("explore: an inapplicable perturbation prunes its schedule") {
  Fake fake;
  fake.applied = [](const Perturbation& p) { return p.k == 0 ? Applied::kInapplicable : Applied::kApplied; };
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  CHECK(search.stats().pruned == 1);
  CHECK(search.stats().runs == 1 + 5 + 6);  // c0@0 has no extensions: 3+2+1+0
}

TEST_CASE("explore: the budget caps the runs") {
  Fake fake;
  Limits limits;
  limits.max_runs = 4;
  limits.batch = 3;
  Search search(fake.batch(), limits, no_clock);
  search.explore();
  CHECK(search.stats().runs == 4);
  CHECK(search.stats().capped);
  double now = 0;
  Limits timed;
  timed.max_seconds = 1;
  timed.batch = 1;
  Fake slow;
  Search by_time(
      [&](const std::vector<Schedule>& ss) {
        now += 0.4;
        return slow.batch()(ss);
      },
      timed, [&] { return now; });
  by_time.explore();
  CHECK(by_time.stats().runs == 3);  // at 1.2 s the fourth does not start
  CHECK(by_time.stats().capped);
}

TEST_CASE("explore: failures group by checker and minimize to what they need") {
  Fake fake;
  // c0@4:drain fails on its own; c0@2:drain with c0@3:drain fails on another checker.
  fake.verdict = [](const Schedule& s) -> std::string {
    if (has(s, {0, 4, PerturbKind::kDrain})) return "lost_irq";
    if (has(s, {0, 2, PerturbKind::kDrain}) && has(s, {0, 3, PerturbKind::kDrain})) return "completion";
    return "";
  };
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  REQUIRE(search.groups().size() == 2);
  const FailureGroup& lost = search.groups()[0];
  CHECK(lost.checker == "lost_irq");
  CHECK(lost.count == 1 + 4);  // alone, and after each of c0@0..c0@3
  CHECK(to_string(lost.minimized) == "c0@4:drain");
  const FailureGroup& both = search.groups()[1];
  CHECK(both.checker == "completion");
  CHECK(to_string(both.minimized) == "c0@2:drain,c0@3:drain");  // neither drops
  CHECK(both.message == "fired on c0@2:drain,c0@3:drain");
  CHECK(search.stats().failures == 6);
}

TEST_CASE("explore: minimizing drops a perturbation the failure does not need") {
  Fake fake;
  // A held CPU makes one call more (c0@3), and an interrupt there fails the run: found as
  // the second of a pair, it fails alone as well.
  fake.calls_of = [](const Schedule& s) -> std::uint64_t { return s.empty() ? 3 : 4; };
  fake.verdict = [](const Schedule& s) -> std::string {
    return has(s, {0, 3, PerturbKind::kDrain}) ? "reg_usage" : "";
  };
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  REQUIRE(search.groups().size() == 1);
  const FailureGroup& g = search.groups()[0];
  CHECK(g.checker == "reg_usage");
  CHECK(g.count == 3);  // after c0@0, c0@1 and c0@2
  CHECK(to_string(g.found) == "c0@0:drain,c0@3:drain");
  CHECK(to_string(g.minimized) == "c0@3:drain");
  CHECK(g.message == "fired on c0@3:drain");
  CHECK(search.stats().minimize_runs == 2);
}

TEST_CASE("explore: a recording run that fails is the failure, with the empty schedule") {
  Fake fake;
  fake.verdict = [](const Schedule&) { return std::string("hang"); };
  Search search(fake.batch(), Limits{}, no_clock);
  search.explore();
  CHECK(search.stats().runs == 1);
  REQUIRE(search.groups().size() == 1);
  CHECK(search.groups()[0].minimized.empty());
}

}  // namespace tandem::explore
