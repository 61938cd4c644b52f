// A strict HAL for driver unit tests: register accesses must match an ordered list of
// expectations (like OpenTitan's mock_mmio). A mismatch is recorded, not thrown, so a
// test sees every problem through problems(). Also counts live resources to prove unwinding.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hal.hpp"
#include "timer_queue.hpp"

namespace tce::testing {

class MockHal : public Hal {
 public:
  // Expectations, consumed in order.
  // `then` runs right after the read: the device changing while the driver looks.
  void expect_read(std::uint32_t offset, std::uint32_t value, std::function<void()> then = {});
  void expect_write(std::uint32_t offset, std::uint32_t value);
  // What every unexpected or mismatched access, and every expectation left over, said.
  std::vector<std::string> problems() const;

  // Failure injection.
  int dma_alloc_rc = 0;                 // returned by dma_alloc when not 0 ...
  int dma_alloc_fails_after = 0;        // ... once this many allocations succeeded
  int request_irq_rc = 0;               // returned by request_irq when not 0 ...
  unsigned request_irq_fails_from = 0;  // ... for vectors from this one on

  // Delivers an interrupt to the handler of vector v (interrupt context), then returns what
  // it returned; run_work() runs the deferred work it scheduled.
  IrqReturn fire_irq(unsigned vector);
  void run_work();

  // Memory the device can reach, for request buffers (dma_map refuses any other).
  unsigned char* alloc_buffer(std::size_t size);

  // Advances mock time, running every timer that falls due on the way.
  void advance_time(std::uint64_t ns);

  // Resources alive now: coherent regions, streaming mappings, interrupt registrations,
  // timers. A driver that unwound completely leaves all at 0.
  int live_dma() const { return static_cast<int>(regions_.size()); }
  int live_mappings() const { return static_cast<int>(mappings_.size()); }
  int live_irqs() const { return static_cast<int>(handlers_.size()); }
  int live_timers() const { return static_cast<int>(timers_.size()); }
  int leaks() const { return live_dma() + live_mappings() + live_irqs() + live_timers(); }
  int barriers() const { return wmb_count_; }
  Trigger trigger_of(unsigned vector) const { return triggers_.at(vector); }
  // Whether some spinlock is held right now (completion callbacks must see false).
  bool lock_held() const { return !irqs_enabled_; }
  // The CPU view of the region allocated at a bus address (nullptr if none).
  unsigned char* cpu_of(std::uint64_t bus) const;

  std::uint32_t read32(std::uint32_t offset) override;
  void write32(std::uint32_t offset, std::uint32_t value) override;
  void wmb() override { ++wmb_count_; }
  void rmb() override {}
  int dma_alloc(std::size_t size, DmaRegion* out) override;
  void dma_free(DmaRegion& region) override;
  void dma_sync_for_device(const DmaRegion&, std::size_t, std::size_t) override {}
  void dma_sync_for_cpu(const DmaRegion&, std::size_t, std::size_t) override {}
  int dma_map(void* cpu, std::size_t len, DmaDir dir, std::uint64_t* bus) override;
  void dma_unmap(std::uint64_t bus, std::size_t len, DmaDir dir) override;
  int request_irq(unsigned vector, Trigger trigger, IrqHandler handler) override;
  void free_irq(unsigned vector) override;
  IrqState lock_irqsave(SpinLock& lock) override;
  void unlock_irqrestore(SpinLock& lock, IrqState state) override;
  void schedule_work(std::function<void()> work) override { work_.push_back(std::move(work)); }
  TimerId start_timer(std::uint64_t delay_ns, std::function<void()> work) override;
  void cancel_timer(TimerId timer) override { timers_.cancel(timer); }
  int wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) override;
  void wake_all() override {}
  std::uint64_t now_ns() override { return now_ns_; }
  void log(LogLevel level, const char* message) override;

  std::vector<std::string> log_lines;

 private:
  struct Access {
    bool write;
    std::uint32_t offset;
    std::uint32_t value;
    std::function<void()> then;
  };
  std::string describe(bool write, std::uint32_t offset, std::uint32_t value) const;

  std::deque<Access> expected_;
  std::vector<std::string> problems_;
  std::map<std::uint64_t, std::unique_ptr<unsigned char[]>> regions_;
  std::uint64_t next_bus_ = 0x1000'0000;
  std::map<unsigned, IrqHandler> handlers_;
  std::map<unsigned, Trigger> triggers_;
  std::vector<std::unique_ptr<unsigned char[]>> buffers_;
  std::vector<std::pair<unsigned char*, std::size_t>> buffer_spans_;
  std::multimap<std::uint64_t, std::pair<std::size_t, DmaDir>> mappings_;  // by bus address, several per address
  TimerQueue timers_;
  std::vector<std::function<void()>> work_;
  bool irqs_enabled_ = true;
  int wmb_count_ = 0;
  int allocs_ = 0;
  std::uint64_t now_ns_ = 0;
};

}  // namespace tce::testing
