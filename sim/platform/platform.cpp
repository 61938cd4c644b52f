#include "platform.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace tandem {

namespace {
std::vector<DeviceSpec> devices_of(const PlatformConfig& config) {
  return device_specs(config.device_list, config.devices, config.variant);
}
}  // namespace

Platform::Platform(const PlatformConfig& config, RunLog& log)
    : config_(config),
      log_(log),
      irq_(*this, irq_vectors(devices_of(config)), config.share_irq_lines),
      faults_(*this, irq_.lines()),
      dma_(*this),
      device_events_(*this),
      timers_(*this, config.cpus),
      run_(*this) {
  HarnessConfig hc;
  hc.mem = config.memory;
  const std::vector<DeviceSpec> specs = devices_of(config);
  const auto count = static_cast<unsigned>(specs.size());
  // Every device writes into one wave file, each under its own scope.
  if (!config.fst_path.empty()) hc.waves = std::make_shared<WaveFile>(config.fst_path, count);
  std::vector<DeviceHarness*> devices;
  for (unsigned d = 0; d < count; ++d) {
    hc.variant = specs[d].variant;
    hc.scope = wave_scope(d);
    hc.mem.seed = config.memory.seed + d * 0x9E3779B97F4A7C15ull;  // each device's memory port its own stream
    harnesses_.push_back(std::make_unique<DeviceHarness>(memory_, hc));
    devices.push_back(harnesses_.back().get());
    hals_.push_back(std::make_unique<PlatformHal>(static_cast<CpuPlatform&>(*this), d));
  }
  engine_ = std::make_unique<Engine>("engine", devices, config.engine);
  engine_->on_irq_change = [this](unsigned device, unsigned vector, bool) { irq_.device_changed(device, vector); };
  engine_->on_cycle_limit = [this] {
    Event e{EventKind::kCycleLimit};
    e.data = config_.engine.max_cycles;
    publish(e);
    stop_run();
  };
  engine_->on_rtl_error = [this] {
    publish(Event{EventKind::kRtlAssertion});
    stop_run();
  };
  if (config.store_buffer_delay != 0) {
    store_buffer_ =
        std::make_unique<StoreBuffer>(memory_, config.seed, config.store_buffer_delay, config.store_buffer_min_delay);
    store_buffer_->on_written = [this](unsigned cpu, std::uint64_t region, std::uint64_t addr, std::uint64_t len) {
      Event e{EventKind::kCpuDmaWrite};
      e.cpu = static_cast<int>(cpu);
      e.addr = addr;
      e.len = len;
      e.data = region;
      publish(e);
    };
  }
  for (unsigned device = 0; device < harnesses_.size(); ++device) {
    device_events_.attach(device);
    if (!harnesses_[device]->has_memory_port()) continue;
    AxiMemSlave& port = harnesses_[device]->memory_port();
    // The device reaches host memory through the IOMMU; a refused access is a DMA fault.
    port.allow = [this, device](std::uint64_t addr, std::uint64_t bytes, bool write) {
      return dma_.allows(device, addr, bytes, write);
    };
    if (store_buffer_) {
      port.on_write_beat = [this](std::uint64_t addr, std::uint8_t strobes) {
        store_buffer_->device_wrote(addr, strobes);
      };
    }
  }
  // The same processes in the same order as ever: the order SystemC first runs them in.
  if (store_buffer_)
    store_buffer_drain_ = std::make_unique<StoreBufferDrain>(*store_buffer_, [this] { return cycle(); });
  scheduler_ = std::make_unique<Scheduler>(events_);
  irq_.pic().on_pending = [this](unsigned cpu) {
    if (cpu < cpus_.size()) cpus_[cpu]->raise_irq();
  };
  for (unsigned i = 0; i < config.cpus; ++i) {
    cpus_.push_back(std::make_unique<SimCpu>(fmt::format("cpu{}", i).c_str(), static_cast<CpuPlatform&>(*this), i));
  }
}

Platform::~Platform() = default;

int Platform::current_cpu_id() const {
  for (const auto& c : cpus_) {
    if (c->is_current()) return static_cast<int>(c->id());
  }
  return -1;
}

SimCpu& Platform::current_cpu() {
  for (auto& c : cpus_) {
    if (c->is_current()) return *c;
  }
  // Driver code runs only on CPU threads; anything else is a bug of the scenario.
  std::fprintf(stderr, "tandem: a HAL call from outside any simulated CPU\n");
  std::abort();
}

bool Platform::spins_on(unsigned waiter, unsigned owner) const {
  for (const auto& [lock, handoff] : locks_) {
    // A lock someone spins on is alive (its waiter holds it by reference); others may be gone.
    const bool spins = std::any_of(handoff.waiters.begin(), handoff.waiters.end(),
                                   [waiter](const auto& w) { return w.second == waiter; });
    if (spins && lock->owner == static_cast<int>(owner)) return true;
  }
  return false;
}

void Platform::wake_all_cpus() {
  for (auto& c : cpus_) c->wake();
}

}  // namespace tandem
