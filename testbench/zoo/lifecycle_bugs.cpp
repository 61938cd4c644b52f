// Bug-zoo scenarios for the driver's life cycle: probe, errata, suspend and resume, error
// recovery and the watchdog.
#include <cerrno>

#include "zoo.hpp"

namespace tandem::zoo {
namespace {

// A copy, suspend to D3, resume, and a copy after the wake-up.
void suspend_resume(ScenarioContext& ctx, SimCpu&) {
  Copies before = seeded_copies(ctx, 1, 256, 4096), after = seeded_copies(ctx, 1, 256, 4096);
  tce::TceDevice dev(ctx.platform().hal());
  if (!probe(ctx, dev)) return;
  submit(ctx, dev, before);
  wait_and_check(ctx, dev, before);
  if (int rc = dev.suspend(); rc != 0) ctx.fail(checker::kDriver, fmt::format("suspend failed: {}", rc));
  if (int rc = dev.resume(); rc != 0) ctx.fail(checker::kDriver, fmt::format("resume failed: {}", rc));
  submit(ctx, dev, after);
  wait_and_check(ctx, dev, after);
  dev.remove();
}

// On revision 1 (errata E1, E2) with coalescing by count and timer: one completion short
// of the count only the timer, broken by E2, would signal.
void coalesced_on_rev1(ScenarioContext& ctx, SimCpu&) {
  Copies copies = seeded_copies(ctx, 1, 256, 4096);
  tce::DeviceConfig cfg;
  cfg.coalesce_count = 4;
  cfg.coalesce_timer_cycles = 2000;
  cfg.max_channels = 2;
  run_copies(ctx, copies, cfg);
}

// Probe fails at its last step: the platform refuses the second interrupt vector, as when
// another driver holds it. The device object lives on, as a driver's state does after a
// failed bind, until the run's end.
void failing_probe(ScenarioContext& ctx, SimCpu& cpu) {
  ctx.platform().faults().refuse_irq_request(1);
  tce::TceDevice dev(ctx.platform().hal());
  if (int rc = dev.probe(); rc != -EBUSY) {
    ctx.fail(checker::kFaultInjection, fmt::format("probe returned {}, not the -EBUSY of request_irq", rc));
  }
  (void)cpu.wait_until([] { return false; }, 20'000);  // time for a check of what stayed held
}

// A copy whose destination answers SLVERR halts the channel; the next copy on the same
// (only) channel must run after the recovery, well before the watchdog's time.
void error_then_copy(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  Copies bad = seeded_copies(ctx, 1, 4096, 4096), good = seeded_copies(ctx, 1, 256, 4096);
  tce::DeviceConfig cfg;
  cfg.max_channels = 1;
  tce::TceDevice dev(p.hal(), cfg);
  if (!probe(ctx, dev)) return;
  const std::uint64_t dst = p.memory().bus_of(bad[0]->dst, bad[0]->len);
  p.faults().bus_error(0, dst + 1000, dst + 1001, false, true);
  submit(ctx, dev, bad);
  if (dev.wait(bad[0]->req, kTimeoutNs) != 0 || bad[0]->req.status != -EIO) {
    ctx.fail(checker::kFaultHandling, fmt::format("the failing copy ended with {}, not -EIO", bad[0]->req.status));
  }
  submit(ctx, dev, good);
  wait_and_check(ctx, dev, good);
  dev.remove();
}

// PULSE mode, and the completion's edge never reaches the CPU: only the driver's watchdog
// finds the finished copy. The client waits as long as it takes.
void lost_pulse(ScenarioContext& ctx, SimCpu&) {
  Copies copies = seeded_copies(ctx, 1, 256, 4096);
  tce::DeviceConfig cfg;
  cfg.irq_mode = tce::IrqMode::kPulse;
  cfg.watchdog_ns = 20'000;
  ctx.platform().faults().drop_next_irqs(1);  // probe raises no interrupt: this is the copy's
  run_copies(ctx, copies, cfg, 1'000'000'000);
}

const Registrar kNoRestore("no_context_restore",
                           "resume's replay of the configuration skips IRQ_ENABLE: the device comes back "
                           "from D3 with its interrupts off",
                           checker::kPower, nullptr, suspend_resume);
const Registrar kErrata("errata_not_applied",
                        "the revision-1 errata are not applied (rev1 RTL): E2's broken coalescing timer is "
                        "trusted, and a completion short of the count is never signalled",
                        checker::kIrqContract, nullptr, coalesced_on_rev1, {"rev1"});
const Registrar kProbeLeak("probe_leak", "probe keeps its rings when a later step (request_irq) fails",
                           checker::kResources, nullptr, failing_probe);
const Registrar kNoRestart("no_restart_after_error",
                           "recovery after a channel error resets the channel but does not restart it; the "
                           "next copy on it never runs",
                           checker::kCompletion, nullptr, error_then_copy);
const Registrar kNoTimeout(
    "no_timeout_lost_irq",
    "the watchdog is never armed: with the completion's edge dropped the client "
    "waits for ever (200,000-cycle limit)",
    checker::kHang, [](PlatformConfig& c) { c.engine.max_cycles = 200'000; }, lost_pulse);

}  // namespace
}  // namespace tandem::zoo
