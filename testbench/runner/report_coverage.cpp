#include "report_coverage.hpp"

#include <fmt/core.h>

#include "markup.hpp"
#include "svg_plot.hpp"

namespace tandem {

namespace {

double percent(std::size_t hit, std::size_t total) {
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(hit) / static_cast<double>(total);
}

std::string ratio(std::size_t hit, std::size_t total) {
  return fmt::format("{}/{} ({:.1f} %)", hit, total, percent(hit, total));
}

BarChart chart(const cov::CoverageSummary& c) {
  BarChart b;
  b.title = c.rtl.empty() ? "functional coverage per group" : "coverage per RTL module and functional group";
  if (c.rtl.empty()) {  // not a coverage build: one bar per functional group
    b.series = {"functional %"};
    for (const cov::GroupCoverage& g : c.groups) b.rows.push_back({g.group, {percent(g.hit, g.total)}});
    return b;
  }
  b.series = {"line %", "toggle %", "functional %"};
  for (const cov::RtlModuleCoverage& m : c.rtl) {
    b.rows.push_back({m.module, {percent(m.line_hit, m.line_total), percent(m.toggle_hit, m.toggle_total), {}}});
  }
  for (const cov::GroupCoverage& g : c.groups) b.rows.push_back({g.group, {{}, {}, percent(g.hit, g.total)}});
  return b;
}

}  // namespace

std::string coverage_markdown(const cov::CoverageSummary& c, bool list_missed) {
  if (c.groups.empty() && c.rtl.empty()) return {};
  std::string s = "\n## Coverage\n";
  if (!c.rtl.empty()) {
    s += "\n| RTL module | lines | toggles |\n|---|---:|---:|\n";
    for (const cov::RtlModuleCoverage& m : c.rtl) {
      s += fmt::format("| {} | {} | {} |\n", m.module, ratio(m.line_hit, m.line_total),
                       ratio(m.toggle_hit, m.toggle_total));
    }
    s += "\nannotated sources and the lines not covered: " + c.rtl_report + "\n";
  }
  if (c.groups.empty()) return s;
  s += "\n| functional group | bins hit |\n|---|---:|\n";
  std::size_t missed = 0;
  for (const cov::GroupCoverage& g : c.groups) {
    s += fmt::format("| {} | {} |\n", g.group, ratio(g.hit, g.total));
    missed += g.missed.size();
  }
  if (!list_missed) {
    return s + fmt::format("\n{} functional bins missed, {} of them not explained by a waiver (report.md lists them)\n",
                           missed, c.unexplained());
  }
  for (const cov::GroupCoverage& g : c.groups) {
    for (const auto& [bin, why] : g.missed) {
      s += fmt::format("- missed {}/{}: {}\n", g.group, bin, why.empty() ? "NOT EXPLAINED" : "waived: " + why);
    }
  }
  return s;
}

std::string coverage_html(const cov::CoverageSummary& c) {
  if (c.groups.empty() && c.rtl.empty()) return {};
  std::string s = "<h2>Coverage</h2>\n" + render_bars(chart(c)) + "\n";
  if (!c.rtl.empty()) {
    s += "<table><tr><th>RTL module</th><th>lines</th><th>toggles</th></tr>\n";
    for (const cov::RtlModuleCoverage& m : c.rtl) {
      s += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", xml_escape(m.module),
                       ratio(m.line_hit, m.line_total), ratio(m.toggle_hit, m.toggle_total));
    }
    s += "</table>\n<p class=\"note\">annotated sources: " + xml_escape(c.rtl_report) + "</p>\n";
  }
  if (c.groups.empty()) return s;
  s += "<table><tr><th>functional group</th><th>bins hit</th><th>bins missed</th></tr>\n";
  for (const cov::GroupCoverage& g : c.groups) {
    std::string missed;
    for (const auto& [bin, why] : g.missed) {
      missed +=
          "<code>" + xml_escape(bin) + "</code>: " + (why.empty() ? "<b>not explained</b>" : xml_escape(why)) + "<br/>";
    }
    s += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", xml_escape(g.group),
                     ratio(g.hit, g.total), missed);
  }
  return s + "</table>\n";
}

void coverage_json(JsonWriter& j, const cov::CoverageSummary& c) {
  using U64 = std::uint64_t;
  j.key("coverage").begin_object();
  j.key("functional").begin_array();
  for (const cov::GroupCoverage& g : c.groups) {
    j.begin_object().field("group", g.group).field("hit", U64{g.hit}).field("total", U64{g.total});
    j.key("missed").begin_array();
    for (const auto& [bin, why] : g.missed) j.begin_object().field("bin", bin).field("waiver", why).end_object();
    j.end_array().end_object();
  }
  j.end_array();
  j.key("rtl").begin_array();
  for (const cov::RtlModuleCoverage& m : c.rtl) {
    j.begin_object()
        .field("module", m.module)
        .field("line_hit", U64{m.line_hit})
        .field("line_total", U64{m.line_total});
    j.field("toggle_hit", U64{m.toggle_hit}).field("toggle_total", U64{m.toggle_total}).end_object();
  }
  j.end_array().field("rtl_report", c.rtl_report).end_object();
}

}  // namespace tandem
