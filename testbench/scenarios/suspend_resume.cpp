// Suspend and resume with traffic in flight, several times. The driver promises
// (driver/tce_device.hpp) that suspend drains the rings, bounded, and returns 0, or -EBUSY
// and runs on; that resume restores what D3 lost and issues the work queued meanwhile.
// Checked by the contract: after a 0 every request that was on a ring has finished, work
// submitted while suspended waits; after resume the configuration registers read back as
// before suspend, and new copies complete by interrupt within a bound, so a driver that
// forgot to restore IRQ_ENABLE fails by the completion checker.
#include <fmt/core.h>

#include <cerrno>
#include <memory>
#include <utility>
#include <vector>

#include "hal_decorator.hpp"
#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;
constexpr std::uint64_t kTimeoutNs = 150'000;
constexpr unsigned kCycles = 4;            // the last one with the rings kept busy
constexpr std::uint64_t kStall = 250'000;  // longer than the driver's pm_timeout_ns (200 us)
using Copies = std::vector<std::unique_ptr<CheckedCopy>>;

// The registers probe programs, which D3 resets and resume must restore.
std::vector<std::pair<std::uint32_t, std::uint32_t>> context(tce::Hal& hal, const tce::TceDevice& dev) {
  std::vector<std::uint32_t> offsets = {r::IRQ_ENABLE::kOffset, r::IRQ_MODE::kOffset, r::IRQ_VEC_MAP::kOffset,
                                        r::CTRL::kOffset};
  for (unsigned c = 0; c < dev.info().channels; ++c) {
    offsets.insert(offsets.end(),
                   {r::RING_BASE_LO::offset(c), r::RING_BASE_HI::offset(c), r::RING_SIZE_LOG2::offset(c)});
  }
  for (unsigned v = 0; v < dev.info().vectors; ++v) offsets.push_back(r::IRQ_COALESCE::offset(v));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> values;
  values.reserve(offsets.size());
  for (std::uint32_t o : offsets) values.emplace_back(o, hal.read32(o));
  return values;
}

bool submit_some(ScenarioContext& ctx, tce::TceDevice& dev, Copies& copies, unsigned n) {
  for (unsigned i = 0; i < n; ++i) {
    copies.push_back(std::make_unique<CheckedCopy>(ctx, random_shape(ctx.rng(), 1, 4096, 3)));
    if (int rc = dev.submit(copies.back()->request()); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
      return false;
    }
  }
  return true;
}

bool all_done(ScenarioContext& ctx, tce::TceDevice& dev, Copies& copies, std::size_t from, const char* when) {
  for (std::size_t i = from; i < copies.size(); ++i) {
    tce::CopyRequest& req = copies[i]->request();
    if (!finished_in_time(ctx, dev, req, kTimeoutNs) || req.status != 0) {
      ctx.fail(checker::kCompletion, fmt::format("{}: a copy did not complete in time (status {})", when, req.status));
      return false;
    }
    if (!copies[i]->verify(ctx)) return false;
  }
  return true;
}

// With `stalled`, host memory stops answering before the copies go out and for longer than
// suspend may wait: the rings cannot drain, and suspend must refuse with -EBUSY.
bool one_cycle(ScenarioContext& ctx, tce::Hal& hal, tce::TceDevice& dev, Copies& copies, unsigned cycle, bool stalled) {
  const std::size_t first = copies.size();
  if (stalled) ctx.platform().faults().stall_memory(0, kStall);
  if (!submit_some(ctx, dev, copies, static_cast<unsigned>(ctx.rng().range(1, 6)))) return false;
  const auto before = context(hal, dev);
  const int rc = dev.suspend();
  std::size_t waiting = copies.size();
  if (stalled && rc != -EBUSY)
    ctx.fail(checker::kPm, fmt::format("suspend with busy rings returned {}, not -EBUSY", rc));
  if (rc == 0) {
    for (std::size_t i = first; i < copies.size(); ++i) {
      if (!copies[i]->request().finished()) {
        ctx.fail(checker::kCompletion, "suspend returned 0 with a request still on a ring");
        return false;
      }
    }
    // Work submitted in D3 waits in software until resume.
    if (!submit_some(ctx, dev, copies, 2)) return false;
    (void)hal.wait_until([] { return false; }, 2000);
    for (std::size_t i = waiting; i < copies.size(); ++i) {
      if (copies[i]->request().finished())
        ctx.fail(checker::kCompletion, "a request submitted while suspended finished");
    }
  } else if (rc != -EBUSY) {
    ctx.fail(checker::kDriver, fmt::format("suspend returned {}, neither 0 nor -EBUSY", rc));
    return false;
  }
  if (int back = dev.resume(); back != 0) {
    ctx.fail(checker::kDriver, fmt::format("resume failed: {}", back));
    return false;
  }
  for (const auto& [offset, value] : context(hal, dev)) {
    const auto was = std::find_if(before.begin(), before.end(), [o = offset](const auto& b) { return b.first == o; });
    if (was->second != value) {
      ctx.fail(checker::kPmContext,
               fmt::format("after resume {}, register 0x{:03x} reads 0x{:08x}, before suspend 0x{:08x}", cycle, offset,
                           value, was->second));
    }
  }
  ctx.note(fmt::format("cycle {}: suspend {}, {} requests waited in D3", cycle, rc, copies.size() - waiting));
  if (!all_done(ctx, dev, copies, first, "around suspend")) return false;
  // New copies after resume, each completed by its interrupt.
  const std::size_t fresh = copies.size();
  return submit_some(ctx, dev, copies, 3) && all_done(ctx, dev, copies, fresh, "after resume");
}

