// Seeded RTL bugs that prove the timing checker's two device bounds: both run on the
// `slowtiming` RTL variant, whose read answers come 5 cycles after their handshake (spec
// section 2: within 4) and whose interrupt lines rise 3 cycles after their events (the
// device's bound without coalescing: 2). On the default RTL both scenarios run clean.
#include <fmt/core.h>

#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

constexpr std::uint64_t kCopyTimeoutNs = 200'000;
constexpr std::uint64_t kSelfTestTimeoutNs = 10'000;

// The release driver probes and runs one seeded copy: its first register read is late.
void probe_and_copy(ScenarioContext& ctx, SimCpu&) {
  tce::TceDevice dev(ctx.platform().hal(), {});
  if (!probe_or_fail(ctx, dev)) return;
  CheckedCopy copy(ctx, random_shape(ctx.rng(), 1, 4096, 4));
  copy_and_check(ctx, dev, copy, kCopyTimeoutNs);
  dev.remove();
}

// An interrupt self-test by register writes only (the variant's late reads stay out of
// it): a seeded event raised through IRQ_TEST with its enable set, on vector 0 in LEVEL
// mode (the reset routing), and a handler that masks it. The line rises late. Each handler
// call makes a register write, so time passes while a late line is still falling.
void irq_self_test(ScenarioContext& ctx, SimCpu&) {
  tce::Hal& hal = ctx.platform().hal();
  const std::uint32_t event =
      1u << static_cast<unsigned>(ctx.rng().range(0, 3));  // CH_DONE or CH_ERR of channel 0 or 1
  bool taken = false;
  const int rc = hal.request_irq(0, tce::Trigger::kLevelHigh, [&hal, &taken] {
    hal.write32(r::IRQ_ENABLE::kOffset, 0);
    const bool mine = !taken;  // after the first call, masked already: nothing of ours pending
    taken = true;
    return mine ? tce::IrqReturn::kHandled : tce::IrqReturn::kNone;
  });
  if (rc != 0) {
    ctx.fail(checker::kScenario, fmt::format("request_irq failed: {}", rc));
    return;
  }
  hal.write32(r::IRQ_ENABLE::kOffset, event);
  hal.write32(r::IRQ_TEST::kOffset, event);
  if (hal.wait_until([&taken] { return taken; }, kSelfTestTimeoutNs) != 0) {
    ctx.fail(checker::kIrqMode, fmt::format("the self-test event 0x{:03x} raised no interrupt", event));
  }
  hal.write32(r::IRQ_ENABLE::kOffset, 0);  // masked, so clearing what was never read loses nothing
  hal.write32(r::IRQ_STATUS::kOffset, event);
  hal.free_irq(0);
}

const ScenarioRegistrar kSlowCsr({
    "xfail_timing_slow_csr",
    "the release driver probes and copies on RTL whose read answers come 5 cycles after their handshake: the "
    "timing checker must catch the first late answer",
    checker::kTiming,
    nullptr,
    probe_and_copy,
    {"slowtiming"},
});

const ScenarioRegistrar kLateIrq({
    "xfail_timing_late_irq",
    "an interrupt self-test by register writes (IRQ_TEST) on RTL whose lines rise 3 cycles after their events: "
    "the timing checker must catch the late line",
    checker::kTiming,
    nullptr,
    irq_self_test,
    {"slowtiming"},
});

}  // namespace
}  // namespace tandem
