// A storm on a shared line: two devices share their interrupt lines, and the driver of
// device 1 never clears its device's status. Both handlers run on every take (device 0's
// answers "not mine"), on a CPU that spends 40 cycles of driver work per HAL call, so the
// line is taken no faster than a busy healthy one: counting takes per window would miss it.
// What shows the storm is that its devices stop making progress; irq_storm must catch it
// first, within 100,000 cycles.
#include <fmt/core.h>

#include <memory>

#include "no_ack_hal.hpp"
#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

constexpr std::uint64_t kTimeoutNs = 400'000;

void storm_on_shared_line(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  // The requests are declared before the devices: they outlive the devices' use of them.
  SeededCopy good[] = {SeededCopy(ctx, static_cast<std::uint32_t>(ctx.rng().range(100, 4000))),
                       SeededCopy(ctx, static_cast<std::uint32_t>(ctx.rng().range(100, 4000)))};
  SeededCopy bad(ctx, static_cast<std::uint32_t>(ctx.rng().range(100, 4000)));
  NoAckHal no_ack(p.hal(1));
  tce::TceDevice dev0(p.hal(0));
  tce::TceDevice dev1(no_ack);
  if (dev0.probe() != 0 || dev1.probe() != 0) {
    ctx.fail(checker::kDriver, "probe failed");
    return;
  }
  for (SeededCopy& c : good) {
    if (dev0.submit(c.req) != 0) ctx.fail(checker::kDriver, "submit on device 0 failed");
  }
  if (dev1.submit(bad.req) != 0) ctx.fail(checker::kDriver, "submit on device 1 failed");
  for (SeededCopy& c : good) {
    if (dev0.wait(c.req, kTimeoutNs) != 0) ctx.fail(checker::kCompletion, "a copy on device 0 did not complete");
  }
  if (dev1.wait(bad.req, kTimeoutNs) != 0) ctx.fail(checker::kCompletion, "the copy on device 1 did not complete");
  dev1.remove();
  dev0.remove();
}

const ScenarioRegistrar kStormShared({"xfail_irq_storm_shared",
                                      "two devices share a line and one driver never clears its device: the line "
                                      "is taken for ever while device 0 answers \"not mine\"; irq_storm must "
                                      "catch it first, and fast",
                                      checker::kIrqStorm,
                                      [](PlatformConfig& c) {
                                        c.devices = 2;
                                        c.share_irq_lines = true;
                                        c.hal_call_cycles = 40;
                                      },
                                      storm_on_shared_line});

}  // namespace
}  // namespace tandem
