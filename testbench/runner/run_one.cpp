#include "run_one.hpp"

#include <fmt/core.h>
#include <systemc>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "checkers/catalog.hpp"
#include "checkers/checker_set.hpp"
#include "driver_variant.hpp"
#include "outcome.hpp"
#include "platform.hpp"
#include "scenario.hpp"
#include "scheduled_run.hpp"

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

  PlatformConfig config;
  config.seed = cmd.seed;
  config.variant = variant_of(cmd);
  config.memory.seed = cmd.seed;
  config.engine.max_cycles = cmd.max_cycles;
  config.engine.step_every_cycle = cmd.step_every_cycle;
  if (cmd.waves != Waves::kOff) config.fst_path = fst;
  if (s->configure) s->configure(config);

  RunLog log(cmd.log ? dir + "/run.log" : std::string(), cmd.verbose);
  if (!log.ok()) {
    std::fprintf(stderr, "tandem: cannot write '%s/run.log'\n", dir.c_str());
    return 3;
  }
  log.line(0, "tandem", fmt::format("scenario {} seed {} variant {}", s->name, cmd.seed, config.variant));
  Platform platform(config, log);
  const CheckerSet checkers(platform);  // every run is watched by every checker
  ScheduledRun scheduled(platform, cmd.record_boundaries, cmd.schedule);
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
  if (!scheduled.finish(dir, &o)) {
    std::fprintf(stderr, "tandem: cannot write '%s/boundaries.txt'\n", dir.c_str());
    return 3;
  }
  log.line(platform.cycle(), "tandem", fmt::format("{}: {}", o.passed ? "PASS" : "FAIL", o.verdict));
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

  const std::string variant = o.variant == "default" ? "" : " variant=" + o.variant;
  std::printf("%s %s%s seed=%llu cycles=%llu: %s\n", o.passed ? "PASS" : "FAIL", s->name.c_str(), variant.c_str(),
              static_cast<unsigned long long>(cmd.seed), static_cast<unsigned long long>(o.cycles), o.verdict.c_str());
  if (!expect.empty() || !o.passed) {
    for (const std::string& f : o.failures) std::printf("  checker %s\n", f.c_str());
  }
  for (const std::string& l : o.latency) std::printf("  latency: %s\n", l.c_str());
  std::printf("  engine: %llu kernel round trips for %llu cycles\n",
              static_cast<unsigned long long>(platform.engine().kernel_round_trips()),
              static_cast<unsigned long long>(o.cycles));
  if (cmd.log) std::printf("  log:   %s/run.log\n", dir.c_str());
  if (!waves.empty()) std::printf("  waves: %s\n", waves.c_str());
  if (!o.passed)
    std::printf("  rerun: %s\n", rerun_command(s->name, o.variant, cmd.seed, cmd.release_driver, o.schedule).c_str());
  return exit_code(o);
}

}  // namespace tandem
