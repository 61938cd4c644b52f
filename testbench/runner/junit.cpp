// JUnit XML, in the form CI servers read (Jenkins, GitLab, GitHub test reporters): a
// testsuite per scenario, a testcase per scenario, variant and seed. A checker's verdict is
// a <failure> of the checker's type; a run that crashed, timed out or left no result is an
// <error>; a run the regression never started is <skipped>.
#include <fmt/core.h>

#include <algorithm>

#include "markup.hpp"
#include "report_formats.hpp"

namespace tandem {

namespace {

using Status = RunRecord::Status;

struct Suite {
  std::string name;
  std::vector<const RunRecord*> runs;
  std::size_t failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
};

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, xml_escape(value));
}

std::string counts(std::size_t tests, const Suite& s) {
  return fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\"", tests, s.failures,
                     s.errors, s.skipped, s.seconds);
}

std::string testcase(const RunRecord& r) {
  const std::string classname = r.variant == "default" ? r.scenario : r.scenario + "." + r.variant;
  std::string x = fmt::format("    <testcase{}{} time=\"{:.3f}\">\n", attr("name", "seed-" + std::to_string(r.seed)),
                              attr("classname", classname), r.seconds);
  const std::string cause = cause_of(r);
  switch (r.status) {
    case Status::kPassed: break;
    case Status::kNotRun: x += "      <skipped message=\"not run: the regression was stopped first\"/>\n"; break;
    case Status::kFailed: {
      const std::string verdict = r.outcome ? r.outcome->verdict : "no result";
      std::string text = verdict + "\n";
      if (r.outcome) {
        for (const std::string& f : r.outcome->failures) text += "checker " + f + "\n";
      }
      x += fmt::format("      <failure{}{}>{}</failure>\n", attr("message", verdict), attr("type", cause),
                       xml_escape(text));
      break;
    }
    default: {
      const std::string message = cause == "crash" ? fmt::format("crashed with signal {}", r.signal) : cause;
      x += fmt::format("      <error{}{}/>\n", attr("message", message), attr("type", status_name(r.status)));
    }
  }
  const std::string out = "rerun: " + r.repro + "\nlog: " + r.dir + "/run.log\n";
  x += "      <system-out>" + xml_escape(out) + "</system-out>\n";
  return x + "    </testcase>\n";
}

}  // namespace

std::string render_junit(const ReportModel& m) {
  const Regression& reg = *m.regression;
  std::vector<Suite> suites;
  Suite all{"tandem regress", {}, 0, 0, 0, reg.wall_seconds};
  for (const RunRecord& r : reg.runs) {
    auto it = std::find_if(suites.begin(), suites.end(), [&r](const Suite& s) { return s.name == r.scenario; });
    if (it == suites.end()) it = suites.insert(suites.end(), Suite{r.scenario, {}, 0, 0, 0, 0});
    it->runs.push_back(&r);
    it->seconds += r.seconds;
    std::size_t* n = r.status == Status::kFailed   ? &it->failures
                     : r.status == Status::kNotRun ? &it->skipped
                     : r.status == Status::kPassed ? nullptr
                                                   : &it->errors;
    if (n != nullptr) ++*n;
  }
  std::string body;
  for (const Suite& s : suites) {
    all.failures += s.failures;
    all.errors += s.errors;
    all.skipped += s.skipped;
    const std::string stamp = reg.timestamp.empty() ? "" : attr("timestamp", reg.timestamp);
    body += fmt::format("  <testsuite{}{}{}>\n", attr("name", s.name), counts(s.runs.size(), s), stamp);
    for (const RunRecord* r : s.runs) body += testcase(*r);
    body += "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
         fmt::format("<testsuites{}{}>\n", attr("name", all.name), counts(reg.runs.size(), all)) + body +
         "</testsuites>\n";
}

}  // namespace tandem
