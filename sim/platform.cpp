#include "platform.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace tandem {

namespace {
constexpr unsigned kMaxDevices = 2;
constexpr unsigned kIrqLines = kMaxDevices * 4;  // each TCE has at most 4 vectors
}  // namespace

Platform::Platform(const PlatformConfig& config, RunLog& log)
    : config_(config), log_(log), pic_(kIrqLines), line_level_(kIrqLines, false), suppressed_(kIrqLines, false) {
  HarnessConfig hc;
  hc.mem = config.memory;
  hc.fst_path = config.fst_path;
  std::vector<DeviceHarness*> devices;
  for (unsigned d = 0; d < std::clamp(config.devices, 1u, kMaxDevices); ++d) {
    if (d > 0) hc.fst_path.clear();                                // waves show device 0
    hc.mem.seed = config.memory.seed + d * 0x9E3779B97F4A7C15ull;  // each device's memory port its own stream
    harnesses_.push_back(std::make_unique<DeviceHarness>(memory_, hc));
    devices.push_back(harnesses_.back().get());
    hals_.push_back(std::make_unique<PlatformHal>(*this, d));
  }
  harness_ = harnesses_.front().get();
  engine_ = std::make_unique<Engine>("engine", devices, config.engine);
  engine_->on_irq_change = [this](unsigned device, unsigned vector, bool) { device_irq_changed(device, vector); };
  engine_->on_cycle_limit = [this] {
    fail("hang",
         fmt::format("the run reached its limit of {} cycles before its programs finished", config_.engine.max_cycles));
    stop_run();
  };
  engine_->on_rtl_error = [this] {
    fail("rtl_assertion", "an RTL assertion fired (its name, cycle and values are on standard output)");
    stop_run();
  };
  for (auto& device : harnesses_) {
    DeviceHarness* h = device.get();
    // The device reaches host memory through the IOMMU; a refused access is a DMA fault.
    h->memory_port().allow = [this, h](std::uint64_t addr, std::uint64_t bytes, bool write) {
      if (iommu_.allows(addr, bytes, write)) return true;
      const unsigned device = static_cast<unsigned>(
          std::find_if(harnesses_.begin(), harnesses_.end(), [h](const auto& x) { return x.get() == h; }) -
          harnesses_.begin());
      const unsigned channel = *h->probes().dma_channel;
      dma_faults_.push_back({addr, bytes, write, cycle(), device, channel});
      Event e{EventKind::kDmaFault};
      e.write = write;
      e.addr = addr;
      e.len = bytes;
      publish(e);
      fail("dma_fault", fmt::format("device {} channel {} {} {} bytes at 0x{:x}, which is not mapped for {}", device,
                                    channel, write ? "wrote" : "read", bytes, addr, write ? "writing" : "reading"));
      return false;
    };
    if (config.store_buffer_delay != 0) {
      store_buffer_ =
          std::make_unique<StoreBuffer>(memory_, config.seed, config.store_buffer_delay, config.store_buffer_min_delay);
      h->memory_port().on_write_beat = [this](std::uint64_t addr, std::uint8_t strobes) {
        store_buffer_->device_wrote(addr, strobes);
      };
    }
    h->memory_port().on_burst = [this](bool write, std::uint64_t addr, std::uint64_t bytes, std::uint64_t at) {
      Event e{EventKind::kMemBurst};
      e.cycle = at;
      e.write = write;
      e.addr = addr;
      e.len = bytes;
      publish(e);
    };
  }
  if (store_buffer_) sc_core::sc_spawn([this] { drain_thread(); }, "store_buffer_drain");
  pic_.on_pending = [this](unsigned cpu) {
    if (cpu < cpus_.size()) cpus_[cpu]->raise_irq();
  };
  for (unsigned i = 0; i < config.cpus; ++i) {
    cpus_.push_back(std::make_unique<SimCpu>(fmt::format("cpu{}", i).c_str(), *this, i));
  }
}

Platform::~Platform() = default;

void Platform::run() {
  sc_core::sc_start();
  if (!programs_finished() && !stopping_ && sc_core::sc_get_status() != sc_core::SC_STOPPED) {
    // Nothing left to happen, yet programs wait: let them end too.
    if (failures_.empty()) fail("hang", "the simulation stopped with programs still running (a wait with no bound?)");
    stop_run();
    sc_core::sc_start();
  }
  winding_down_ = false;
  for (unsigned line = 0; line < pic_.lines(); ++line) check_lost_irq(line);
  if (programs_finished() && !stopping_) {
    for (const auto& [page, m] : iommu_.mappings()) {
      fail("dma_leak", fmt::format("{} bytes at 0x{:x} mapped at cycle {} were never unmapped", m.len, m.bus, m.cycle));
    }
  }
  if (!programs_finished() && failures_.empty()) {
    fail("hang", "the simulation stopped with programs still running (a wait with no bound?)");
  }
  // The end state of host memory, so that two runs can be compared by their logs alone.
  log_.line(cycle(), "memory", fmt::format("{} regions, digest {:016x}", memory_.regions(), memory_.digest()));
  harness_->finish();
}

