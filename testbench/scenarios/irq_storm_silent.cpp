// A storm from a handler that makes no HAL call at all: it answers "handled" without
// touching its device, so a level line stays up. Driver code costs simulated time only
// through HAL calls; unless taking an interrupt costs time of its own, the line is taken
// again and again in zero simulated time and the run never ends. irq_storm must catch it
// first, and the run must end within a few seconds.
#include <fmt/core.h>

#include "scenario.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

constexpr std::uint64_t kWaitNs = 1'000'000;  // far beyond irq_storm's window

void silent_handler(ScenarioContext& ctx, SimCpu&) {
  tce::Hal& hal = ctx.platform().hal();
  // A seeded event of channel 0 or 1, raised by IRQ_TEST on vector 0 (the reset routing, LEVEL).
  const std::uint32_t event = 1u << static_cast<unsigned>(ctx.rng().range(0, 3));
  const int rc = hal.request_irq(0, tce::Trigger::kLevelHigh, [] {
    return tce::IrqReturn::kHandled;  // the bug: the device is never cleared, not even read
  });
  if (rc != 0) {
    ctx.fail(checker::kScenario, fmt::format("request_irq failed: {}", rc));
    return;
  }
  hal.write32(r::IRQ_ENABLE::kOffset, event);
  hal.write32(r::IRQ_TEST::kOffset, event);
  (void)hal.wait_until([] { return false; }, kWaitNs);  // interrupted until irq_storm stops the run
  hal.write32(r::IRQ_ENABLE::kOffset, 0);               // masked, so clearing what was never read loses nothing
  hal.write32(r::IRQ_STATUS::kOffset, event);
  hal.free_irq(0);
}

const ScenarioRegistrar kSilentHandler({"xfail_irq_storm_silent_handler",
                                        "a handler that makes no HAL call leaves its level line up: the line is "
                                        "taken again at once; irq_storm must catch it first, in bounded time",
                                        checker::kIrqStorm, nullptr, silent_handler});

}  // namespace
}  // namespace tandem