void suspend_resume(ScenarioContext& ctx, tce::Hal& hal) {
  Copies copies;  // outlive the device's use of them
  tce::DeviceConfig cfg;
  switch (ctx.rng().range(0, 3)) {
    case 0: break;
    case 1: cfg.irq_mode = tce::IrqMode::kPulse; break;
    case 2: cfg.read_to_clear = true; break;
    default: cfg.coalesce_count = 3, cfg.coalesce_timer_cycles = 1500;
  }
  tce::TceDevice dev(hal, cfg);
  if (!probe_or_fail(ctx, dev)) return;
  for (unsigned c = 0; c < kCycles; ++c) {
    if (!one_cycle(ctx, hal, dev, copies, c, c == kCycles - 1)) break;
  }
  dev.remove();
}

Scenario make(const char* name, const char* summary, std::string_view expect,
              std::function<void(ScenarioContext&, SimCpu&)> body) {
  Scenario s{name, summary, expect, nullptr, std::move(body)};
  s.variants = {"default", "rev1", "ch1", "ch4"};
  return s;
}

const ScenarioRegistrar kSuspend(
    make("pm_suspend_resume",
         "four suspend/resume cycles with copies in flight and queued in D3 (the last refused -EBUSY: "
         "memory stalled); context read back and interrupts working after each resume",
         "", [](ScenarioContext& ctx, SimCpu&) { suspend_resume(ctx, ctx.platform().hal()); }));

// The wake-up takes 64 cycles (spec section 7); resume polls PM_STATUS, since no interrupt
// can tell it (IRQ_ENABLE is still 0 after D3), and returns within a poll interval or two.
void resume_latency(ScenarioContext& ctx) {
  constexpr std::uint64_t kBound = 5000;  // 64 cycles of wake-up plus a few HAL calls
  Platform& p = ctx.platform();
  tce::TceDevice dev(p.hal());
  if (!probe_or_fail(ctx, dev)) return;
  if (int rc = dev.suspend(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("suspend of an idle device failed: {}", rc));
    return;
  }
  const std::uint64_t start = p.cycle();
  if (int rc = dev.resume(); rc != 0) ctx.fail(checker::kDriver, fmt::format("resume failed: {}", rc));
  if (p.cycle() - start > kBound) {
    ctx.fail(checker::kPmLatency, fmt::format("resume took {} cycles for a 64-cycle wake-up", p.cycle() - start));
  }
  dev.remove();
}

const ScenarioRegistrar kLatency(make("pm_resume_latency", "resume returns soon after the device's 64-cycle wake-up",
                                      "", [](ScenarioContext& ctx, SimCpu&) { resume_latency(ctx); }));

// A driver bug: resume forgets IRQ_ENABLE (every write of it after the first wake-up is lost).
class ForgetIrqEnableHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    if (offset == r::PM_CTRL::kOffset && value == 0) woke_ = true;
    if (offset == r::IRQ_ENABLE::kOffset && woke_) return;
    inner_.write32(offset, value);
  }

 private:
  bool woke_ = false;
};

const ScenarioRegistrar kForget(make("xfail_resume_forgets_irq_enable",
                                     "pm_suspend_resume with a driver whose resume does not restore IRQ_ENABLE: "
                                     "IRQ_ENABLE is not restored before the first doorbell and power must fail it",
                                     checker::kPower, [](ScenarioContext& ctx, SimCpu&) {
                                       ForgetIrqEnableHal hal(ctx.platform().hal());
                                       suspend_resume(ctx, hal);
                                     }));

}  // namespace
}  // namespace tandem
