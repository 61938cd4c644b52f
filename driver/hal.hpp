// The driver's one seam to hardware. The driver core sees registers, barriers, DMA memory,
// interrupts, locks, deferred work, bounded waits, time and a log only through this
// interface. Implementations: the simulated platform (sim/), a strict mock for unit
// tests (driver/testing/) and a memory-mapped one for real hardware.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>

#include "hal_types.hpp"

namespace tce {

enum class IrqReturn { kNone, kHandled };  // kNone: "not mine" (shared lines)
enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Coherent DMA memory: the CPU's view and the bus address the device uses.
struct DmaRegion {
  void* cpu = nullptr;
  std::uint64_t bus = 0;
  std::size_t size = 0;
};

// An irq-save spinlock. Its state belongs to the HAL that takes it.
struct SpinLock {
  int owner = -1;
};
using IrqState = bool;          // were interrupts enabled before lock_irqsave
using TimerId = std::uint64_t;  // 0 is never a timer

class Hal {
 public:
  virtual ~Hal() = default;

  // Registers: 32-bit accesses at a byte offset of the device's CSR window.
  virtual std::uint32_t read32(std::uint32_t offset) = 0;
  virtual void write32(std::uint32_t offset, std::uint32_t value) = 0;

  // wmb: CPU writes to DMA memory reach the device before any later register write.
  // rmb: register reads complete before later reads of DMA memory.
  virtual void wmb() = 0;
  virtual void rmb() = 0;

  // Coherent DMA memory (rings): allocated and mapped for the device in both directions
  // until freed. Returns 0 or -ENOMEM. Syncs hand a byte range to the device or back.
  [[nodiscard]] virtual int dma_alloc(std::size_t size, DmaRegion* out) = 0;
  virtual void dma_free(DmaRegion& region) = 0;
  virtual void dma_sync_for_device(const DmaRegion& region, std::size_t offset, std::size_t len) = 0;
  virtual void dma_sync_for_cpu(const DmaRegion& region, std::size_t offset, std::size_t len) = 0;

  // Streaming mappings of memory the caller owns (request buffers): the device may reach
  // [bus, bus + len) in direction `dir` until dma_unmap. Returns 0, -EFAULT (memory the
  // device cannot reach), -EINVAL (len 0) or -ENOMEM (no mapping space).
  [[nodiscard]] virtual int dma_map(void* cpu, std::size_t len, DmaDir dir, std::uint64_t* bus) = 0;
  virtual void dma_unmap(std::uint64_t bus, std::size_t len, DmaDir dir) = 0;

  // Interrupts. The handler runs in interrupt context with interrupts disabled on its CPU.
  // Returns 0, -EINVAL for a vector the platform does not have, -EBUSY if already taken.
  using IrqHandler = std::function<IrqReturn()>;
  [[nodiscard]] virtual int request_irq(unsigned vector, Trigger trigger, IrqHandler handler) = 0;
  virtual void free_irq(unsigned vector) = 0;

  // Spinlock that also disables interrupts on the calling CPU; never held across a wait.
  virtual IrqState lock_irqsave(SpinLock& lock) = 0;
  virtual void unlock_irqrestore(SpinLock& lock, IrqState state) = 0;

  // Deferred work (bottom half): runs soon after the current interrupt, interrupts enabled.
  virtual void schedule_work(std::function<void()> work) = 0;

  // Runs `work` in bottom-half context once, `delay_ns` from now, unless cancelled first.
  // cancel_timer of a timer that already ran, or of 0, does nothing.
  virtual TimerId start_timer(std::uint64_t delay_ns, std::function<void()> work) = 0;
  virtual void cancel_timer(TimerId timer) = 0;

  // Waits until done() is true, taking interrupts meanwhile. Returns 0 or -ETIMEDOUT.
  [[nodiscard]] virtual int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) = 0;
  // Makes every waiter re-check its condition (call after completing work).
  virtual void wake_all() = 0;

  virtual std::uint64_t now_ns() = 0;
  virtual void log(LogLevel level, const char* message) = 0;

  // log() with a printf-style message; a message longer than a line is cut.
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  void
  logf(LogLevel level, const char* format, ...) {
    char line[kLogLineBytes];
    std::va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    log(level, line);
  }
  static constexpr std::size_t kLogLineBytes = 160;
};

// Holds an irq-save spinlock for a scope.
class IrqLockGuard {
 public:
  IrqLockGuard(Hal& hal, SpinLock& lock) : hal_(hal), lock_(lock), state_(hal.lock_irqsave(lock)) {}
  ~IrqLockGuard() { hal_.unlock_irqrestore(lock_, state_); }
  IrqLockGuard(const IrqLockGuard&) = delete;
  IrqLockGuard& operator=(const IrqLockGuard&) = delete;

 private:
  Hal& hal_;
  SpinLock& lock_;
  IrqState state_;
};

}  // namespace tce
