// A HAL that makes one resource call fail: the k-th dma_alloc, dma_map or request_irq
// returns an error instead of reaching the platform. It also counts what the driver holds
// through it (allocations, mappings, interrupt registrations), so a scenario can check
// that a failed probe or submit released everything.
#pragma once

#include <cerrno>

#include "hal_decorator.hpp"

namespace tandem {

enum class HalResource { kDmaAlloc, kDmaMap, kRequestIrq };
const char* to_string(HalResource r);

class FailingHal : public HalDecorator {
 public:
  // fail_at: 1 for the first call of `which`, 0 for never.
  FailingHal(tce::Hal& inner, HalResource which, unsigned fail_at) : HalDecorator(inner), which_(which), at_(fail_at) {}

  int dma_alloc(std::size_t size, tce::DmaRegion* out) override {
    if (fails(HalResource::kDmaAlloc)) return -ENOMEM;
    const int rc = inner_.dma_alloc(size, out);
    allocs_ += rc == 0;
    return rc;
  }
  void dma_free(tce::DmaRegion& r) override {
    --allocs_;
    inner_.dma_free(r);
  }
  int dma_map(void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) override {
    if (fails(HalResource::kDmaMap)) return -EFAULT;
    const int rc = inner_.dma_map(cpu, len, dir, bus);
    maps_ += rc == 0;
    return rc;
  }
  void dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) override {
    --maps_;
    inner_.dma_unmap(bus, len, dir);
  }
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    if (fails(HalResource::kRequestIrq)) return -EBUSY;
    const int rc = inner_.request_irq(v, t, std::move(h));
    irqs_ += rc == 0;
    return rc;
  }
  void free_irq(unsigned v) override {
    --irqs_;
    inner_.free_irq(v);
  }

  unsigned calls() const { return calls_; }  // of `which` so far
  bool injected() const { return injected_; }
  int live_allocs() const { return allocs_; }
  int live_maps() const { return maps_; }
  int live_irqs() const { return irqs_; }

 private:
  bool fails(HalResource r) {
    if (r != which_) return false;
    injected_ = injected_ || ++calls_ == at_;
    return calls_ == at_;
  }
  HalResource which_;
  unsigned at_;
  unsigned calls_ = 0;
  bool injected_ = false;
  int allocs_ = 0, maps_ = 0, irqs_ = 0;
};

}  // namespace tandem
