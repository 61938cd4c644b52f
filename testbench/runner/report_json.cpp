// results.json: every run, group and total of the regression, for scripts.
#include "json_writer.hpp"
#include "report_coverage.hpp"
#include "report_formats.hpp"
#include "signature.hpp"

namespace tandem {

namespace {

using U64 = std::uint64_t;

void strings(JsonWriter& j, std::string_view name, const std::vector<std::string>& list) {
  j.key(name).begin_array();
  for (const std::string& s : list) j.value(s);
  j.end_array();
}

void outcome(JsonWriter& j, const Outcome& o) {
  j.field("cycles", U64{o.cycles}).field("verdict", o.verdict).field("passed", o.passed);
  strings(j, "failures", o.failures);
  strings(j, "latency", o.latency);
  j.key("latency_hist").begin_object();
  for (const LatencyHistogram& h : o.latency_hist) {
    j.key(h.name).begin_object();
    for (const auto& [bucket, n] : h.buckets) j.field(std::to_string(bucket), U64{n});
    j.end_object();
  }
  j.end_object();
  j.key("dma").begin_array();
  for (const DmaSample& d : o.dma)
    j.begin_object().field("bytes", U64{d.bytes}).field("cycles", U64{d.cycles}).end_object();
  j.end_array();
}

void run(JsonWriter& j, const RunRecord& r) {
  j.begin_object();
  j.field("scenario", r.scenario).field("variant", r.variant).field("seed", U64{r.seed});
  j.field("status", status_name(r.status)).field("seconds", r.seconds).field("dir", r.dir).field("repro", r.repro);
  if (r.status == RunRecord::Status::kCrashed) j.field("signal", U64(r.signal));
  if (!r.waves.empty()) j.field("waves", r.waves);
  if (!r.gtkw.empty()) j.field("gtkw", r.gtkw);
  if (r.status != RunRecord::Status::kPassed && r.status != RunRecord::Status::kNotRun) {
    j.field("signature", failure_signature(r)).field("cause", cause_of(r));
  }
  if (r.outcome) outcome(j, *r.outcome);
  j.end_object();
}

void totals(JsonWriter& j, const Totals& t) {
  j.key("totals").begin_object();
  j.field("runs", U64{t.runs}).field("passed", U64{t.passed}).field("not_passed", U64{t.not_passed()});
  j.field("failed", U64{t.failed}).field("crashed", U64{t.crashed}).field("timed_out", U64{t.timed_out});
  j.field("no_result", U64{t.no_result})
      .field("lost", U64{t.lost})
      .field("not_run", U64{t.not_run})
      .field("cycles", U64{t.cycles});
  j.end_object();
}

void groups(JsonWriter& j, const ReportModel& m) {
  j.key("groups").begin_array();
  for (const FailureGroup& g : m.groups) {
    j.begin_object().field("signature", g.signature).field("cause", g.cause).field("headline", g.headline);
    j.field("count", U64{g.runs.size()}).field("example", g.example()).field("repro", g.first().repro);
    j.key("runs").begin_array();
    for (const RunRecord* r : g.runs) {
      j.begin_object().field("scenario", r->scenario).field("variant", r->variant).field("seed", U64{r->seed});
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
}

void rates(JsonWriter& j, const ReportModel& m) {
  j.key("pass_rates").begin_array();
  for (const PassRate& p : m.rates) {
    j.begin_object().field("scenario", p.scenario).field("variant", p.variant);
    j.field("passed", U64{p.passed}).field("total", U64{p.total}).end_object();
  }
  j.end_array();
}

void explore(JsonWriter& j, const std::vector<ExploreSummary>& list) {
  j.key("explore").begin_array();
  for (const ExploreSummary& e : list) {
    j.begin_object().field("scenario", e.scenario).field("schedules_run", U64{e.schedules_run});
    j.field("distinct_states", U64{e.distinct_states}).field("failures", U64{e.failures});
    j.field("runs_per_second", e.runs_per_second).key("groups").begin_array();
    for (const ExploreSummary::Group& g : e.groups) {
      j.begin_object().field("checker", g.checker).field("count", U64{g.count}).field("schedule", g.schedule);
      j.field("repro", g.repro).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
}

}  // namespace

std::string render_json(const ReportModel& m) {
  const Regression& reg = *m.regression;
  JsonWriter j;
  j.begin_object();
  j.field("dir", reg.dir).field("command", reg.command).field("timestamp", reg.timestamp);
  j.field("wall_seconds", reg.wall_seconds).field("interrupted", reg.interrupted).field("verdict", verdict_line(m));
  totals(j, m.totals);
  groups(j, m);
  rates(j, m);
  explore(j, reg.explore);
  coverage_json(j, reg.coverage);
  j.key("runs").begin_array();
  for (const RunRecord& r : reg.runs) run(j, r);
  j.end_array();
  j.end_object();
  return j.text() + "\n";
}

}  // namespace tandem