bool Platform::programs_finished() const {
  for (const auto& c : cpus_) {
    if (!c->finished()) return false;
  }
  return true;
}

void Platform::fail(const std::string& checker, const std::string& message) {
  if (winding_down_) return;  // what programs do after an early stop is not judged
  failures_.push_back({checker, message, cycle()});
  log_.line(cycle(), "checker", fmt::format("FAIL [{}] {}", checker, message));
}

int Platform::register_irq(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler,
                           unsigned owner) {
  if (line >= pic_.lines()) return -EINVAL;
  auto& list = handlers_[line];
  for (const auto& [who, h] : list) {
    if (who == owner) return -EBUSY;
  }
  list.emplace_back(owner, std::move(handler));
  if (list.size() == 1) {
    pic_.configure(line, trigger, cpu);
    pic_.enable(line, true);
  }
  return 0;
}

void Platform::unregister_irq(unsigned line, unsigned owner) {
  auto& list = handlers_[line];
  const auto before = list.size();
  list.erase(std::remove_if(list.begin(), list.end(), [owner](const auto& e) { return e.first == owner; }), list.end());
  if (list.size() == before) {
    fail("irq_api", fmt::format("free_irq of line {}, which has no handler of this device", line));
    return;
  }
  if (list.empty()) pic_.enable(line, false);
}

// Every handler on the line runs; the interrupt was handled if any of them says so.
// A copy of the list runs: a handler freed on another CPU meanwhile lives until it returns.
tce::IrqReturn Platform::dispatch_irq(unsigned line) {
  tce::IrqReturn ret = tce::IrqReturn::kNone;
  ++handlers_running_[line];
  for (auto& [owner, handler] : std::vector(handlers_[line])) {
    if (handler() == tce::IrqReturn::kHandled) ret = tce::IrqReturn::kHandled;
  }
  --handlers_running_[line];
  return ret;
}

bool Platform::line_level(unsigned line) const {
  for (unsigned d = 0; d < harnesses_.size(); ++d) {
    for (unsigned v = 0; v < kVectorsPerDevice; ++v) {
      if (line_of(d, v) == line && (harnesses_[d]->irq_lines() >> v & 1) != 0) return true;
    }
  }
  return false;
}

void Platform::irq_taken(unsigned line) {
  raised_at_.erase(line);
  // Storm: the same line taken again and again in a short time.
  auto& recent = taken_[line];
  recent.push_back(cycle());
  while (!recent.empty() && recent.front() + config_.irq_storm_window < cycle()) recent.pop_front();
  if (recent.size() > config_.irq_storm_takes) {
    fail("irq_storm", fmt::format("line {} taken {} times in {} cycles: a handler leaves its device asserting", line,
                                  recent.size(), cycle() - recent.front()));
    recent.clear();
    stop_run();
  }
}

void Platform::store_buffer_tick(unsigned cpu) {
  if (!store_buffer_) return;
  store_buffer_->drain_due(cycle());
  schedule_drain(store_buffer_->notice_writes(cycle(), cpu));
}

// Writes drain on time even while no CPU makes a HAL call: one process, woken for the
// earliest pending drain (a process spawned per drain would cost memory per copy).
void Platform::schedule_drain(std::uint64_t next) {
  if (next == 0 || (drain_scheduled_ != 0 && drain_scheduled_ <= next)) return;
  drain_scheduled_ = next;
  const sc_core::sc_time when = sc_core::sc_time::from_value(cycle_period().value() * next);
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  drain_wakeup_.notify(when > now ? when - now : sc_core::SC_ZERO_TIME);  // an earlier one replaces a later
}

void Platform::drain_thread() {
  for (;;) {
    sc_core::wait(drain_wakeup_);
    drain_scheduled_ = 0;
    store_buffer_->drain_due(cycle());
    schedule_drain(store_buffer_->next_due());
  }
}

void Platform::at_cycle(std::uint64_t at, std::function<void()> action) {
  const sc_core::sc_time when = sc_core::sc_time::from_value(cycle_period().value() * at);
  sc_core::sc_spawn([when, action = std::move(action)] {
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (when > now) sc_core::wait(when - now);
    action();
  });
}

void Platform::when(std::function<bool(const Event&)> condition, std::function<void()> action) {
  auto fired = std::make_shared<bool>(false);
  events_.subscribe([fired, condition = std::move(condition), action = std::move(action)](const Event& e) {
    if (*fired || !condition(e)) return;
    *fired = true;
    action();
  });
}

namespace {
Event fault(const char* what) {
  Event e{EventKind::kFault};
  e.what = what;
  return e;
}
}  // namespace

