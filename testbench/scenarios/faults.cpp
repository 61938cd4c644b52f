// One scenario per kind of injected fault, each passing only if the driver and platform
// handle it as they must: late interrupts still served, stalls survived, a stall without
// end turned into -ETIMEDOUT after bounded retries, a bus error into -EIO with its code and
// a working channel after it, and a removed device into -ENODEV with nothing waiting for
// ever.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

constexpr std::uint64_t kTimeoutNs = 400'000;

bool is_doorbell(const Event& e) {
  return e.kind == EventKind::kCsrAccess && e.write && e.addr == tce::reg::RING_TAIL::offset(0);
}

bool probe(ScenarioContext& ctx, tce::TceDevice& dev) {
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return false;
  }
  return true;
}

void irq_delayed(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::optional<SeededCopy> slot;  // outlives the device, on every path
  tce::TceDevice dev(p.hal());
  if (!probe(ctx, dev)) return;
  constexpr std::uint64_t kDelay = 3000;
  std::uint64_t raised = 0, taken = 0;
  const EventBus::Subscription watch = p.events().subscribe([&](const Event& e) {
    if (e.kind == EventKind::kIrqLine && e.level && raised == 0) raised = e.cycle;
    if (e.kind == EventKind::kIrqTaken && taken == 0) taken = e.cycle;
  });
  p.faults().delay_next_irq(kDelay);
  SeededCopy& c = slot.emplace(ctx, 4096);
  if (dev.submit(c.req) != 0 || dev.wait(c.req, kTimeoutNs) != 0 || c.req.status != 0 || !c.arrived()) {
    ctx.fail(checker::kFaultHandling, "the copy did not complete after a delayed interrupt");
  }
  if (taken < raised + kDelay) {
    ctx.fail(checker::kFaultInjection,
             fmt::format("the interrupt raised at {} was taken at {}: not delayed", raised, taken));
  }
  ctx.note(fmt::format("interrupt raised at cycle {}, taken at {}", raised, taken));
  dev.remove();
}

void memory_stall(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::optional<SeededCopy> slot;  // outlives the device, on every path
  tce::TceDevice dev(p.hal());
  if (!probe(ctx, dev)) return;
  constexpr std::uint64_t kStall = 20'000;
  std::uint64_t stalled_at = 0;
  p.scheduler().when(is_doorbell, [&] {
    stalled_at = p.cycle();
    p.faults().stall_memory(0, kStall);
  });
  SeededCopy& c = slot.emplace(ctx, 8192);
  if (dev.submit(c.req) != 0 || dev.wait(c.req, kTimeoutNs) != 0 || c.req.status != 0 || !c.arrived()) {
    ctx.fail(checker::kFaultHandling, "the copy did not complete after the memory stall");
  }
  if (p.cycle() < stalled_at + kStall) ctx.fail(checker::kFaultInjection, "the copy finished inside the stall");
  dev.remove();
}

void memory_stall_forever(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  tce::DeviceConfig cfg;
  cfg.watchdog_ns = 20'000;
  cfg.max_retries = 2;
  std::optional<SeededCopy> slot;  // outlives the device, on every path
  tce::TceDevice dev(p.hal(), cfg);
  if (!probe(ctx, dev)) return;
  p.scheduler().when(is_doorbell, [&] { p.faults().stall_memory(0, FaultInjector::kForever); });
  SeededCopy& c = slot.emplace(ctx, 4096);
  if (dev.submit(c.req) != 0) ctx.fail(checker::kDriver, "submit failed");
  if (dev.wait(c.req, kTimeoutNs) != 0) {
    ctx.fail(checker::kFaultHandling, "the request never finished: the watchdog gave up on nothing");
  } else if (c.req.status != -ETIMEDOUT) {
    ctx.fail(checker::kFaultHandling,
             fmt::format("a copy into stalled memory ended with {}, not -ETIMEDOUT", c.req.status));
  }
  if (dev.stats().watchdog_resets != cfg.max_retries + 1) {
    ctx.fail(checker::kFaultHandling,
             fmt::format("{} watchdog resets, expected {}", dev.stats().watchdog_resets, cfg.max_retries + 1));
  }
  dev.remove();
}

