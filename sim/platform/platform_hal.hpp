// The driver's HAL for one device of the platform, as a kernel's is: each call runs on the
// simulated CPU whose thread makes it, so one driver instance serves every CPU. Register
// accesses reach this device's CSR window; interrupt vectors map to its lines.
#pragma once

#include "hal.hpp"

namespace tandem {

class CpuPlatform;
class SimCpu;

class PlatformHal : public tce::Hal {
 public:
  PlatformHal(CpuPlatform& platform, unsigned device) : platform_(platform), device_(device) {}

  std::uint32_t read32(std::uint32_t offset) override;
  void write32(std::uint32_t offset, std::uint32_t value) override;
  void wmb() override;
  void rmb() override;
  int dma_alloc(std::size_t size, tce::DmaRegion* out) override;
  void dma_free(tce::DmaRegion& region) override;
  void dma_sync_for_device(const tce::DmaRegion& region, std::size_t offset, std::size_t len) override;
  void dma_sync_for_cpu(const tce::DmaRegion& region, std::size_t offset, std::size_t len) override;
  int dma_map(void* p, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) override;
  void dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) override;
  int request_irq(unsigned vector, tce::Trigger trigger, IrqHandler handler) override;
  void free_irq(unsigned vector) override;
  tce::IrqState lock_irqsave(tce::SpinLock& lock) override;
  void unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state) override;
  void schedule_work(std::function<void()> work) override;
  tce::TimerId start_timer(std::uint64_t delay_ns, std::function<void()> work) override;
  void cancel_timer(tce::TimerId timer) override;
  int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) override;
  void wake_all() override;
  std::uint64_t now_ns() override;
  void log(tce::LogLevel level, const char* message) override;

 private:
  SimCpu& cpu();
  CpuPlatform& platform_;
  unsigned device_;
};

}  // namespace tandem
