#include "report_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstring>

#include "signature.hpp"

namespace tandem {

namespace {

using Status = RunRecord::Status;

void count(const RunRecord& r, Totals* t) {
  ++t->runs;
  if (r.outcome) t->cycles += r.outcome->cycles;
  switch (r.status) {
    case Status::kPassed: ++t->passed; break;
    case Status::kFailed: ++t->failed; break;
    case Status::kCrashed: ++t->crashed; break;
    case Status::kTimedOut: ++t->timed_out; break;
    case Status::kNoResult: ++t->no_result; break;
    case Status::kLost: ++t->lost; break;
    case Status::kNotRun: ++t->not_run; break;
  }
}

// "irq_storm" from "irq_storm: line 0 ..." (empty when the text starts otherwise).
std::string leading_name(const std::string& text) {
  const std::size_t colon = text.find(": ");
  if (colon == std::string::npos || colon == 0) return {};
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') return {};
  }
  return text.substr(0, colon);
}

std::string headline(const FailureGroup& g) {
  const std::size_t n = g.runs.size();
  const std::string runs = fmt::format("{} run{}", n, n == 1 ? "" : "s");
  const RunRecord& r = g.first();
  switch (r.status) {
    case Status::kCrashed: return fmt::format("{} crashed ({})", runs, strsignal(r.signal));
    case Status::kTimedOut: return runs + " timed out (wall-time limit)";
    case Status::kNoResult: return runs + " ended without a result";
    case Status::kLost: return runs + " lost by the cluster (the task ended first)";
    default: break;
  }
  if (g.cause == "none") return runs + ": no checker fired, the seeded bug went unseen";
  // A seeded bug's run that another checker stopped: the cause first, then what it kept from judging.
  static constexpr std::string_view kJudge = "` could judge";
  const std::string& sig = g.signature;
  if (const std::size_t end = sig.rfind(kJudge); end != std::string::npos && end + kJudge.size() == sig.size()) {
    const std::size_t open = sig.rfind('`', end - 1);
    return fmt::format("{}: `{}` fired first, before `{}` could judge", runs, g.cause,
                       sig.substr(open + 1, end - open - 1));
  }
  return fmt::format("{}: `{}` fired first", runs, g.cause);
}

std::vector<FailureGroup> group_failures(const Regression& reg) {
  std::vector<FailureGroup> groups;
  std::map<std::string, std::size_t> index;
  for (const RunRecord& r : reg.runs) {
    if (r.status == Status::kPassed || r.status == Status::kNotRun) continue;
    const std::string sig = failure_signature(r);
    auto [it, fresh] = index.try_emplace(sig, groups.size());
    if (fresh) groups.push_back(FailureGroup{sig, cause_of(r), {}, {}});
    groups[it->second].runs.push_back(&r);
  }
  // Largest first; among equals, the one that failed first in the regression's order.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const FailureGroup& a, const FailureGroup& b) { return a.runs.size() > b.runs.size(); });
  for (FailureGroup& g : groups) g.headline = headline(g);
  return groups;
}

std::vector<PassRate> pass_rates(const Regression& reg) {
  std::vector<PassRate> rates;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const RunRecord& r : reg.runs) {
    if (r.status == Status::kNotRun) continue;
    auto [it, fresh] = index.try_emplace({r.scenario, r.variant}, rates.size());
    if (fresh) rates.push_back(PassRate{r.scenario, r.variant, 0, 0});
    PassRate& p = rates[it->second];
    ++p.total;
    p.passed += r.status == Status::kPassed;
  }
  std::stable_sort(rates.begin(), rates.end(), [](const PassRate& a, const PassRate& b) {
    return a.passed * b.total < b.passed * a.total;  // a's rate below b's, without division
  });
  return rates;
}

std::vector<ScenarioLatency> latencies(const Regression& reg) {
  std::vector<ScenarioLatency> out;
  std::map<std::string, std::size_t> index;
  for (const RunRecord& r : reg.runs) {
    if (!r.outcome) continue;
    for (const LatencyHistogram& h : r.outcome->latency_hist) {
      if (h.buckets.empty()) continue;
      auto [it, fresh] = index.try_emplace(r.scenario, out.size());
      if (fresh) out.push_back(ScenarioLatency{r.scenario, {}});
      auto& kind = out[it->second].kinds[h.name];
      for (const auto& [bucket, n] : h.buckets) kind[bucket] += n;
    }
  }
  return out;
}

}  // namespace

