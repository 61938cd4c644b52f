#include "run_one.hpp"

#include <fmt/core.h>
#include <systemc>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "checkers/catalog.hpp"
#include "checkers/checker_set.hpp"
#include "coverage/func_coverage.hpp"
#include "crash.hpp"
#include "driver_variant.hpp"
#include "event_log.hpp"
#include "observers/dma_throughput.hpp"
#include "outcome.hpp"
#include "platform.hpp"
#include "run_layouts.hpp"
#include "run_spec.hpp"
#include "scenario.hpp"
#include "scheduled_run.hpp"
#include "variant_fit.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {

std::string variant_of(const Command& cmd) {
  return cmd.variant.empty() ? "default" : cmd.variant;
}

Outcome outcome_of(const Scenario& s, std::string_view expect, const Command& cmd, const Platform& platform) {
  Outcome o;
  o.scenario = s.name;
  o.variant = variant_of(cmd);
  o.seed = cmd.seed;
  o.cycles = platform.cycle();
  std::vector<std::string> fired;
  for (const Failure& f : platform.failures()) {
    o.failures.push_back(fmt::format("{}: {} (cycle {})", f.checker, f.message, f.cycle));
    fired.push_back(f.checker);
  }
  judge(expect, fired, &o);
  // A program that never ended leaks what it holds: that fails every run, even a seeded bug's.
  for (const Failure& f : platform.failures()) {
    if (f.checker != checker::kProgramEnd) continue;
    o.passed = false;
    o.verdict = fmt::format("{}: {}", f.checker, f.message);
  }
  return o;
}

// A scenario that needs another driver runs in the executable built with it, with the
// same arguments (and this executable's runs folder), so its command line works anywhere.
int hand_over(const Command& cmd, const std::string& variant) {
  const std::string exe = executable_for(variant);
  std::vector<std::string> args = cmd.args;
  if (cmd.out_dir.empty()) args.insert(args.end(), {"--out", default_runs_dir()});
  std::vector<char*> argv = {const_cast<char*>(exe.c_str())};
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::fflush(stdout);
  execv(exe.c_str(), argv.data());
  std::fprintf(stderr, "tandem: cannot run '%s', which holds the driver of %s (is it built?)\n", exe.c_str(),
               cmd.scenario.c_str());
  return 3;
}

}  // namespace