void bus_error(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::optional<SeededCopy> slots[2];  // outlive the device, on every path
  tce::TceDevice dev(p.hal());
  if (!probe(ctx, dev)) return;
  SeededCopy& bad = slots[0].emplace(ctx, 4096);
  SeededCopy& good = slots[1].emplace(ctx, 4096);
  const std::uint64_t dst = p.memory().bus_of(bad.dst, bad.len);
  p.faults().bus_error(0, dst + 1000, dst + 1001, false, true);
  if (dev.submit(bad.req) != 0 || dev.wait(bad.req, kTimeoutNs) != 0) {
    ctx.fail(checker::kFaultHandling, "the failing copy did not finish");
  } else if (bad.req.status != -EIO || bad.req.err_code != tce::reg::ErrCode::kDstWrite) {
    ctx.fail(checker::kFaultHandling, fmt::format("a destination bus error ended with {} ({}), not -EIO (DST_WRITE)",
                                                  bad.req.status, tce::reg::to_string(bad.req.err_code)));
  }
  if (dev.submit(good.req) != 0 || dev.wait(good.req, kTimeoutNs) != 0 || good.req.status != 0 || !good.arrived()) {
    ctx.fail(checker::kFaultHandling, "the channel did not work again after the error");
  }
  dev.remove();
}

void surprise_removal(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::optional<SeededCopy> slots[2];  // outlive the device, on every path
  tce::TceDevice dev(p.hal());
  if (!probe(ctx, dev)) return;
  p.scheduler().when(is_doorbell,
                     [&] { p.scheduler().at_cycle(p.cycle() + 200, [&] { p.faults().surprise_removal(0); }); });
  SeededCopy& c = slots[0].emplace(ctx, 64 * 1024);
  SeededCopy& later = slots[1].emplace(ctx, 64);
  if (dev.submit(c.req) != 0) ctx.fail(checker::kDriver, "submit failed");
  if (dev.wait(c.req, 100'000) != 0 || c.req.status != -ENODEV) {
    ctx.fail(checker::kFaultHandling,
             fmt::format("the copy in flight at the removal ended with {}, not -ENODEV", c.req.status));
  }
  if (dev.submit(later.req) != -ENODEV) ctx.fail(checker::kFaultHandling, "a submit after the removal was not -ENODEV");
  if (!dev.removed()) ctx.fail(checker::kFaultHandling, "the driver did not notice the removal");
  dev.remove();
}

const ScenarioRegistrar kIrqDelayed({"fault_irq_delayed",
                                     "the completion interrupt reaches the CPU 3000 cycles late; the copy completes",
                                     "", nullptr, irq_delayed});
const ScenarioRegistrar kStall({"fault_memory_stall",
                                "host memory stalls 20000 cycles at the doorbell; the copy completes after it", "",
                                nullptr, memory_stall});
const ScenarioRegistrar kStallForever({"fault_memory_stall_forever",
                                       "host memory never answers again; the watchdog retries twice, then the "
                                       "request fails -ETIMEDOUT",
                                       "", nullptr, memory_stall_forever});
const ScenarioRegistrar kBusError({"fault_bus_error",
                                   "a destination write answers SLVERR; the request fails -EIO (code 3), the next "
                                   "copy succeeds",
                                   "", nullptr, bus_error});
const ScenarioRegistrar kRemoval({"fault_surprise_removal",
                                  "the device is unplugged mid-copy; the request fails -ENODEV, later submits too, "
                                  "nothing hangs",
                                  "", nullptr, surprise_removal});

}  // namespace
}  // namespace tandem
