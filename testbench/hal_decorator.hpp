// A HAL that forwards every call to another: the base for seeded driver bugs, where a
// scenario overrides one call to make the driver misbehave in one precise way.
#pragma once

#include "hal.hpp"

namespace tandem {

class HalDecorator : public tce::Hal {
 public:
  explicit HalDecorator(tce::Hal& inner) : inner_(inner) {}

  std::uint32_t read32(std::uint32_t o) override { return inner_.read32(o); }
  void write32(std::uint32_t o, std::uint32_t v) override { inner_.write32(o, v); }
  void wmb() override { inner_.wmb(); }
  void rmb() override { inner_.rmb(); }
  int dma_alloc(std::size_t size, tce::DmaRegion* out) override { return inner_.dma_alloc(size, out); }
  void dma_free(tce::DmaRegion& r) override { inner_.dma_free(r); }
  void dma_sync_for_device(const tce::DmaRegion& r, std::size_t o, std::size_t l) override {
    inner_.dma_sync_for_device(r, o, l);
  }
  void dma_sync_for_cpu(const tce::DmaRegion& r, std::size_t o, std::size_t l) override {
    inner_.dma_sync_for_cpu(r, o, l);
  }
  int dma_map(void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) override {
    return inner_.dma_map(cpu, len, dir, bus);
  }
  void dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) override { inner_.dma_unmap(bus, len, dir); }
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override { return inner_.request_irq(v, t, std::move(h)); }
  void free_irq(unsigned v) override { inner_.free_irq(v); }
  tce::IrqState lock_irqsave(tce::SpinLock& l) override { return inner_.lock_irqsave(l); }
  void unlock_irqrestore(tce::SpinLock& l, tce::IrqState s) override { inner_.unlock_irqrestore(l, s); }
  void schedule_work(std::function<void()> w) override { inner_.schedule_work(std::move(w)); }
  tce::TimerId start_timer(std::uint64_t d, std::function<void()> w) override {
    return inner_.start_timer(d, std::move(w));
  }
  void cancel_timer(tce::TimerId t) override { inner_.cancel_timer(t); }
  int wait_until(const std::function<bool()>& done, std::uint64_t t) override { return inner_.wait_until(done, t); }
  void wake_all() override { inner_.wake_all(); }
  std::uint64_t now_ns() override { return inner_.now_ns(); }
  void log(tce::LogLevel l, const char* m) override { inner_.log(l, m); }

 protected:
  tce::Hal& inner_;
};

}  // namespace tandem