void Platform::drop_next_irqs(unsigned n) {
  drop_irqs_ = n;
  publish(fault("drop interrupts"));
}

void Platform::delay_next_irq(std::uint64_t cycles) {
  delay_irq_ = cycles;
  publish(fault("delay interrupt"));
}

void Platform::stall_memory(std::uint64_t cycles) {
  harness_->memory_port().stall_until(cycles == kForever ? kForever : cycle() + cycles);
  log_.line(
      cycle(), "fault",
      cycles == kForever ? std::string("memory stalls for ever") : fmt::format("memory stalls for {} cycles", cycles));
  publish(fault("stall memory"));
}

void Platform::bus_error(std::uint64_t begin, std::uint64_t end, bool reads, bool writes) {
  harness_->memory_port().error_range(begin, end, reads, writes);
  log_.line(cycle(), "fault", fmt::format("bus errors on [0x{:x}, 0x{:x})", begin, end));
  publish(fault("bus error"));
}

void Platform::surprise_removal() {
  harness_->csr().remove_device();
  harness_->memory_port().stall_until(kForever);  // an unplugged card makes no more bus traffic
  for (unsigned line = 0; line < pic_.lines(); ++line) pic_.set_input(line, false);
  raised_at_.clear();  // a removed device's interrupts are not lost ones
  log_.line(cycle(), "fault", "surprise removal: the device is gone");
  publish(fault("surprise removal"));
}

void Platform::device_irq_changed(unsigned device, unsigned vector) {
  const unsigned line = line_of(device, vector);
  const bool level = line_level(line);
  if (level == line_level_[line]) return;  // another device holds a shared line up
  line_level_[line] = level;
  log_.line(cycle(), "device", fmt::format("irq line {} {}", line, level ? "rises" : "falls"));
  Event e{EventKind::kIrqLine};
  e.line = line;
  e.level = level;
  publish(e);
  if (device_removed()) return;  // unplugged: nothing reaches the CPUs
  if (level) {
    raised_at_.emplace(line, cycle());
  } else {
    check_lost_irq(line);  // fell without any CPU having taken it?
    raised_at_.erase(line);
  }
  if (level && drop_irqs_ > 0) {
    --drop_irqs_;
    suppressed_[line] = true;
    log_.line(cycle(), "fault", fmt::format("irq line {}: rising edge dropped", line));
    return;
  }
  if (level && delay_irq_ > 0) {
    const std::uint64_t delay = delay_irq_;
    delay_irq_ = 0;
    suppressed_[line] = true;
    log_.line(cycle(), "fault", fmt::format("irq line {}: rising edge delayed by {} cycles", line, delay));
    at_cycle(cycle() + delay, [this, line] {
      suppressed_[line] = false;
      pic_.set_input(line, line_level(line));
    });
    return;
  }
  if (suppressed_[line]) {
    if (!level) suppressed_[line] = false;
    return;
  }
  pic_.set_input(line, level);
}

void Platform::check_lost_irq(unsigned line) {
  auto it = raised_at_.find(line);
  if (it == raised_at_.end()) return;
  const std::uint64_t age = cycle() - it->second;
  if (age > config_.irq_latency_bound) {
    fail("lost_irq",
         fmt::format("device raised irq line {} at cycle {}; no CPU took it in {} cycles", line, it->second, age));
    raised_at_.erase(it);
  }
}

// An early end (a checker, the cycle limit): nothing ticks any more, and each CPU's program
// runs on to its end from where it waits, in no simulated time (SimCpu::stop); the last one
// to finish stops SystemC.
void Platform::stop_run() {
  if (stopping_) return;
  stopping_ = winding_down_ = true;
  engine_->stop();
  for (auto& c : cpus_) c->stop();
  if (programs_finished()) sc_core::sc_stop();
}

void Platform::cpu_finished() {
  if (!programs_finished()) return;
  engine_->stop();
  sc_core::sc_stop();
}

void Platform::dma_mapped(std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  iommu_.map(bus, len, dir, cycle());
}

void Platform::dma_unmapped(std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  if (!iommu_.unmap(bus, len, dir)) {
    fail("dma_api", fmt::format("unmap of {} bytes at 0x{:x}, which is not mapped so", len, bus));
  }
}

SimCpu& Platform::current_cpu() {
  for (auto& c : cpus_) {
    if (c->is_current()) return *c;
  }
  // Driver code runs only on CPU threads; anything else is a bug of the scenario.
  std::fprintf(stderr, "tandem: a HAL call from outside any simulated CPU\n");
  std::abort();
}

void Platform::drop_timer(tce::TimerId timer) {
  for (auto& c : cpus_) {
    if (c->erase_timer(timer)) return;
  }
}

void Platform::wake_all_cpus() {
  for (auto& c : cpus_) c->wake();
}

}  // namespace tandem