std::string FailureGroup::example() const {
  const RunRecord& r = first();
  if (!r.outcome || r.outcome->failures.empty()) return {};
  return r.outcome->failures.front();
}

const char* status_name(Status s) {
  switch (s) {
    case Status::kPassed: return "passed";
    case Status::kFailed: return "failed";
    case Status::kCrashed: return "crashed";
    case Status::kTimedOut: return "timed-out";
    case Status::kNoResult: return "no-result";
    case Status::kLost: return "lost";
    case Status::kNotRun: return "not-run";
  }
  return "?";
}

std::string cause_of(const RunRecord& r) {
  switch (r.status) {
    case Status::kPassed:
    case Status::kNotRun: return {};
    case Status::kCrashed: return "crash";
    case Status::kTimedOut: return "timeout";
    case Status::kNoResult: return "no result";
    case Status::kLost: return "lost";
    case Status::kFailed: break;
  }
  if (!r.outcome) return "no result";
  const std::string& v = r.outcome->verdict;
  static constexpr std::string_view kBefore = "the run failed on `";
  if (v.rfind(kBefore, 0) == 0) return v.substr(kBefore.size(), v.find('`', kBefore.size()) - kBefore.size());
  if (std::string name = leading_name(v); !name.empty()) return name;
  if (!r.outcome->failures.empty()) return leading_name(r.outcome->failures.front());
  return "none";
}

std::string scenario_label(const std::string& scenario, const std::string& variant) {
  return variant == "default" ? scenario : scenario + " [" + variant + "]";
}

std::string gtkwave_command(const RunRecord& r) {
  if (r.waves.empty() || r.gtkw.empty()) return {};
  return fmt::format("gtkwave -a {} {}", r.gtkw, r.waves);
}

std::string scenarios_and_seeds(const FailureGroup& g) {
  std::vector<std::pair<std::string, std::string>> seeds;  // label, "1, 2, 3"
  for (const RunRecord* r : g.runs) {
    const std::string label = scenario_label(r->scenario, r->variant);
    auto it = std::find_if(seeds.begin(), seeds.end(), [&label](const auto& s) { return s.first == label; });
    if (it == seeds.end()) {
      seeds.emplace_back(label, std::to_string(r->seed));
    } else {
      it->second += ", " + std::to_string(r->seed);
    }
  }
  std::string out;
  for (const auto& [label, list] : seeds) {
    const bool one = list.find(',') == std::string::npos;
    out += fmt::format("{}{} (seed{} {})", out.empty() ? "" : ", ", label, one ? "" : "s", list);
  }
  return out;
}

std::string verdict_line(const ReportModel& m) {
  const Totals& t = m.totals;
  const std::size_t ran = t.runs - t.not_run;
  if (m.regression->interrupted) {
    return fmt::format("PARTIAL (interrupted): {} of {} runs done, {} did not pass", ran, t.runs, t.not_passed());
  }
  if (t.not_passed() == 0 && t.not_run == 0) return fmt::format("PASSED: all {} runs", t.runs);
  if (t.not_passed() == 0) return fmt::format("INCOMPLETE: {} of {} runs not run", t.not_run, t.runs);
  return fmt::format("FAILED: {} of {} runs did not pass", t.not_passed(), t.runs);
}

const std::vector<std::pair<std::string, std::string>>& latency_chain() {
  static const std::vector<std::pair<std::string, std::string>> chain = {{"event_to_line", "event \u2192 line"},
                                                                         {"signal_to_isr", "line \u2192 ISR entry"},
                                                                         {"isr_duration", "ISR duration"},
                                                                         {"isr_to_bh", "ISR \u2192 bottom half"}};
  return chain;
}

ReportModel build_model(const Regression& reg) {
  ReportModel m;
  m.regression = &reg;
  for (const RunRecord& r : reg.runs) {
    count(r, &m.totals);
    if (!r.outcome) continue;
    for (const DmaSample& d : r.outcome->dma) m.dma.push_back(DmaPoint{d, &r});
  }
  m.groups = group_failures(reg);
  m.rates = pass_rates(reg);
  m.latency = latencies(reg);
  return m;
}

}  // namespace tandem
