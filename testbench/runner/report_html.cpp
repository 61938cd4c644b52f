// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched):
// the summary, failure groups with links to each failing run's files, pass rates, latency
// histograms, DMA throughput, cycles and wall time per run, exploration, every run.
#include <fmt/core.h>

#include <filesystem>

#include "markup.hpp"
#include "report_coverage.hpp"
#include "report_formats.hpp"
#include "svg_plot.hpp"

namespace tandem {

namespace {

namespace fs = std::filesystem;
using Status = RunRecord::Status;

constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1320px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
h3 { font-size: 15px; margin-bottom: 4px; }
.verdict.pass { color: #1d7a35; } .verdict.fail { color: #b3261e; } .verdict.partial { color: #a15c00; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.card b { display: block; font-size: 20px; }
.card.bad b { color: #b3261e; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; }
code, pre { background: #f5f5f5; font-size: 12px; }
pre { padding: 6px; white-space: pre-wrap; margin: 4px 0; }
.group { border-left: 4px solid #b3261e; padding-left: 12px; margin-bottom: 18px; }
.bar { background: #eee; width: 160px; height: 10px; display: inline-block; }
.bar span { background: #1d7a35; height: 10px; display: block; }
.bar.low span { background: #b3261e; }
.passed { color: #1d7a35; } .failed, .crashed, .timed-out, .no-result { color: #b3261e; } .not-run { color: #888; }
.note { color: #666; font-size: 13px; }
)";

std::string esc(std::string_view s) {
  return xml_escape(s);
}

// Escaped, with `name` spans (checker names in a headline) as code.
std::string esc_code(std::string_view s) {
  std::string out;
  bool open = false;
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t tick = s.find('`', at);
    out += esc(s.substr(at, tick == std::string_view::npos ? std::string_view::npos : tick - at));
    if (tick == std::string_view::npos) break;
    out += open ? "</code>" : "<code>";
    open = !open;
    at = tick + 1;
  }
  return open ? out + "</code>" : out;
}

// A link from the report's folder to a file of a run, relative so the folder can move.
std::string href(const std::string& path, const std::string& from) {
  std::error_code ec;
  const fs::path target = fs::absolute(path, ec).lexically_normal();
  const fs::path base = fs::absolute(from, ec).lexically_normal();
  fs::path rel = target.lexically_relative(base);
  std::string s = rel.empty() ? target.string() : rel.string();
  std::string out;
  for (const char c : s) {  // the few characters a path may hold that a URL may not
    if (c == ' ' || c == '#' || c == '?' || c == '%') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return esc(out);
}

std::string link(const std::string& path, const std::string& from, std::string_view label) {
  return fmt::format("<a href=\"{}\">{}</a>", href(path, from), esc(label));
}

std::string card(std::string_view label, const std::string& value, bool bad = false) {
  return fmt::format("<div class=\"card{}\"><b>{}</b>{}</div>", bad ? " bad" : "", esc(value), esc(label));
}

std::string summary(const ReportModel& m) {
  const Regression& reg = *m.regression;
  const Totals& t = m.totals;
  const char* kind = reg.interrupted ? "partial" : t.not_passed() == 0 && t.not_run == 0 ? "pass" : "fail";
  std::string s =
      fmt::format("<h1>tandem regression: <span class=\"verdict {}\">{}</span></h1>\n", kind, esc(verdict_line(m)));
  if (reg.interrupted) s += "<p><b>partial: interrupted</b> before every run had finished.</p>\n";
  double run_seconds = 0;
  for (const RunRecord& r : reg.runs) run_seconds += r.seconds;
  s += "<div class=\"cards\">" + card("runs", std::to_string(t.runs)) + card("passed", std::to_string(t.passed)) +
       card("failed", std::to_string(t.failed), t.failed != 0) +
       card("crashed", std::to_string(t.crashed), t.crashed != 0) +
       card("timed out", std::to_string(t.timed_out), t.timed_out != 0) +
       card("no result", std::to_string(t.no_result), t.no_result != 0);
  if (t.lost != 0) s += card("lost", std::to_string(t.lost), true);
  if (t.not_run != 0) s += card("not run", std::to_string(t.not_run), true);
  s += card("wall time", fmt::format("{:.1f} s", reg.wall_seconds)) +
       card("simulated cycles", short_number(static_cast<double>(t.cycles), PlotAxis::Format::kNumber));
  if (run_seconds > 0) {
    s += card("cycles per run-second",
              short_number(static_cast<double>(t.cycles) / run_seconds, PlotAxis::Format::kNumber));
  }
  s += "</div>\n<p class=\"note\">";
  if (!reg.command.empty()) s += "command: <code>" + esc(reg.command) + "</code><br/>";
  if (!reg.timestamp.empty()) s += "started: " + esc(reg.timestamp) + "<br/>";
  s += "folder: <code>" + esc(reg.dir) + "</code></p>\n";
  return s;
}

std::string run_links(const RunRecord& r, const std::string& from) {
  std::string s = link(r.dir + "/run.log", from, "run.log");
  if (!r.waves.empty()) s += " \u00b7 " + link(r.waves, from, fs::path(r.waves).filename().string());
  if (!r.gtkw.empty()) s += " \u00b7 " + link(r.gtkw, from, fs::path(r.gtkw).filename().string());
  return s;
}

std::string groups(const ReportModel& m) {
  const std::string& from = m.regression->dir;
  if (m.groups.empty()) return "<h2>Failures</h2>\n<p>None.</p>\n";
  std::string s =
      fmt::format("<h2>Failures: {} group{}, largest first</h2>\n", m.groups.size(), m.groups.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    const FailureGroup& g = m.groups[i];
    const RunRecord& first = g.first();
    s += fmt::format("<div class=\"group\"><h3>{}. {}</h3>\n<p>signature: <code>{}</code>", i + 1, esc_code(g.headline),
                     esc(g.signature));
    if (const std::string ex = g.example(); !ex.empty() && ex != g.signature) {
      s += "<br/>first failure: <code>" + esc(ex) + "</code>";
    }
    s += "<br/>runs: " + esc(scenarios_and_seeds(g)) + "</p>\n";
    s += "<p>rerun the first:</p><pre>" + esc(first.repro) + "</pre>\n";
    if (const std::string open = gtkwave_command(first); !open.empty()) {
      s += "<p>open its waves:</p><pre>" + esc(open) + "</pre>\n";
    }
    s += "<table><tr><th>scenario</th><th>seed</th><th>cycles</th><th>verdict</th><th>files</th></tr>\n";
    // The first few runs; the table of every run below holds the rest.
    constexpr std::size_t kShown = 8;
    for (std::size_t k = 0; k < g.runs.size() && k < kShown; ++k) {
      const RunRecord* r = g.runs[k];
      s += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
                       esc(scenario_label(r->scenario, r->variant)), r->seed,
                       r->outcome ? std::to_string(r->outcome->cycles) : "-",
                       esc(r->outcome ? r->outcome->verdict : cause_of(*r)), run_links(*r, from));
    }
    if (g.runs.size() > kShown) {
      s += fmt::format("<tr><td colspan=\"5\" class=\"note\">and {} more runs: see every run below</td></tr>\n",
                       g.runs.size() - kShown);
    }
    s += "</table></div>\n";
  }
  return s;
}

std::string rates(const ReportModel& m) {
  std::string s = "<h2>Pass rates</h2>\n<table><tr><th>scenario [variant]</th><th>passed/total</th><th></th></tr>\n";
  for (const PassRate& p : m.rates) {
    const double pct = p.total == 0 ? 0 : 100.0 * static_cast<double>(p.passed) / static_cast<double>(p.total);
    s += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}/{}</td><td><span class=\"bar{}\"><span style=\"width:{:.0f}%\"></span>"
        "</span></td></tr>\n",
        esc(scenario_label(p.scenario, p.variant)), p.passed, p.total, p.passed == p.total ? "" : " low", pct);
  }
  return s + "</table>\n";
}

std::vector<HistogramPanel> chain_panels(const std::map<std::string, std::map<std::uint64_t, std::uint64_t>>& kinds) {
  std::vector<HistogramPanel> panels;
  for (const auto& [name, title] : latency_chain()) {
    const auto it = kinds.find(name);
    panels.push_back(HistogramPanel{title, it == kinds.end() ? std::map<std::uint64_t, std::uint64_t>{} : it->second});
  }
  return panels;
}

std::string latency(const ReportModel& m) {
  std::string s =
      "<h2>Interrupt latency: event \u2192 line \u2192 ISR \u2192 bottom half</h2>\n<p class=\"note\">From the timing "
      "checker's samples in every run, in cycles, bucketed by powers of two (a bar at 64 counts 64 to 127 "
      "cycles).</p>\n";
  if (m.latency.empty()) return s + "<p>No latency samples.</p>\n";
  std::map<std::string, std::map<std::uint64_t, std::uint64_t>> all;
  for (const ScenarioLatency& l : m.latency) {
    for (const auto& [kind, buckets] : l.kinds) {
      for (const auto& [b, n] : buckets) all[kind][b] += n;
    }
  }
  s += render_histograms("all scenarios together", chain_panels(all)) + "\n";
  for (const ScenarioLatency& l : m.latency) {
    bool any = false;
    for (const auto& chain : latency_chain()) any = any || l.kinds.count(chain.first) != 0;
    if (any) s += render_histograms(l.scenario, chain_panels(l.kinds)) + "\n";
  }
  return s;
}

std::string dma(const ReportModel& m) {
  ScatterPlot p;
  p.title = "DMA throughput against transfer size (one point per request)";
  p.x = PlotAxis{"request size (bytes, log scale)", true, PlotAxis::Format::kBytes};
  p.y = PlotAxis{"throughput (bytes per cycle, doorbell to last write-back)", false, PlotAxis::Format::kNumber};
  p.reference = 8;
  p.reference_label = "bus peak: 8 bytes/cycle";
  p.legend = "request of a passing run";
  p.highlight_legend = "request of a failing run";
  for (const DmaPoint& d : m.dma) {
    if (d.sample.cycles == 0) continue;
    const double rate = static_cast<double>(d.sample.bytes) / static_cast<double>(d.sample.cycles);
    p.points.push_back(
        PlotPoint{static_cast<double>(d.sample.bytes), rate, d.run->status != Status::kPassed,
                  fmt::format("{} seed {}: {} bytes in {} cycles", scenario_label(d.run->scenario, d.run->variant),
                              d.run->seed, d.sample.bytes, d.sample.cycles)});
  }
  return fmt::format("<h2>DMA throughput</h2>\n<p class=\"note\">{} requests (the first 64 of each run).</p>\n",
                     p.points.size()) +
         render_scatter(p) + "\n";
}

std::string runs_plot(const ReportModel& m) {
  ScatterPlot p;
  p.title = "Simulated cycles and wall time per run";
  p.x = PlotAxis{"simulated cycles (log scale)", true, PlotAxis::Format::kNumber};
  p.y = PlotAxis{"wall time (seconds, log scale)", true, PlotAxis::Format::kNumber};
  p.legend = "passed";
  p.highlight_legend = "did not pass";
  for (const RunRecord& r : m.regression->runs) {
    if (!r.outcome || r.status == Status::kNotRun) continue;
    p.points.push_back(PlotPoint{static_cast<double>(r.outcome->cycles), r.seconds, r.status != Status::kPassed,
                                 fmt::format("{} seed {}: {} cycles, {:.2f} s", scenario_label(r.scenario, r.variant),
                                             r.seed, r.outcome->cycles, r.seconds)});
  }
  return "<h2>Cycles and wall time</h2>\n" + render_scatter(p) + "\n";
}

std::string explore(const ReportModel& m) {
  const std::vector<ExploreSummary>& list = m.regression->explore;
  if (list.empty()) return {};
  std::string s =
      "<h2>Exploration</h2>\n<table><tr><th>scenario</th><th>schedules run</th><th>distinct states</th>"
      "<th>failures</th><th>runs/s</th></tr>\n";
  for (const ExploreSummary& e : list) {
    s += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{:.1f}</td></tr>\n",
        esc(e.scenario), e.schedules_run, e.distinct_states, e.failures, e.runs_per_second);
  }
  s += "</table>\n";
  for (const ExploreSummary& e : list) {
    if (e.groups.empty()) continue;
    s += "<h3>" + esc(e.scenario) + ": failures by checker</h3>\n";
    s += "<table><tr><th>checker</th><th>count</th><th>minimized schedule</th><th>repro</th></tr>\n";
    for (const ExploreSummary::Group& g : e.groups) {
      s +=
          fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td><td><code>{}</code></td></tr>\n",
                      esc(g.checker), g.count, esc(g.schedule), esc(g.repro));
    }
    s += "</table>\n";
  }
  return s;
}

std::string table(const ReportModel& m) {
  std::string s =
      "<h2>Every run</h2>\n<table><tr><th>scenario</th><th>variant</th><th>seed</th><th>status</th><th>cycles</th>"
      "<th>wall s</th><th>verdict</th><th>files</th></tr>\n";
  for (const RunRecord& r : m.regression->runs) {
    const std::string status = status_name(r.status);
    s += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"{}\">{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{:.2f}</td><td>{}</td><td>{}</td></tr>\n",
        esc(r.scenario), esc(r.variant), r.seed, status, status, r.outcome ? std::to_string(r.outcome->cycles) : "-",
        r.seconds, esc(r.outcome ? r.outcome->verdict : cause_of(r)),
        r.status == Status::kNotRun ? "" : run_links(r, m.regression->dir));
  }
  return s + "</table>\n";
}

}  // namespace

std::string render_html(const ReportModel& m) {
  return std::string("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n") +
         "<meta charset=\"utf-8\"/>\n<title>tandem regression</title>\n<style>" + kStyle +
         "</style>\n</head>\n<body>\n" + summary(m) + groups(m) + rates(m) + latency(m) + dma(m) + runs_plot(m) +
         explore(m) + coverage_html(m.regression->coverage) + table(m) + "</body>\n</html>\n";
}

}  // namespace tandem
