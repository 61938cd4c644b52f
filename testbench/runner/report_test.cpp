#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "json_writer.hpp"
#include "report.hpp"
#include "report_formats.hpp"

namespace tandem {

namespace {

namespace fs = std::filesystem;
using Status = RunRecord::Status;

RunRecord run(const std::string& scenario, std::uint64_t seed, Status status, const std::string& verdict = "",
              std::vector<std::string> failures = {}) {
  RunRecord r;
  r.scenario = scenario;
  r.seed = seed;
  r.status = status;
  r.seconds = 0.25 * static_cast<double>(seed);
  r.dir = "runs/" + scenario + "/seed-" + std::to_string(seed);
  r.repro = "tandem run " + scenario + " --seed " + std::to_string(seed);
  if (status == Status::kPassed || status == Status::kFailed) {
    Outcome o;
    o.scenario = scenario;
    o.seed = seed;
    o.passed = status == Status::kPassed;
    o.verdict = o.passed ? "all checkers quiet" : verdict;
    o.failures = std::move(failures);
    o.cycles = 1000 * seed;
    o.latency_hist = {LatencyHistogram{"signal_to_isr", {{16, seed}}}, LatencyHistogram{"isr_duration", {{64, 1}}}};
    o.dma = {DmaSample{4096, 600 + seed}};
    r.outcome = o;
  }
  return r;
}

RunRecord storm(const std::string& scenario, std::uint64_t seed) {
  const std::string f = "irq_storm: line 0 taken 500 times in " + std::to_string(seed * 97) + " cycles";
  return run(scenario, seed, Status::kFailed, f, {f});
}

// Three storms (on two scenarios), two seeded-bug runs stopped by the storm first, a crash,
// and passes; the storm's first run is seed 2 of dma_copy.
Regression sample() {
  Regression reg;
  reg.dir = "report-dir";
  reg.command = "tandem regress --seeds 3";
  reg.wall_seconds = 4.5;
  reg.runs.push_back(run("dma_copy", 1, Status::kPassed));
  reg.runs.push_back(storm("dma_copy", 2));
  reg.runs.push_back(storm("dma_copy", 3));
  const std::string before = "the run failed on `irq_storm` before `scoreboard` could judge";
  reg.runs.push_back(run("xfail_corrupt", 1, Status::kFailed, before, {"irq_storm: line 0 taken 500 times"}));
  reg.runs.push_back(run("xfail_corrupt", 2, Status::kFailed, before, {"irq_storm: line 0 taken 500 times"}));
  reg.runs.push_back(storm("irq_modes", 1));
  reg.runs.back().variant = "rev1";
  RunRecord crash = run("probe", 1, Status::kCrashed);
  crash.signal = SIGSEGV;
  crash.waves = "runs/probe/seed-1/waves.fst";
  crash.gtkw = "runs/probe/seed-1/waves.gtkw";
  reg.runs.push_back(crash);
  reg.runs.push_back(run("probe", 2, Status::kPassed));
  return reg;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A shell command's exit status and what it printed (stdout and stderr).
int shell(const std::string& command, std::string* output = nullptr) {
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  if (output != nullptr) *output = out;
  return pclose(p);
}

// A fresh folder for one test's report files.
std::string fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("tandem-report-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace

TEST_CASE("failures group by signature, largest group first, each rerun from its first failing run") {
  Regression reg = sample();
  // A failure of its own before all others: its group is the smallest, so it comes after them.
  reg.runs.insert(reg.runs.begin(), run("lost", 1, Status::kFailed, "lost_irq: line 1 never taken (cycle 80)"));
  const ReportModel m = build_model(reg);
  REQUIRE(m.groups.size() == 4);
  CHECK(m.groups[2].cause == "lost_irq");  // among groups of one, the one that failed first
  CHECK(m.groups[0].runs.size() == 3);     // the storm, on dma_copy and irq_modes [rev1]
  CHECK(m.groups[0].cause == "irq_storm");
  CHECK(m.groups[0].first().repro == "tandem run dma_copy --seed 2");
  CHECK(scenarios_and_seeds(m.groups[0]) == "dma_copy (seeds 2, 3), irq_modes [rev1] (seed 1)");
  // A seeded bug's runs that the storm stopped first: their own group, the storm named as the cause.
  CHECK(m.groups[1].runs.size() == 2);
  CHECK(m.groups[1].signature == "the run failed on `irq_storm` before `scoreboard` could judge");
  CHECK(m.groups[1].cause == "irq_storm");
  CHECK(m.groups[1].headline == "2 runs: `irq_storm` fired first, before `scoreboard` could judge");
  CHECK(m.groups[3].cause == "crash");
  CHECK(m.groups[3].headline.find("crashed") != std::string::npos);
  CHECK(m.totals.runs == 9);
  CHECK(m.totals.passed == 2);
  CHECK(m.totals.failed == 6);
  CHECK(m.totals.crashed == 1);
  CHECK(m.totals.cycles == 1000 + 1000 + 2000 + 3000 + 1000 + 2000 + 1000 + 2000);
}

TEST_CASE("pass rates per scenario and variant, lowest first, runs not run left out") {
  Regression reg = sample();
  reg.runs.push_back(run("probe", 3, Status::kNotRun));
  const ReportModel m = build_model(reg);
  REQUIRE(m.rates.size() == 4);
  CHECK(m.rates[0].scenario == "xfail_corrupt");
  CHECK(m.rates[0].passed == 0);
  CHECK(m.rates[1].scenario == "irq_modes");
  CHECK(m.rates[1].variant == "rev1");
  CHECK(m.rates[2].scenario == "dma_copy");
  CHECK(m.rates[2].passed == 1);
  CHECK(m.rates[2].total == 3);
  CHECK(m.rates[3].scenario == "probe");
  CHECK(m.rates[3].total == 2);
}

TEST_CASE("latency histograms add up per scenario over its runs") {
  const ReportModel m = build_model(sample());
  REQUIRE(m.latency.size() == 4);  // the crashed run wrote none; probe's pass did
  CHECK(m.latency[0].scenario == "dma_copy");
  CHECK(m.latency[0].kinds.at("signal_to_isr").at(16) == 1 + 2 + 3);
  CHECK(m.dma.size() == 7);
}

TEST_CASE("the printed report puts the summary first, then the groups with their rerun and waves, then rates") {
  const Regression reg = sample();
  const ReportModel m = build_model(reg);
  const std::string text = render_markdown(m, TextFor::kTerminal);
  const std::size_t summary = text.find("runs: 8, passed 2, failed 6 (failed 5, crashed 1, timed out 0, no result 0)");
  const std::size_t storm = text.find("### 1. 3 runs: `irq_storm` fired first");
  const std::size_t rates = text.find("## Pass rates");
  REQUIRE(summary != std::string::npos);
  REQUIRE(storm != std::string::npos);
  REQUIRE(rates != std::string::npos);
  CHECK(summary < storm);
  CHECK(storm < rates);
  CHECK(text.find("`tandem run dma_copy --seed 2`") != std::string::npos);
  CHECK(text.find("gtkwave -a runs/probe/seed-1/waves.gtkw runs/probe/seed-1/waves.fst") != std::string::npos);
  CHECK(text.find("- xfail_corrupt: 0/2") != std::string::npos);
  CHECK(text.find("- probe: 1/2") != std::string::npos);
  CHECK(text.find("partial") == std::string::npos);
  CHECK(text.find("## Every run") == std::string::npos);  // the full table is for the files
  CHECK(render_markdown(m, TextFor::kFile).find("## Every run") != std::string::npos);
}

TEST_CASE("an interrupted regression's report says it is partial") {
  Regression reg = sample();
  reg.interrupted = true;
  reg.runs.push_back(run("probe", 3, Status::kNotRun));
  const ReportModel m = build_model(reg);
  const std::string text = render_markdown(m, TextFor::kTerminal);
  CHECK(text.find("PARTIAL (interrupted): 8 of 9 runs done") != std::string::npos);
  CHECK(text.find("partial: interrupted") != std::string::npos);
  CHECK(text.find("not run 1") != std::string::npos);
  CHECK(render_html(m).find("partial: interrupted") != std::string::npos);
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters") {
  CHECK(json_quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
  JsonWriter j;
  j.begin_object().field("n", std::uint64_t{3}).key("list").begin_array().value("x").value(true).null().end_array();
  j.end_object();
  CHECK(j.text() == "{\"n\":3,\"list\":[\"x\",true,null]}");
}

TEST_CASE("results.json parses back and carries the counts, groups and every run") {
  Regression reg = sample();
  reg.dir = fresh_dir("json");
  reg.runs[1].outcome->failures.emplace_back("scoreboard: \"quoted\" \\ back\ttab");
  write_report(reg);
  const std::string check =
      "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d[\"totals\"]; "
      "assert (t[\"runs\"], t[\"passed\"], t[\"failed\"], t[\"crashed\"]) == (8, 2, 5, 1), t; "
      "assert [g[\"count\"] for g in d[\"groups\"]] == [3, 2, 1]; "
      "assert d[\"runs\"][1][\"failures\"][-1].endswith(\"\\\"quoted\\\" \\\\ back\\ttab\"); "
      "assert d[\"runs\"][1][\"dma\"][0] == {\"bytes\": 4096, \"cycles\": 602}; "
      "assert d[\"runs\"][6][\"status\"] == \"crashed\"'";
  std::string out;
  CHECK_MESSAGE(shell(check + " " + reg.dir + "/results.json", &out) == 0, out);
}

TEST_CASE("JUnit XML validates against the schema, one testcase per run, failures and errors where runs failed") {
  Regression reg = sample();
  reg.dir = fresh_dir("junit");
  reg.junit_path = reg.dir + "/junit.xml";
  reg.timestamp = "2026-11-22T07:00:00";
  reg.runs.push_back(run("probe", 3, Status::kNotRun));
  reg.runs[1].outcome->failures.emplace_back("scoreboard: <&> \"x\"");
  write_report(reg);
  std::string out;
  CHECK_MESSAGE(shell("xmllint --noout --schema " TANDEM_JUNIT_XSD " " + reg.junit_path, &out) == 0, out);
  const std::string xml = slurp(reg.junit_path);
  CHECK(occurrences(xml, "<testcase ") == 9);
  CHECK(occurrences(xml, "<failure ") == 5);
  CHECK(occurrences(xml, "<error ") == 1);
  CHECK(occurrences(xml, "<skipped ") == 1);
  CHECK(occurrences(xml, "<testsuite ") == 4);
  CHECK(xml.find("classname=\"irq_modes.rev1\"") != std::string::npos);
  CHECK(xml.find("type=\"irq_storm\"") != std::string::npos);
  CHECK(xml.find("&lt;&amp;&gt; &quot;x&quot;") != std::string::npos);
  CHECK(xml.find("<testsuites name=\"tandem regress\" tests=\"9\" failures=\"5\" errors=\"1\" skipped=\"1\"") !=
        std::string::npos);
}

TEST_CASE("the schema refuses a JUnit file that breaks the format") {
  const std::string dir = fresh_dir("junit-bad");
  std::ofstream(dir + "/bad.xml") << "<testsuites name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\"><testsuite "
                                     "name=\"s\" tests=\"one\" failures=\"0\" errors=\"0\"><testcase name=\"t\"/>"
                                     "</testsuite></testsuites>";
  CHECK(shell("xmllint --noout --schema " TANDEM_JUNIT_XSD " " + dir + "/bad.xml") != 0);
}

TEST_CASE("report.html is well-formed, one SVG per plot, with the failure groups and links to the runs' files") {
  Regression reg = sample();
  reg.dir = fresh_dir("html");
  reg.runs[0].outcome->verdict += " <b>not markup</b>";
  write_report(reg);
  const std::string path = reg.dir + "/report.html";
  std::string out;
  CHECK_MESSAGE(shell("xmllint --noout " + path, &out) == 0, out);
  const std::string html = slurp(path);
  // Latency: all scenarios together and the four with samples; DMA throughput; cycles and wall time.
  CHECK(occurrences(html, "<svg") == 1 + 4 + 1 + 1);
  CHECK(html.find("3 runs: <code>irq_storm</code> fired first<") != std::string::npos);
  CHECK(html.find("2 runs: <code>irq_storm</code> fired first, before <code>scoreboard</code> could judge") !=
        std::string::npos);
  CHECK(html.find("&lt;b&gt;not markup&lt;/b&gt;") != std::string::npos);
  // Links are relative to the report's folder, so that the folder can move with its runs.
  const std::string rel = fs::absolute("runs/probe/seed-1/waves.gtkw").lexically_relative(reg.dir).string();
  CHECK(rel.rfind("../", 0) == 0);
  CHECK(html.find("href=\"" + rel + "\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/"));  // namespaces only, nothing fetched
  CHECK(html.find("Exploration") == std::string::npos);
}

TEST_CASE("exploration results are shown when the regression carries them") {
  Regression reg = sample();
  ExploreSummary e;
  e.scenario = "dma_smp_submit";
  e.schedules_run = 1200;
  e.distinct_states = 345;
  e.failures = 7;
  e.runs_per_second = 40;
  e.groups.push_back({"lock_discipline", 7, "cpu1@120,cpu0@121", "tandem explore dma_smp_submit --schedule x"});
  reg.explore.push_back(e);
  const ReportModel m = build_model(reg);
  const std::string html = render_html(m);
  CHECK(html.find("<h2>Exploration</h2>") != std::string::npos);
  CHECK(html.find("cpu1@120,cpu0@121") != std::string::npos);
  CHECK(html.find("<td class=\"num\">345</td>") != std::string::npos);
  CHECK(render_json(m).find("\"distinct_states\":345") != std::string::npos);
}

}  // namespace tandem
