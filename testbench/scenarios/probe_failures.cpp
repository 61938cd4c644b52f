// Resource failures during probe and submit: the k-th dma_alloc, dma_map or request_irq
// fails, k on a seeded schedule over every call probe or submit makes. Probe (or submit)
// must return that error, and nothing may stay held: the HAL's own counts of live
// allocations, mappings and interrupt registrations are zero afterwards, and the
// platform's dma_leak and irq_api checkers watch too. After each failure a clean probe
// and a copy must still work.
#include <fmt/core.h>

#include <memory>

#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "support/failing_hal.hpp"
#include "tce_device.hpp"

namespace tandem {

const char* to_string(HalResource r) {
  switch (r) {
    case HalResource::kDmaAlloc: return "dma_alloc";
    case HalResource::kDmaMap: return "dma_map";
    case HalResource::kRequestIrq: return "request_irq";
  }
  return "?";
}

namespace {

constexpr std::uint64_t kTimeoutNs = 200'000;
constexpr unsigned kSegments = 4;  // per side of the copy whose mappings fail

void held_nothing(ScenarioContext& ctx, const FailingHal& hal, const char* when) {
  if (hal.live_allocs() != 0 || hal.live_maps() != 0 || hal.live_irqs() != 0) {
    ctx.fail(checker::kDmaLeak, fmt::format("{}: {} allocations, {} mappings, {} interrupts still held", when,
                                            hal.live_allocs(), hal.live_maps(), hal.live_irqs()));
  }
  if (!ctx.platform().iommu().mappings().empty()) {
    ctx.fail(checker::kDmaLeak,
             fmt::format("{}: {} IOMMU mappings still held", when, ctx.platform().iommu().mappings().size()));
  }
}

// One attempt with the k-th call of `which` failing. Returns the calls of `which` made,
// so that the schedule knows when k went past the last one.
unsigned attempt(ScenarioContext& ctx, HalResource which, unsigned k) {
  CheckedCopy copy(ctx, CopyShape{256, kSegments, kSegments, 1, 6});  // outlives the device's use of it
  FailingHal hal(ctx.platform().hal(), which, k);
  {
    tce::TceDevice dev(hal);
    const int rc = dev.probe();
    if (which != HalResource::kDmaMap) {
      if (hal.injected() && rc == 0)
        ctx.fail(checker::kDriver, fmt::format("probe ignored a failed {} {}", to_string(which), k));
      if (!hal.injected() && rc != 0)
        ctx.fail(checker::kDriver, fmt::format("probe failed with nothing injected: {}", rc));
      if (rc != 0) held_nothing(ctx, hal, fmt::format("after a failed {} {}", to_string(which), k).c_str());
    } else if (rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    } else {
      const int sub = dev.submit(copy.request());
      if (hal.injected() && sub == 0) ctx.fail(checker::kDriver, fmt::format("submit ignored a failed dma_map {}", k));
      if (sub != 0 && hal.live_maps() != 0) {
        ctx.fail(checker::kDmaLeak, fmt::format("a failed submit left {} mappings", hal.live_maps()));
      }
      if (sub == 0 && (!finished_in_time(ctx, dev, copy.request(), kTimeoutNs) || copy.request().status != 0)) {
        ctx.fail(checker::kCompletion, "the copy did not complete");
      } else if (sub == 0) {
        copy.verify(ctx);
      }
    }
  }  // the device is removed here
  held_nothing(ctx, hal, "after remove");
  return hal.calls();
}

void probe_failures(ScenarioContext& ctx, SimCpu&) {
  for (HalResource which : {HalResource::kDmaAlloc, HalResource::kRequestIrq, HalResource::kDmaMap}) {
    // k from 1 up by seeded steps, until a run made fewer calls than k (nothing failed).
    unsigned injected = 0;
    for (auto k = static_cast<unsigned>(ctx.rng().range(1, 2));; k += static_cast<unsigned>(ctx.rng().range(1, 2))) {
      if (attempt(ctx, which, k) < k) break;
      ++injected;
    }
    ctx.note(fmt::format("{}: {} failures injected", to_string(which), injected));
    if (injected == 0) ctx.fail(checker::kFaultInjection, fmt::format("no {} call was ever made", to_string(which)));
  }
  // And after all of it, a device that works.
  CheckedCopy copy(ctx, random_shape(ctx.rng(), 1, 4096, 4));
  tce::TceDevice dev(ctx.platform().hal());
  if (probe_or_fail(ctx, dev)) copy_and_check(ctx, dev, copy, kTimeoutNs);
  dev.remove();
}

Scenario make() {
  Scenario s{"probe_resource_failures",
             "the k-th dma_alloc, request_irq or dma_map fails: probe or submit returns the error and nothing "
             "stays held; then a clean probe and copy",
             "", nullptr, probe_failures};
  s.variants = {"default", "rev1", "ch4"};
  return s;
}
const ScenarioRegistrar kProbeFailures(make());

}  // namespace
}  // namespace tandem
