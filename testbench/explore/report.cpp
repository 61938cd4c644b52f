#include "report.hpp"

#include <fmt/core.h>

namespace tandem::explore {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string render_text(const Summary& s) {
  const Target& t = s.target;
  const Stats& st = s.stats;
  std::string out;
  for (const FailureSummary& g : s.groups) {
    out += fmt::format("FAIL {} ({} schedule{}): {}\n", g.checker, g.count, g.count == 1 ? "" : "s", g.message);
    out += fmt::format("  minimized: '{}'\n  replay:    {}\n", g.minimized, g.repro);
    if (!g.waves.empty()) out += fmt::format("  waves:     {}\n", g.waves);
  }
  out += fmt::format(
      "explored {} (variant {}, seed {}, bound {}): {} schedules run, {} skipped as seen, {} pruned, {} distinct "
      "states, {} failing, {} runs minimizing; {:.1f} s, {:.1f} runs/s{}\n",
      t.scenario, t.variant, t.seed, t.bound, st.runs, st.skipped, st.pruned, st.distinct_states, st.failures,
      st.minimize_runs, st.seconds, s.runs_per_second, st.capped ? " (budget reached: not every schedule ran)" : "");
  return out;
}

std::string render_json(const Summary& s) {
  const Target& t = s.target;
  const Stats& st = s.stats;
  std::string groups;
  for (const FailureSummary& g : s.groups) {
    groups += fmt::format(
        "{}\n    {{\"checker\": {}, \"message\": {}, \"count\": {}, \"minimized\": {}, \"repro\": {}, \"waves\": {}}}",
        groups.empty() ? "" : ",", json_string(g.checker), json_string(g.message), g.count, json_string(g.minimized),
        json_string(g.repro), json_string(g.waves));
  }
  return fmt::format(
      "{{\n  \"scenario\": {},\n  \"variant\": {},\n  \"seed\": {},\n  \"bound\": {},\n  \"schedules_run\": {},\n"
      "  \"skipped\": {},\n  \"pruned\": {},\n  \"distinct_states\": {},\n  \"failures\": {},\n"
      "  \"minimize_runs\": {},\n  \"capped\": {},\n  \"seconds\": {:.3f},\n  \"runs_per_second\": {:.3f},\n"
      "  \"groups\": [{}{}]\n}}\n",
      json_string(t.scenario), json_string(t.variant), t.seed, t.bound, st.runs, st.skipped, st.pruned,
      st.distinct_states, st.failures, st.minimize_runs, st.capped ? "true" : "false", st.seconds, s.runs_per_second,
      groups, groups.empty() ? "" : "\n  ");
}

std::string render_table(const std::vector<Summary>& all) {
  std::string out =
      "## Race exploration (release driver)\n\n| scenario | schedules | skipped | states | failures | runs/s | "
      "first failure |\n|---|---|---|---|---|---|---|\n";
  for (const Summary& s : all) {
    const std::string first =
        s.groups.empty() ? "—" : fmt::format("`{}` with `{}`", s.groups.front().checker, s.groups.front().minimized);
    out += fmt::format("| `{}` | {}{} | {} | {} | {} | {:.1f} | {} |\n", s.target.scenario, s.stats.runs,
                       s.stats.capped ? " (budget)" : "", s.stats.skipped, s.stats.distinct_states, s.stats.failures,
                       s.runs_per_second, first);
  }
  return out;
}

}  // namespace tandem::explore
