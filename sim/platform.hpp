// The simulated SoC: host memory, the device engine, the platform interrupt controller and
// the CPUs, with fault injection. It publishes what happens (events()) and judges nothing:
// checkers subscribe and report failures through fail(). Construct it during elaboration,
// give each CPU its program, run().
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cpu.hpp"
#include "device_facts.hpp"
#include "device_harness.hpp"
#include "engine.hpp"
#include "events.hpp"
#include "host_memory.hpp"
#include "iommu.hpp"
#include "pic.hpp"
#include "platform_hal.hpp"
#include "run_log.hpp"
#include "store_buffer.hpp"

namespace tandem {

struct PlatformConfig {
  PlatformConfig() { memory.backpressure_percent = 10; }
  unsigned cpus = 1;
  // The RTL variant every device of the platform is (rtl/CMakeLists.txt registers them).
  std::string variant = "default";
  // TCE instances (1 or 2). Device d's vector v drives interrupt line 4d + v, or line v of
  // a line every device shares (level lines are wired-OR).
  unsigned devices = 1;
  bool share_irq_lines = false;
  unsigned hal_call_cycles = 10;  // driver work charged per HAL call
  MemConfig memory;               // with some back-pressure on every channel, seeded by the run's seed
  EngineConfig engine;
  std::string fst_path;  // empty: no waves
  // Weak ordering: CPU writes to coherent DMA memory drain within this many cycles unless
  // a barrier or sync drains them first (0: no store buffer, writes land at once).
  std::uint64_t store_buffer_delay = 2000;
  // ... and stay at least this long (a seeded ordering bug must bite on every seed).
  std::uint64_t store_buffer_min_delay = 0;
  std::uint64_t seed = 1;  // for the store buffer's delays
  // What the contract checkers (testbench/checkers/) hold a scenario to, in cycles: from a
  // device's interrupt signal to its handler, and the longest one handler call may run.
  std::uint64_t irq_service_bound = 60'000;
  std::uint64_t isr_budget = 5'000;
};

struct Failure {
  std::string checker;
  std::string message;
  std::uint64_t cycle;
};

class Platform {
 public:
  Platform(const PlatformConfig& config, RunLog& log);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  const PlatformConfig& config() const { return config_; }
  HostMemory& memory() { return memory_; }
  DeviceHarness& harness(unsigned device = 0) { return *harnesses_.at(device); }
  unsigned devices() const { return static_cast<unsigned>(harnesses_.size()); }
  // The interrupt controller line that device `device`'s vector `vector` drives.
  unsigned line_of(unsigned device, unsigned vector) const {
    return config_.share_irq_lines ? vector : device * kVectorsPerDevice + vector;
  }
  Engine& engine() { return *engine_; }
  Pic& pic() { return pic_; }
  SimCpu& cpu(unsigned i) { return *cpus_.at(i); }
  // The driver's HAL: each call runs on the CPU that makes it.
  tce::Hal& hal(unsigned device = 0) { return *hals_.at(device); }
  // The CPU whose thread is running now; a call from any other process is a usage error.
  SimCpu& current_cpu();
  int current_cpu_id() const;  // -1 outside any CPU's thread
  RunLog& log() { return log_; }
  std::uint64_t cycle() const { return harness_->cycle(); }

  // Runs until every CPU's program returned, the cycle limit, or stop_run(). Then publishes
  // kRunEnd (observers make their end-of-run checks) and closes the waves.
  void run();
  bool programs_finished() const;

  // Ends the run early (a checker that saw enough, an RTL assertion, the cycle limit): the
  // CPUs' programs run to their end at once, their objects destroyed, and the simulation stops.
  void stop_run();
  bool stopping() const { return stopping_; }

  // Checkers report here, in the order they fire; the run passes only if nobody did.
  void fail(const std::string& checker, const std::string& message);
  const std::vector<Failure>& failures() const { return failures_; }

  Iommu& iommu() { return iommu_; }
  // The CPUs' store buffer (nullptr when writes land at once).
  StoreBuffer* store_buffer() { return store_buffer_.get(); }
  // At each HAL call: give new CPU writes their drain time and drain what is due.
  void store_buffer_tick(unsigned cpu);
  void schedule_drain(std::uint64_t next);
  const std::vector<DmaFault>& dma_faults() const { return dma_faults_; }

  // A CPU's register access completed: published, with what it shows (a power state).
  void csr_completed(Event e);

  // Everything that happens, for observers (sim/events.hpp).
  EventBus& events() { return events_; }
  void publish(Event e) {
    // Faults also show in the waves, as steps of a counter.
    if (e.kind == EventKind::kDmaFault) ++*harness_->probes().dma_faults;
    if (e.kind == EventKind::kFault) ++*harness_->probes().injected_faults;
    if (winding_down_ || !events_.wanted(e.kind)) return;  // observers see nothing of the wind-down
    if (e.cycle == 0) e.cycle = cycle();
    events_.publish(e);
  }

  // Scripting: `action` runs at `cycle` (at once if that is past) in the platform's scheduler
  // process, so it must not wait; or once, right after the first event for which `condition`
  // holds.
  void at_cycle(std::uint64_t cycle, std::function<void()> action);
  void when(std::function<bool(const Event&)> condition, std::function<void()> action);

