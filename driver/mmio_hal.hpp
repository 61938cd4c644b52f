// The HAL for real hardware under Linux: the CSR window mapped from a UIO device
// (/dev/uioN) or /dev/mem; DMA memory carved from one physically contiguous buffer whose
// bus address is known (a udmabuf, or reserved memory through /dev/mem); the interrupt
// from the UIO file descriptor (a read returns the interrupt count; writing 1 unmasks).
// There is no IOMMU here: only memory from the DMA pool can be mapped for the device.
//
// Interrupts, deferred work and timers run on the thread that waits (wait_until), as in a
// user-space UIO driver; the lock is a mutex. Built and tested on ordinary files.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "hal.hpp"
#include "timer_queue.hpp"

namespace tce {

struct MmioConfig {
  std::string csr_path;  // e.g. /dev/uio0 (offset 0 = map 0) or /dev/mem
  std::uint64_t csr_offset = 0;
  std::size_t csr_size = 4096;
  std::string dma_path;  // e.g. /dev/udmabuf0 or /dev/mem
  std::uint64_t dma_offset = 0;
  std::size_t dma_size = 0;
  std::uint64_t dma_bus = 0;  // the bus address of the pool's first byte
  int irq_fd = -1;            // an open UIO descriptor, or -1 for no interrupt (polling)
};

class MmioHal : public Hal {
 public:
  // Maps what the config names. Returns 0, or -errno of the open/mmap that failed (with a
  // message through the logger); nothing stays open on failure.
  [[nodiscard]] static int open(const MmioConfig& config, std::unique_ptr<MmioHal>* out);
  ~MmioHal() override;

  std::uint32_t read32(std::uint32_t offset) override;
  void write32(std::uint32_t offset, std::uint32_t value) override;
  void wmb() override;
  void rmb() override;
  int dma_alloc(std::size_t size, DmaRegion* out) override;
  void dma_free(DmaRegion& region) override;
  void dma_sync_for_device(const DmaRegion&, std::size_t, std::size_t) override { wmb(); }
  void dma_sync_for_cpu(const DmaRegion&, std::size_t, std::size_t) override { rmb(); }
  int dma_map(void* cpu, std::size_t len, DmaDir dir, std::uint64_t* bus) override;
  void dma_unmap(std::uint64_t bus, std::size_t len, DmaDir dir) override;
  int request_irq(unsigned vector, Trigger trigger, IrqHandler handler) override;
  void free_irq(unsigned vector) override;
  IrqState lock_irqsave(SpinLock& lock) override;
  void unlock_irqrestore(SpinLock& lock, IrqState state) override;
  void schedule_work(std::function<void()> work) override;
  TimerId start_timer(std::uint64_t delay_ns, std::function<void()> work) override;
  void cancel_timer(TimerId timer) override;
  int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) override;
  void wake_all() override {}
  std::uint64_t now_ns() override;
  void log(LogLevel level, const char* message) override;

  // Live DMA allocations and mappings: 0 after a driver unwound completely.
  int live_dma() const { return static_cast<int>(allocs_.size() + mappings_); }
  unsigned char* dma_pool() const { return dma_; }

 private:
  MmioHal() = default;
  void run_pending();
  void take_interrupt();

  MmioConfig config_;
  int csr_fd_ = -1, dma_fd_ = -1;
  volatile std::uint32_t* csr_ = nullptr;
  unsigned char* dma_ = nullptr;
  std::map<std::size_t, std::size_t> allocs_;  // offset -> size
  int mappings_ = 0;
  IrqHandler handler_;
  std::recursive_mutex mutex_;  // the driver's spinlocks; recursive: a timer may take it inside a wait
  std::deque<std::function<void()>> work_;
  TimerQueue timers_;
};

}  // namespace tce
