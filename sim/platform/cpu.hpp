// A simulated CPU: one SystemC thread running driver code natively, and what the driver's
// HAL (sim/platform/platform_hal.hpp) does on it. Every register access is a real AXI4-Lite transaction and
// costs the cycles the bus takes; every HAL call also costs a configurable number of
// cycles of "other driver work". Interrupts preempt the CPU only between two HAL calls and
// only while it has them enabled (lock_irqsave disables them).
#pragma once

#include <systemc>

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "cpu_platform.hpp"
#include "hal.hpp"

namespace tandem {

enum class CpuContext { kIdle, kProcess, kIsr, kBottomHalf };

// The HAL call a CPU is in, as the waves show it (by the names to_string gives them, in
// gen/gtkwave/tandem_hal_call.gtkwf).
enum class HalCall : std::uint8_t {
  kNone,
  kRead32,
  kWrite32,
  kWmb,
  kRmb,
  kDmaAlloc,
  kDmaFree,
  kSyncForDevice,
  kSyncForCpu,
  kDmaMap,
  kDmaUnmap,
  kRequestIrq,
  kFreeIrq,
  kLock,
  kUnlock,
  kScheduleWork,
  kStartTimer,
  kCancelTimer,
  kWait,
  kWakeAll
};
const char* to_string(HalCall call);
// A HAL call's target when it has none.
inline constexpr std::uint64_t kNoTarget = ~std::uint64_t{0};
// Whether a call's target is a register offset (else a region's bus address).
inline bool targets_register(HalCall call) {
  return call == HalCall::kRead32 || call == HalCall::kWrite32;
}
const char* to_string(CpuContext context);

class SimCpu : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(SimCpu);
  SimCpu(sc_core::sc_module_name name, CpuPlatform& platform, unsigned id);

  // What this CPU runs, in process context, once the device is out of reset.
  void set_program(std::function<void(SimCpu&)> program) { program_ = std::move(program); }
  unsigned id() const { return id_; }
  CpuContext context() const { return context_; }
  std::string who() const;  // "cpu0 isr": the CPU and its context, as the run log names it
  bool finished() const { return finished_; }
  bool irqs_enabled() const { return irqs_enabled_; }
  // Whether an interrupt could preempt this CPU before its next HAL call.
  bool takes_interrupts() const { return irqs_enabled_ && context_ != CpuContext::kIsr; }
  // Takes the interrupts pending for this CPU now (from a boundary hook, before a call).
  void interrupt_here() { take_interrupts(); }
  std::size_t work_pending() const { return work_.size(); }
  // Interrupt pending for this CPU (from the platform interrupt controller).
  void raise_irq() { irq_event_.notify(); }
  void wake() { wake_event_.notify(); }
  // The run is stopped early: wakes the CPU wherever it waits, so that its program runs to
  // its end at once and destroys what it made.
  void stop();
  // Whether the calling SystemC process is this CPU's (the one running its program).
  bool is_current() const;

  // What the HAL's calls do on this CPU, for device `device` where one is named.
  std::uint32_t csr_read(unsigned device, std::uint32_t offset) { return csr_access(device, false, offset, 0); }
  void csr_write(unsigned device, std::uint32_t offset, std::uint32_t value) {
    csr_access(device, true, offset, value);
  }
  int request_line(unsigned line, tce::Trigger trigger, tce::Hal::IrqHandler handler, unsigned owner);
  // DMA memory for one device among several (the events name it).
  int dma_alloc(unsigned device, std::size_t size, tce::DmaRegion* out);
  void dma_free(unsigned device, tce::DmaRegion& region);
  int dma_map(unsigned device, void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus);
  void dma_unmap(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir);
  void free_line(unsigned line, unsigned owner);
  void wmb();
  void rmb();
  void dma_sync_for_device(const tce::DmaRegion& region);
  void dma_sync_for_cpu(const tce::DmaRegion& region);
  tce::IrqState lock_irqsave(tce::SpinLock& lock);
  void unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state);
  void schedule_work(std::function<void()> work);
  tce::TimerId start_timer(unsigned device, std::uint64_t delay_ns, std::function<void()> work);
  void cancel_timer(tce::TimerId timer);
  // Also for scenarios that make several CPUs meet (bounded, as the HAL's).
  [[nodiscard]] int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns);
  void wake_all();
  std::uint64_t now_ns();
  void log(tce::LogLevel level, const char* message);

 private:
  void thread();
  void timer_thread();
  // Where every HAL call starts; `target` names its register offset (in `device`) or region (bus address).
  void begin_call(HalCall call, std::uint64_t target = kNoTarget, unsigned device = kNoDevice);
  int wait_after_stop(const std::function<bool()>& done, std::uint64_t timeout_ns);
  bool may_give_up();
  void set_context(CpuContext context);
  void settle();
  void take_interrupts();
  void run_work();
  std::uint32_t csr_access(unsigned device, bool write, std::uint32_t offset, std::uint32_t value);

  CpuPlatform& platform_;
  unsigned id_;
  std::function<void(SimCpu&)> program_;
  CpuContext context_ = CpuContext::kIdle;
  bool irqs_enabled_ = true;
  bool in_work_ = false;
  bool finished_ = false;
  std::uint64_t after_stop_ns_ = 0;  // how far the program's clock ran on after an early stop
  bool waiting_after_stop_ = false;
  std::deque<std::function<void()>> work_;
  sc_core::sc_process_handle thread_;
  sc_core::sc_event irq_event_, wake_event_, csr_done_;
  sc_core::sc_event stop_event_;  // notified only by stop(): timed waits end with it
};

}  // namespace tandem