  // Fault injection. Each is published as a kFault event.
  // The next n rising edges of device interrupt lines never reach the interrupt controller.
  void drop_next_irqs(unsigned n);
  // The next rising edge reaches the interrupt controller `cycles` late.
  void delay_next_irq(std::uint64_t cycles);
  // The next request_irq of `line` answers -EBUSY, as when another driver holds the line.
  void refuse_irq_request(unsigned line);
  // Host memory answers nothing for `cycles` (kForever: never again).
  static constexpr std::uint64_t kForever = ~std::uint64_t{0};
  void stall_memory(std::uint64_t cycles);
  // Bursts touching [begin, end) answer SLVERR.
  void bus_error(std::uint64_t begin, std::uint64_t end, bool reads, bool writes);
  // Every bus-error range set so far is lifted.
  void clear_bus_errors() { harness_->memory_port().clear_error_ranges(); }
  // The device is unplugged: CSR reads return all ones with DECERR, interrupts fall silent.
  void surprise_removal();
  bool device_removed() const { return harness_->csr().device_removed(); }

  // For the CPUs.
  // A line may be shared: every handler registered on it runs, each owner once.
  int register_irq(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler, unsigned owner);
  void unregister_irq(unsigned line, unsigned owner);
  tce::IrqReturn dispatch_irq(unsigned line);
  // Whether a handler of the line is running on some CPU (free_irq waits until none is).
  bool irq_running(unsigned line) const { return handlers_running_.count(line) != 0 && handlers_running_.at(line) > 0; }
  void cpu_finished();
  void wake_all_cpus();
  tce::TimerId next_timer_id() { return next_timer_++; }

  // Who gets a contended spinlock, decided by the simulation rather than by the order the
  // kernel runs CPU threads in: waiters queue by (cycle they started, CPU number), a release
  // hands the lock to the head, and a lock released in a cycle is taken by no one else in it.
  struct LockState {
    std::uint64_t released = ~std::uint64_t{0};
    std::vector<std::pair<std::uint64_t, unsigned>> waiters;  // sorted (cycle, cpu)
    void enqueue(std::uint64_t cycle, unsigned cpu) {
      auto key = std::make_pair(cycle, cpu);
      waiters.insert(std::upper_bound(waiters.begin(), waiters.end(), key), key);
    }
    unsigned head() const { return waiters.front().second; }
    unsigned pop() {
      const unsigned cpu = waiters.front().second;
      waiters.erase(waiters.begin());
      return cpu;
    }
    void remove(unsigned cpu) {
      waiters.erase(std::remove_if(waiters.begin(), waiters.end(), [cpu](const auto& w) { return w.second == cpu; }),
                    waiters.end());
    }
  };
  LockState& lock_state(const tce::SpinLock& lock) { return locks_[&lock]; }
  void drop_timer(tce::TimerId timer);
  void cancel_timer(tce::TimerId timer) { current_cpu().cancel_timer(timer); }
  // DMA mappings the driver holds: the IOMMU lets the device reach them.
  void dma_mapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir);
  void dma_unmapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir);

 private:
  void device_irq_changed(unsigned device, unsigned vector);
  bool line_level(unsigned line) const;  // the OR of every device output wired to it
  int add_handler(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler, unsigned owner);
  static constexpr unsigned kVectorsPerDevice = 4;

  PlatformConfig config_;
  RunLog& log_;
  HostMemory memory_;
  std::vector<std::unique_ptr<DeviceHarness>> harnesses_;
  DeviceHarness* harness_ = nullptr;  // device 0: faults and probes act on it
  std::unique_ptr<Engine> engine_;
  Pic pic_;
  std::vector<std::unique_ptr<SimCpu>> cpus_;
  std::vector<std::unique_ptr<PlatformHal>> hals_;
  std::vector<DeviceFacts> facts_;  // per device
  tce::TimerId next_timer_ = 1;
  std::map<const tce::SpinLock*, LockState> locks_;
  std::map<unsigned, std::vector<std::pair<unsigned, tce::Hal::IrqHandler>>> handlers_;  // by line: (owner, handler)
  std::map<unsigned, unsigned> handlers_running_;  // by line: dispatches under way
  std::vector<bool> line_level_;                   // what the interrupt controller was last told
  std::vector<Failure> failures_;
  unsigned drop_irqs_ = 0;
  std::set<unsigned> refused_lines_;  // refuse_irq_request()
  std::uint64_t delay_irq_ = 0;
  EventBus events_;
  std::vector<EventBus::Subscription> scripted_;  // when(): lives as long as the platform
  std::vector<bool> suppressed_;                  // line high, but its edge was dropped
  Iommu iommu_;
  std::unique_ptr<StoreBuffer> store_buffer_;
  void drain_thread();
  void scheduler_thread();
  void wake_scheduler();
  sc_core::sc_event scheduled_wakeup_;
  std::multimap<std::uint64_t, std::function<void()>> scheduled_;  // at_cycle() actions by cycle
  sc_core::sc_event drain_wakeup_;
  std::uint64_t drain_scheduled_ = 0;  // the cycle the drain process waits for (0: none)
  std::vector<DmaFault> dma_faults_;
  bool stopping_ = false;
  bool winding_down_ = false;  // stopped early, programs still ending
};

}  // namespace tandem
