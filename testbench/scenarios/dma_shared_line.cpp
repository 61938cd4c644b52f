// Two TCE devices on one interrupt line: each driver instance handles its own device's
// events and answers "not mine" for the other's, and copies on both devices complete.
#include <fmt/core.h>

#include <cstring>
#include <memory>

#include "probed_devices.hpp"
#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

void shared_line(ScenarioContext& ctx, SimCpu&) {
  struct Copy {
    std::uint8_t *src, *dst;
    std::uint32_t len;
    tce::CopyRequest req;
  };
  Copy copies[2][3];  // declared first: the requests outlive the devices, on every path
  std::unique_ptr<tce::TceDevice> dev[2];
  if (!probe_devices(ctx, dev, 2)) return;
  for (unsigned d = 0; d < 2; ++d) {
    for (auto& c : copies[d]) {
      c.len = static_cast<std::uint32_t>(ctx.rng().range(100, 6000));
      c.src = ctx.host_buffer(c.len);
      c.dst = ctx.host_buffer(c.len);
      for (std::uint32_t i = 0; i < c.len; ++i) c.src[i] = static_cast<std::uint8_t>(ctx.rng().next());
      c.req.src = {{c.src, c.len}};
      c.req.dst = {{c.dst, c.len}};
      if (dev[d]->submit(c.req) != 0) ctx.fail(checker::kDriver, fmt::format("submit on device {} failed", d));
    }
  }
  for (unsigned d = 0; d < 2; ++d) {
    for (auto& c : copies[d]) {
      if (dev[d]->wait(c.req, 400'000) != 0 || c.req.status != 0 || std::memcmp(c.src, c.dst, c.len) != 0) {
        ctx.fail(checker::kCompletion, fmt::format("a copy on device {} did not complete right", d));
      }
    }
  }
  // On a shared line each handler also sees the other device's interrupts: "not mine".
  const unsigned not_mine = dev[0]->stats().spurious_irqs + dev[1]->stats().spurious_irqs;
  if (not_mine == 0) ctx.fail(checker::kSharedLine, "no handler ever answered \"not mine\": the line was not shared");
  ctx.note(fmt::format("{} interrupts answered \"not mine\" by one of the two drivers", not_mine));
  for (auto& d : dev) d->remove();
}

const ScenarioRegistrar kShared({"dma_shared_line",
                                 "two devices share one interrupt line; each driver takes only its own events", "",
                                 [](PlatformConfig& c) {
                                   c.devices = 2;
                                   c.share_irq_lines = true;
                                 },
                                 shared_line});

}  // namespace
}  // namespace tandem
