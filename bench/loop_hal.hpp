// The benchmark's baseline: the driver's HAL straight over DeviceHarness, in one C++ loop
// with no SystemC. Same cost model as the simulated CPU (cycles per HAL call, interrupts
// taken between calls while enabled), one CPU, host memory coherent.
#pragma once

#include <deque>
#include <functional>
#include <map>

#include "device_harness.hpp"
#include "hal.hpp"

namespace tandem {

class LoopHal : public tce::Hal {
 public:
  LoopHal(DeviceHarness& harness, HostMemory& memory, unsigned call_cycles)
      : h_(harness), mem_(memory), call_cycles_(call_cycles) {}

  std::uint32_t read32(std::uint32_t offset) override { return access(false, offset, 0); }
  void write32(std::uint32_t offset, std::uint32_t value) override { access(true, offset, value); }
  void wmb() override { begin_call(); }
  void rmb() override { begin_call(); }
  int dma_alloc(std::size_t size, tce::DmaRegion* out) override;
  void dma_free(tce::DmaRegion& region) override;
  void dma_sync_for_device(const tce::DmaRegion&, std::size_t, std::size_t) override { begin_call(); }
  void dma_sync_for_cpu(const tce::DmaRegion&, std::size_t, std::size_t) override { begin_call(); }
  int dma_map(void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) override;
  void dma_unmap(std::uint64_t, std::size_t, tce::DmaDir) override { begin_call(); }
  int request_irq(unsigned vector, tce::Trigger trigger, IrqHandler handler) override;
  void free_irq(unsigned) override;
  tce::IrqState lock_irqsave(tce::SpinLock& lock) override;
  void unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state) override;
  void schedule_work(std::function<void()> work) override;
  // Timers are not modelled here: the benchmark's workload runs none to completion (its
  // driver's watchdog is cancelled by every completion), so they are dropped.
  tce::TimerId start_timer(std::uint64_t, std::function<void()>) override;
  void cancel_timer(tce::TimerId) override { begin_call(); }
  int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) override;
  void wake_all() override { begin_call(); }
  std::uint64_t now_ns() override { return h_.cycle(); }
  void log(tce::LogLevel, const char*) override {}

 private:
  std::uint32_t access(bool write, std::uint32_t offset, std::uint32_t value);
  void begin_call();
  void advance(std::uint64_t cycles);
  void take_interrupts();
  void run_work();

  DeviceHarness& h_;
  HostMemory& mem_;
  unsigned call_cycles_;
  std::map<unsigned, IrqHandler> handlers_;  // by line
  bool irqs_enabled_ = true, in_isr_ = false, in_work_ = false;
  std::deque<std::function<void()>> work_;
  tce::TimerId next_timer_ = 1;
};

}  // namespace tandem
