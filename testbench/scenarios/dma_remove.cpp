// remove() while large copies are in flight on every channel: the driver must stop the
// channels and see the device idle before it unmaps the buffers and frees the rings. Any
// device access after that is a DMA fault (the dma_fault checker), any mapping left a leak
// (dma_leak); the moment of removal is seeded, somewhere inside the copies' bursts.
#include <fmt/core.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

constexpr std::uint32_t kLen = 256 * 1024;        // tens of thousands of cycles per copy
constexpr std::uint64_t kAfterRemoveNs = 20'000;  // time for a late access to show up

struct Copy {
  tce::CopyRequest req;
  std::uint8_t* src = nullptr;
  std::uint8_t* dst = nullptr;
};

void remove_in_flight(ScenarioContext& ctx, SimCpu& cpu) {
  std::vector<std::unique_ptr<Copy>> copies;  // declared first: outlives the device
  tce::TceDevice dev(ctx.platform().hal());
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  // One copy per channel: the driver hands requests to the rings in turn.
  for (unsigned c = 0; c < dev.info().channels; ++c) {
    auto copy = std::make_unique<Copy>();
    copy->src = ctx.host_buffer(kLen);
    copy->dst = ctx.host_buffer(kLen);
    for (std::uint32_t i = 0; i < kLen; i += 8) copy->src[i] = static_cast<std::uint8_t>(ctx.rng().next());
    copy->req.src = {{copy->src, kLen}};
    copy->req.dst = {{copy->dst, kLen}};
    if (int rc = dev.submit(copy->req); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("submit on channel {} failed: {}", c, rc));
      return;
    }
    copies.push_back(std::move(copy));
  }
  const std::uint64_t delay = ctx.rng().range(100, 5000);
  (void)cpu.wait_until([] { return false; }, delay);
  for (const auto& c : copies) {
    if (c->req.state() != tce::RequestState::kIssued) {
      ctx.fail(checker::kScenario, "a copy was no longer on its ring when remove() began: nothing was in flight");
      return;
    }
  }
  ctx.note(
      fmt::format("remove() {} ns after the submits, {} copies of {} bytes in flight", delay, copies.size(), kLen));
  dev.remove();
  for (const auto& c : copies) {
    if (c->req.status != -ENODEV) {
      ctx.fail(checker::kCompletion,
               fmt::format("a copy cut short by remove() finished with {}, not -ENODEV", c->req.status));
    }
  }
  (void)cpu.wait_until([] { return false; }, kAfterRemoveNs);
}

const ScenarioRegistrar kRemoveInFlight({
    "dma_remove_in_flight",
    "remove() with a large copy in flight on every channel: no DMA after the buffers are unmapped, no leak",
    "",
    nullptr,
    remove_in_flight,
});

}  // namespace
}  // namespace tandem