int run_one(const Command& cmd) {
  const Scenario* s = find_scenario(cmd.scenario);
  if (s == nullptr) {
    std::fprintf(stderr, "tandem: no scenario named '%s' (see 'tandem list')\n", cmd.scenario.c_str());
    return 2;
  }
  if (!cmd.variant.empty()) {
    if (const std::string why = variant_misfit(*s, cmd.variant); !why.empty()) {
      std::fprintf(stderr, "tandem: %s\n", why.c_str());
      return 2;
    }
  }
  // A seeded bug's scenario on the release driver shows that the bug, not the scenario,
  // is what its checker catches: there it must pass with every checker quiet.
  const std::string driver = cmd.release_driver ? "" : driver_variant_of(s->name);
  if (driver != driver_variant()) return hand_over(cmd, driver);
  const std::string_view expect = cmd.release_driver ? std::string_view() : s->expect;
  const std::string dir =
      run_dir(cmd.out_dir.empty() ? default_runs_dir() : cmd.out_dir, s->name, variant_of(cmd), cmd.seed);
  if (!make_dirs(dir)) {
    std::fprintf(stderr, "tandem: cannot create the run folder '%s'\n", dir.c_str());
    return 3;
  }
  const std::string fst = dir + "/waves.fst";
  std::filesystem::remove(fst);
  std::filesystem::remove(dir + "/waves.vcd");
  std::filesystem::remove(dir + "/crash.txt");
  crash::install(dir + "/crash.txt");
  waves::remove_run_layouts(dir);
  if (rtl_coverage_built()) set_rtl_coverage_dir(dir);  // the models write coverage.dat there

  PlatformConfig config;
  config.seed = cmd.seed;
  config.variant = variant_of(cmd);
  config.memory.seed = cmd.seed;
  config.engine.max_cycles = cmd.max_cycles;
  config.engine.step_every_cycle = cmd.step_every_cycle;
  if (cmd.waves != Waves::kOff) config.fst_path = fst;
  if (s->configure) s->configure(config);

  RunLog log(dir + "/run.log", cmd.verbose, cmd.log_level);
  if (!log.ok()) {
    std::fprintf(stderr, "tandem: cannot write '%s/run.log'\n", dir.c_str());
    return 3;
  }
  const crash::Flush flush_log([](void* l) { static_cast<RunLog*>(l)->flush(); }, &log);
  log.print(RunLog::Level::kError, 0, "tandem", "scenario {} seed {} variant {}", s->name, cmd.seed, config.variant);
  Platform platform(config, log);
  platform.set_failure_ids(checker_id);  // the waves name the checker that failed the run
  const EventLog event_log(platform);    // before the checkers: an event's line comes before a failure it causes
  const CheckerSet checkers(platform);   // every run is watched by every checker
  ScheduledRun scheduled(platform, cmd.record_boundaries, cmd.schedule);
  const DmaThroughput dma(platform);                // and measured, for the regression's report
  const cov::FuncCoverage func_coverage(platform);  // and its functional coverage bins counted
  ScenarioContext ctx(platform, cmd.seed);
  // Counts the programs that ended: a run stopped early must still destroy every object
  // its programs made.
  struct Ended {
    unsigned& count;
    ~Ended() { ++count; }
  };
  unsigned ended = 0;
  for (unsigned i = 0; i < config.cpus; ++i) {
    platform.cpu(i).set_program([&](SimCpu& cpu) {
      const Ended guard{ended};
      s->body(ctx, cpu);
    });
  }
  platform.run();
  if (ended != config.cpus) {
    platform.fail(std::string(checker::kProgramEnd),
                  fmt::format("{} of {} programs never ended: what they hold leaks", config.cpus - ended, config.cpus));
  }

  Outcome o = outcome_of(*s, expect, cmd, platform);
  o.latency = checkers.records();
  o.latency_hist = checkers.histograms();
  o.dma = dma.samples();
  if (!scheduled.finish(dir, &o)) {
    std::fprintf(stderr, "tandem: cannot write '%s/boundaries.txt'\n", dir.c_str());
    return 3;
  }
  log.print(RunLog::Level::kError, platform.cycle(), "tandem", "{}: {}", o.passed ? "PASS" : "FAIL", o.verdict);
  if (!cov::write_counts(dir + "/func_coverage.txt", func_coverage.counts())) {
    std::fprintf(stderr, "tandem: cannot write '%s/func_coverage.txt'\n", dir.c_str());
    return 3;
  }
  if (!write_outcome(dir + "/result.txt", o)) {
    std::fprintf(stderr, "tandem: cannot write '%s/result.txt'\n", dir.c_str());
    return 3;
  }

  std::string waves;
  if (cmd.waves == Waves::kFst) {
    waves = fst;
  } else if (cmd.waves == Waves::kVcd) {
    const std::string vcd = dir + "/waves.vcd";
    const std::string conv = fmt::format("fst2vcd -f '{}' -o '{}' >/dev/null 2>&1", fst, vcd);
    if (std::system(conv.c_str()) != 0) {
      std::fprintf(stderr, "tandem: converting the waves to VCD failed (is fst2vcd from gtkwave installed?)\n");
      return 3;
    }
    std::filesystem::remove(fst);
    waves = vcd;
  }
  const std::string gtkw = waves.empty() ? "" : waves::write_run_layouts(platform, waves);
  if (!waves.empty() && gtkw.empty()) {
    std::fprintf(stderr, "tandem: cannot write the GTKWave layouts into '%s'\n", dir.c_str());
    return 3;
  }

  const std::string variant = o.variant == "default" ? "" : " variant=" + o.variant;
  std::printf("%s %s%s seed=%llu cycles=%llu: %s\n", o.passed ? "PASS" : "FAIL", s->name.c_str(), variant.c_str(),
              static_cast<unsigned long long>(cmd.seed), static_cast<unsigned long long>(o.cycles), o.verdict.c_str());
  if (!expect.empty() || !o.passed) {
    for (const std::string& f : o.failures) std::printf("  checker %s\n", f.c_str());
  }
  for (const std::string& l : o.latency) std::printf("  latency: %s\n", l.c_str());
  // Every device skips the same cycles (all quiescent at once, in lockstep).
  // Evaluated once: the first device's cycles whose clock edge was evaluated alone.
  std::printf("  engine: %llu kernel round trips for %llu cycles, %llu skipped as idle, %llu evaluated once\n",
              static_cast<unsigned long long>(platform.engine().kernel_round_trips()),
              static_cast<unsigned long long>(o.cycles), static_cast<unsigned long long>(platform.harness(0).skipped()),
              static_cast<unsigned long long>(platform.harness(0).single_evaluations()));
  if (cmd.log_level != RunLog::Level::kOff) std::printf("  log:   %s/run.log\n", dir.c_str());
  if (!waves.empty()) std::printf("  waves: %s\n  gtkw:  %s\n", waves.c_str(), gtkw.c_str());
  if (!o.passed) {
    const RunSpec spec{s->name, o.variant, cmd.seed, cmd.max_cycles, cmd.release_driver, o.schedule};
    std::printf("  rerun: %s\n", repro_command(spec).c_str());
  }
  return exit_code(o);
}

}  // namespace tandem
