// The report as Markdown: what `tandem regress` prints and report.md holds.
#include <fmt/core.h>

#include "report_coverage.hpp"
#include "report_formats.hpp"

namespace tandem {

namespace {

std::string summary(const ReportModel& m) {
  const Totals& t = m.totals;
  const Regression& reg = *m.regression;
  std::string s = "# tandem regression: " + verdict_line(m) + "\n\n";
  s += fmt::format("- runs: {}, passed {}, failed {} (failed {}, crashed {}, timed out {}, no result {}{})", t.runs,
                   t.passed, t.not_passed(), t.failed, t.crashed, t.timed_out, t.no_result,
                   t.lost != 0 ? fmt::format(", lost {}", t.lost) : "");
  s += t.not_run != 0 ? fmt::format(", not run {}\n", t.not_run) : "\n";
  if (reg.interrupted) s += "- partial: interrupted before every run had finished\n";
  s += fmt::format("- wall time {:.1f} s, simulated cycles {}\n", reg.wall_seconds, t.cycles);
  if (!reg.command.empty()) s += "- command: `" + reg.command + "`\n";
  if (!reg.timestamp.empty()) s += "- started: " + reg.timestamp + "\n";
  return s;
}

std::string groups(const ReportModel& m) {
  if (m.groups.empty()) return {};
  std::string s =
      fmt::format("\n## Failures: {} group{}, largest first\n", m.groups.size(), m.groups.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    const FailureGroup& g = m.groups[i];
    const RunRecord& first = g.first();
    s += fmt::format("\n### {}. {}\n\n", i + 1, g.headline);
    s += "- signature: " + g.signature + "\n";
    if (const std::string ex = g.example(); !ex.empty() && ex != g.signature) s += "- first failure: " + ex + "\n";
    s += "- runs: " + scenarios_and_seeds(g) + "\n";
    s += "- rerun: `" + first.repro + "`\n";
    if (!first.waves.empty()) s += "- waves: " + first.waves + "\n";
    if (!first.gtkw.empty()) s += "- layout: " + first.gtkw + "\n";
    if (const std::string open = gtkwave_command(first); !open.empty()) s += "- open: `" + open + "`\n";
  }
  return s;
}

std::string rates(const ReportModel& m, TextFor target) {
  std::string s = "\n## Pass rates (scenario [variant]: passed/total)\n\n";
  std::size_t all_passed = 0;
  for (const PassRate& p : m.rates) {
    if (target == TextFor::kTerminal && p.passed == p.total) {
      ++all_passed;
      continue;
    }
    s += fmt::format("- {}: {}/{}\n", scenario_label(p.scenario, p.variant), p.passed, p.total);
  }
  if (all_passed != 0) {
    s += fmt::format("- {} {} scenario-variants: every run passed\n",
                     all_passed == m.rates.size() ? "all" : "the other", all_passed);
  }
  return s;
}

std::string table(const ReportModel& m) {
  std::string s = "\n## Every run\n\n| scenario | variant | seed | status | cycles | wall s | verdict | folder |\n";
  s += "|---|---|---:|---|---:|---:|---|---|\n";
  for (const RunRecord& r : m.regression->runs) {
    std::string verdict = r.outcome ? r.outcome->verdict : cause_of(r);
    for (std::size_t at = verdict.find('|'); at != std::string::npos; at = verdict.find('|', at + 2)) {
      verdict.replace(at, 1, "\\|");
    }
    s += fmt::format("| {} | {} | {} | {} | {} | {:.2f} | {} | {} |\n", r.scenario, r.variant, r.seed,
                     status_name(r.status), r.outcome ? std::to_string(r.outcome->cycles) : "-", r.seconds, verdict,
                     r.dir);
  }
  return s;
}

}  // namespace

std::string render_markdown(const ReportModel& m, TextFor target) {
  std::string s =
      summary(m) + groups(m) + rates(m, target) + coverage_markdown(m.regression->coverage, target == TextFor::kFile);
  if (target == TextFor::kFile) s += table(m);
  return s;
}

}  // namespace tandem
