// Surprise removal of the second of two devices (a device list: the default TCE and a
// four-channel one): its request in flight fails -ENODEV, its driver notices, while the
// first device goes on copying as if nothing happened. The checkers that forgive an
// unplugged device's answers (DECERR, reads of all ones, silent interrupt lines) forgive
// them of the device the fault names, and of no other.
#include <fmt/core.h>

#include <cerrno>
#include <memory>
#include <optional>

#include "probed_devices.hpp"
#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

constexpr unsigned kGone = 1;  // the device unplugged; device 0 stays

void remove_second(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::optional<SeededCopy> slots[3];  // outlive the devices, on every path
  std::unique_ptr<tce::TceDevice> dev[2];
  if (!probe_devices(ctx, dev, 2)) return;
  // Unplugged 200 cycles after its doorbell: mid-copy.
  p.scheduler().when(
      [](const Event& e) {
        return e.kind == EventKind::kCsrAccess && e.write && e.device == kGone &&
               e.addr == tce::reg::RING_TAIL::offset(0);
      },
      [&p] { p.scheduler().at_cycle(p.cycle() + 200, [&p] { p.faults().surprise_removal(kGone); }); });
  SeededCopy& gone = slots[0].emplace(ctx, 64 * 1024);
  SeededCopy& kept = slots[1].emplace(ctx, 16 * 1024);
  if (dev[kGone]->submit(gone.req) != 0 || dev[0]->submit(kept.req) != 0) ctx.fail(checker::kDriver, "submit failed");
  if (dev[kGone]->wait(gone.req, 100'000) != 0 || gone.req.status != -ENODEV) {
    ctx.fail(checker::kFaultHandling,
             fmt::format("the copy in flight on the unplugged device ended with {}, not -ENODEV", gone.req.status));
  }
  if (dev[0]->wait(kept.req, 400'000) != 0 || kept.req.status != 0 || !kept.arrived()) {
    ctx.fail(checker::kCompletion, "the copy on the device still plugged in did not complete right");
  }
  SeededCopy& after = slots[2].emplace(ctx, 4096);
  if (dev[0]->submit(after.req) != 0 || dev[0]->wait(after.req, 400'000) != 0 || after.req.status != 0 ||
      !after.arrived()) {
    ctx.fail(checker::kCompletion, "a copy on the device still plugged in failed after the other's removal");
  }
  if (!dev[kGone]->removed() || dev[0]->removed()) {
    ctx.fail(checker::kFaultHandling, "the drivers did not tell the unplugged device from the other");
  }
  for (auto& d : dev) d->remove();
}

const ScenarioRegistrar kRemoveSecond({"fault_surprise_removal_second",
                                       "the second of two devices is unplugged mid-copy; its request fails -ENODEV, "
                                       "the first device's copies complete",
                                       "",
                                       [](PlatformConfig& c) {
                                         c.device_list = {{"tce", "default"}, {"tce", "ch4"}};
                                       },
                                       remove_second});

}  // namespace
}  // namespace tandem
