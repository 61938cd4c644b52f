// The simulated SoC: host memory, the device engine, the platform interrupt controller and
// the CPUs, wired together, with the routing of device interrupts to the CPUs' handlers.
// It publishes what happens (events()) and judges nothing: checkers subscribe and report
// failures through fail(). Scripting (scheduler()) and fault injection (faults()) are parts
// of their own. Construct it during elaboration, give each CPU its program, run().
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "boundary_hook.hpp"
#include "cpu.hpp"
#include "device_events.hpp"
#include "device_harness.hpp"
#include "dma_mappings.hpp"
#include "driver_timers.hpp"
#include "engine.hpp"
#include "events.hpp"
#include "fault_injector.hpp"
#include "hold_clock.hpp"
#include "host_memory.hpp"
#include "irq_handlers.hpp"
#include "lock_handoff.hpp"
#include "pic.hpp"
#include "platform_hal.hpp"
#include "run_control.hpp"
#include "run_log.hpp"
#include "scheduler.hpp"
#include "store_buffer.hpp"
#include "store_buffer_drain.hpp"

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
  Engine& engine() { return *engine_; }
  Pic& pic() { return pic_; }
  SimCpu& cpu(unsigned i) { return *cpus_.at(i); }
  unsigned cpus() const { return static_cast<unsigned>(cpus_.size()); }
  // The driver's HAL: each call runs on the CPU that makes it.
  tce::Hal& hal(unsigned device = 0) { return *hals_.at(device); }
  // The CPU whose thread is running now; a call from any other process is a usage error.
  SimCpu& current_cpu();
  int current_cpu_id() const;  // -1 outside any CPU's thread
  RunLog& log() { return log_; }
  std::uint64_t cycle() const { return harness_->cycle(); }

  // Runs until every CPU's program returned, the cycle limit, or stop_run(). Then publishes
  // kRunEnd (observers make their end-of-run checks) and closes the waves.
  void run() { run_.run(); }
  bool programs_finished() const { return run_.programs_finished(); }

  // Ends the run early (a checker that saw enough, an RTL assertion, the cycle limit): the
  // CPUs' programs run to their end at once, their objects destroyed, and the simulation stops.
  void stop_run() { run_.stop(); }
  bool stopping() const { return run_.stopping(); }

  // Checkers report here, in the order they fire; the run passes only if nobody did.
  void fail(const std::string& checker, const std::string& message) { run_.fail(checker, message); }
  const std::vector<Failure>& failures() const { return run_.failures(); }
  // How each checker's name shows in the waves: the first failure's id is a step of the
  // checker_fail signal at its cycle.
  void set_failure_ids(std::function<std::uint8_t(const std::string& checker)> id) { run_.failure_id = std::move(id); }

  // Everything that happens, for observers (sim/events.hpp).
  EventBus& events() { return events_; }
  void publish(Event e) {
    // Faults also show in the waves, as steps of a counter.
    if (e.kind == EventKind::kDmaFault) ++*harness_->probes().dma_faults;
    if (e.kind == EventKind::kFault) ++*harness_->probes().injected_faults;
    if (run_.winding_down() || !events_.wanted(e.kind)) return;  // observers see nothing of the wind-down
    if (e.cycle == 0) e.cycle = cycle();
    events_.publish(e);
  }

  // The platform's parts: scripting, fault injection, the driver's DMA mappings and timers,
  // the events of the devices' buses, and the CPUs' store buffer (nullptr when writes land at
  // once).
  Scheduler& scheduler() { return *scheduler_; }
  FaultInjector& faults() { return faults_; }
  DmaMappings& dma() { return dma_; }
  DriverTimers& timers() { return timers_; }
  DeviceEvents& device_events() { return device_events_; }
  StoreBuffer* store_buffer() { return store_buffer_.get(); }
  StoreBufferDrain* store_buffer_drain() { return store_buffer_drain_.get(); }

  // Interrupt routing: the interrupt controller line that device `device`'s vector `vector`
  // drives, and its level (the OR of every device output wired to it); the handlers the
  // drivers registered on the lines.
  unsigned line_of(unsigned device, unsigned vector) const {
    return config_.share_irq_lines ? vector : device * kVectorsPerDevice + vector;
  }
  bool line_level(unsigned line) const;
  IrqHandlers& irq_handlers() { return irq_handlers_; }

  // What runs before every HAL call of every CPU (none: nullptr), e.g. sim/boundaries.hpp.
  BoundaryHook* boundary_hook() const { return boundary_hook_; }
  void set_boundary_hook(BoundaryHook* hook) { boundary_hook_ = hook; }
  // The cycles in which a schedule held some CPU, for bounds that must not count them.
  HoldClock& holds() { return holds_; }
  std::uint64_t unheld_cycle() const { return holds_.unheld(cycle()); }

  // For the CPUs.
  void cpu_finished() { run_.cpu_finished(); }
  void wake_all_cpus();
  LockHandoff& lock_state(const tce::SpinLock& lock) { return locks_[&lock]; }
  // Whether CPU `waiter` spins on a spinlock that CPU `owner` holds.
  bool spins_on(unsigned waiter, unsigned owner) const;

 private:
  void device_irq_changed(unsigned device, unsigned vector);
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
  std::map<const tce::SpinLock*, LockHandoff> locks_;
  std::vector<bool> line_level_;  // what the interrupt controller was last told
  EventBus events_;
  std::unique_ptr<Scheduler> scheduler_;
  FaultInjector faults_;
  DmaMappings dma_;
  DeviceEvents device_events_;
  IrqHandlers irq_handlers_;
  DriverTimers timers_;
  RunControl run_;
  std::unique_ptr<StoreBuffer> store_buffer_;
  std::unique_ptr<StoreBufferDrain> store_buffer_drain_;
  BoundaryHook* boundary_hook_ = nullptr;
  HoldClock holds_;
};

}  // namespace tandem
