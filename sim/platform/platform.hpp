// The simulated SoC, assembled: host memory, the devices and their engine, interrupt
// routing (irq()), the CPUs and their HALs, wired together. Its parts do the work: it
// publishes what happens (events()) and judges nothing: checkers subscribe and report
// failures through fail(). Scripting (scheduler()) and fault injection (faults()) are parts
// of their own; what the CPUs need of it (sim/platform/cpu_platform.hpp) only they can reach.
// Construct it during elaboration, give each CPU its program, run().
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "boundary_hook.hpp"
#include "cpu.hpp"
#include "cpu_platform.hpp"
#include "device_events.hpp"
#include "device_harness.hpp"
#include "device_list.hpp"
#include "dma_mappings.hpp"
#include "driver_timers.hpp"
#include "engine.hpp"
#include "events.hpp"
#include "fault_injector.hpp"
#include "hold_clock.hpp"
#include "host_memory.hpp"
#include "irq_routing.hpp"
#include "lock_handoff.hpp"
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
  // The devices, device 0 first: each its kind and RTL variant (sim/model/device_list.hpp). Empty:
  // the shorthand, `devices` devices of `variant` (rtl/CMakeLists.txt registers variants).
  // Each vector of each device drives an interrupt line of its own, or line v is every
  // device's vector v (level lines are wired-OR): sim/platform/irq_routing.hpp.
  std::vector<DeviceSpec> device_list;
  std::string variant = "default";
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

class Platform final : private CpuPlatform {
 public:
  Platform(const PlatformConfig& config, RunLog& log);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  const PlatformConfig& config() const { return config_; }
  HostMemory& memory() override { return memory_; }
  DeviceHarness& harness(unsigned device) { return *harnesses_.at(device); }
  unsigned devices() const { return static_cast<unsigned>(harnesses_.size()); }
  // A device's register at a CSR offset, named by the device's kind (device_kind.hpp).
  std::string register_name(unsigned device, std::uint32_t offset) const override {
    return tandem::register_name(harnesses_.at(device)->kind(), offset);
  }
  Engine& engine() override { return *engine_; }
  Pic& pic() { return irq_.pic(); }
  SimCpu& cpu(unsigned i) override { return *cpus_.at(i); }
  unsigned cpus() const override { return static_cast<unsigned>(cpus_.size()); }
  // The driver's HAL: each call runs on the CPU that makes it.
  tce::Hal& hal(unsigned device = 0) { return *hals_.at(device); }
  int current_cpu_id() const;  // the CPU whose thread is running now, -1 outside any CPU's
  RunLog& log() override { return log_; }
  std::uint64_t cycle() const override { return engine_->cycle(); }

  // Runs until every CPU's program returned, the cycle limit, or stop_run(). Then publishes
  // kRunEnd (observers make their end-of-run checks) and closes the waves.
  void run() { run_.run(); }
  bool programs_finished() const { return run_.programs_finished(); }

  // Ends the run early (a checker that saw enough, an RTL assertion, the cycle limit): the
  // CPUs' programs run to their end at once, their objects destroyed, and the simulation stops.
  void stop_run() { run_.stop(); }
  bool stopping() const override { return run_.stopping(); }

  // Checkers report here, in the order they fire; the run passes only if nobody did.
  void fail(const std::string& checker, const std::string& message) { run_.fail(checker, message); }
  const std::vector<Failure>& failures() const { return run_.failures(); }
  // How each checker's name shows in the waves: the first failure's id is a step of the
  // checker_fail signal at its cycle.
  void set_failure_ids(std::function<std::uint8_t(const std::string& checker)> id) { run_.failure_id = std::move(id); }

  // Everything that happens, for observers (sim/model/events.hpp).
  EventBus& events() { return events_; }
  void publish(Event e) override {
    // Faults also show in the waves, as steps of a counter of the device they concern.
    // A fault on the interrupt lines (no device) counts in the first device's probes.
    const unsigned counted = e.device == kNoDevice ? 0 : e.device;
    if (e.kind == EventKind::kDmaFault) ++*harness(counted).probes().dma_faults;
    if (e.kind == EventKind::kFault) ++*harness(counted).probes().injected_faults;
    if (run_.winding_down() || !events_.wanted(e.kind)) return;  // observers see nothing of the wind-down
    if (e.cycle == 0) e.cycle = cycle();
    events_.publish(e);
  }

  // The platform's parts: scripting, fault injection, the mappings the drivers hold in the
  // IOMMU, interrupt routing, and the CPUs' store buffer (nullptr when writes land at once).
  Scheduler& scheduler() { return *scheduler_; }
  FaultInjector& faults() { return faults_; }
  const Iommu& iommu() { return dma_.iommu(); }
  IrqRouting& irq() override { return irq_; }
  const DriverTimers& pending_timers() const { return timers_; }
  StoreBuffer* store_buffer() override { return store_buffer_.get(); }
  // The interrupt controller line that device `device`'s vector `vector` drives.
  unsigned line_of(unsigned device, unsigned vector) const { return irq_.line_of(device, vector); }

  // What runs before every HAL call of every CPU (none: nullptr), e.g. sim/platform/boundaries.hpp.
  void set_boundary_hook(BoundaryHook* hook) { boundary_hook_ = hook; }
  // The cycles in which a schedule held some CPU, for bounds that must not count them.
  HoldClock& holds() { return holds_; }
  std::uint64_t unheld_cycle() const { return holds_.unheld(cycle()); }

  // The CPUs' and the run's markers in the waves sit in the first device's top.
  const ProbePins& markers() const override { return harnesses_.front()->probes(); }
  // Whether CPU `waiter` spins on a spinlock that CPU `owner` holds (for exploration's holds).
  bool spins_on(unsigned waiter, unsigned owner) const;

 private:
  // CpuPlatform: for the CPUs and their HALs alone.
  unsigned hal_call_cycles() const override { return config_.hal_call_cycles; }
  unsigned reset_cycles() const override { return harnesses_.front()->reset_cycles(); }
  void cpu_finished() override { run_.cpu_finished(); }
  BoundaryHook* boundary_hook() const override { return boundary_hook_; }
  StoreBufferDrain* store_buffer_drain() override { return store_buffer_drain_.get(); }
  DmaMappings& dma() override { return dma_; }
  DriverTimers& timers() override { return timers_; }
  DeviceEvents& device_events() override { return device_events_; }
  LockHandoff& lock_state(const tce::SpinLock& lock) override { return locks_[&lock]; }
  SimCpu& current_cpu() override;
  void wake_all_cpus() override;

  PlatformConfig config_;
  RunLog& log_;
  HostMemory memory_;
  std::vector<std::unique_ptr<DeviceHarness>> harnesses_;
  std::unique_ptr<Engine> engine_;
  IrqRouting irq_;
  std::vector<std::unique_ptr<SimCpu>> cpus_;
  std::vector<std::unique_ptr<PlatformHal>> hals_;
  std::map<const tce::SpinLock*, LockHandoff> locks_;
  EventBus events_;
  std::unique_ptr<Scheduler> scheduler_;
  FaultInjector faults_;
  DmaMappings dma_;
  DeviceEvents device_events_;
  DriverTimers timers_;
  RunControl run_;
  std::unique_ptr<StoreBuffer> store_buffer_;
  std::unique_ptr<StoreBufferDrain> store_buffer_drain_;
  BoundaryHook* boundary_hook_ = nullptr;
  HoldClock holds_;
};

}  // namespace tandem
