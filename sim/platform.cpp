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
  hc.variant = config.variant;
  std::vector<DeviceHarness*> devices;
  for (unsigned d = 0; d < std::clamp(config.devices, 1u, kMaxDevices); ++d) {
    if (d > 0) hc.fst_path.clear();                                // waves show device 0
    hc.mem.seed = config.memory.seed + d * 0x9E3779B97F4A7C15ull;  // each device's memory port its own stream
    harnesses_.push_back(std::make_unique<DeviceHarness>(memory_, hc));
    devices.push_back(harnesses_.back().get());
    hals_.push_back(std::make_unique<PlatformHal>(*this, d));
    facts_.emplace_back();
  }
  harness_ = harnesses_.front().get();
  engine_ = std::make_unique<Engine>("engine", devices, config.engine);
  engine_->on_irq_change = [this](unsigned device, unsigned vector, bool) { device_irq_changed(device, vector); };
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
  for (unsigned device = 0; device < harnesses_.size(); ++device) {
    DeviceHarness* h = harnesses_[device].get();
    // The device reaches host memory through the IOMMU; a refused access is a DMA fault.
    h->memory_port().allow = [this, h, device](std::uint64_t addr, std::uint64_t bytes, bool write) {
      if (iommu_.allows(addr, bytes, write)) return true;
      const unsigned channel = *h->probes().dma_channel;
      dma_faults_.push_back({addr, bytes, write, cycle(), device, channel});
      Event e{EventKind::kDmaFault};
      e.device = device;
      e.data = channel;
      e.write = write;
      e.addr = addr;
      e.len = bytes;
      publish(e);
      return false;
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
      h->memory_port().on_write_beat = [this](std::uint64_t addr, std::uint8_t strobes) {
        store_buffer_->device_wrote(addr, strobes);
      };
    }
    h->memory_port().on_burst = [this, device](bool write, std::uint64_t addr, std::uint64_t bytes, std::uint64_t at) {
      Event e{EventKind::kMemBurst};
      e.cycle = at;
      e.device = device;
      e.write = write;
      e.addr = addr;
      e.len = bytes;
      publish(e);
      unsigned channel = 0, index = 0;
      if (!write && events_.wanted(EventKind::kDescFetch) &&
          facts_[device].descriptor_fetch(addr, bytes, &channel, &index)) {
        e.kind = EventKind::kDescFetch;
        e.line = channel;
        e.data = index;
        publish(e);
      }
    };
  }
  if (store_buffer_) sc_core::sc_spawn([this] { drain_thread(); }, "store_buffer_drain");
  sc_core::sc_spawn([this] { scheduler_thread(); }, "platform_scheduler");
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
    // Nothing left to happen, yet programs wait: let them end too (the hang checker says why).
    stop_run();
    sc_core::sc_start();
  }
  winding_down_ = false;
  Event end{EventKind::kRunEnd};
  end.level = programs_finished() && !stopping_;  // ran to their end, not unwound by a stop
  publish(end);
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

void Platform::csr_completed(Event e) {
  publish(e);
  unsigned state = 0;
  if (e.resp == static_cast<std::uint8_t>(AxiResp::kOkay) &&
      facts_.at(e.device).csr_access(e.write, static_cast<std::uint32_t>(e.addr), static_cast<std::uint32_t>(e.data),
                                     &state)) {
    Event pm{EventKind::kPowerState};
    pm.cpu = e.cpu;
    pm.device = e.device;
    pm.data = state;
    publish(pm);
  }
}

int Platform::register_irq(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler,
                           unsigned owner) {
  Event e{EventKind::kIrqRegister};
  e.cpu = static_cast<int>(cpu);
  e.line = line;
  e.device = owner;
  e.data = static_cast<std::uint64_t>(trigger);
  const int rc = refused_lines_.erase(line) != 0 ? -EBUSY : add_handler(line, trigger, cpu, std::move(handler), owner);
  e.level = rc == 0;
  publish(e);
  return rc;
}

int Platform::add_handler(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler,
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
  Event e{EventKind::kIrqFree};
  e.cpu = current_cpu_id();
  e.line = line;
  e.device = owner;
  publish(e);
  auto& list = handlers_[line];
  const auto before = list.size();
  list.erase(std::remove_if(list.begin(), list.end(), [owner](const auto& h) { return h.first == owner; }), list.end());
  if (list.size() != before && list.empty()) pic_.enable(line, false);
}

// Every handler on the line runs; the interrupt was handled if any of them says so.
// A copy of the list runs: a handler freed on another CPU meanwhile lives until it returns.
tce::IrqReturn Platform::dispatch_irq(unsigned line) {
  tce::IrqReturn ret = tce::IrqReturn::kNone;
  Event e{EventKind::kHandlerEntry};
  e.cpu = current_cpu_id();
  e.line = line;
  ++handlers_running_[line];
  for (auto& [owner, handler] : std::vector(handlers_[line])) {
    e.kind = EventKind::kHandlerEntry;
    e.device = owner;
    e.cycle = 0;
    publish(e);
    e.level = handler() == tce::IrqReturn::kHandled;
    if (e.level) ret = tce::IrqReturn::kHandled;
    e.kind = EventKind::kHandlerReturn;
    e.cycle = 0;
    publish(e);
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
  const bool earliest = scheduled_.empty() || at < scheduled_.begin()->first;
  scheduled_.emplace(at, std::move(action));  // after those already due in the same cycle
  if (earliest) wake_scheduler();
}

void Platform::wake_scheduler() {
  const sc_core::sc_time when = sc_core::sc_time::from_value(cycle_period().value() * scheduled_.begin()->first);
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  scheduled_wakeup_.cancel();
  scheduled_wakeup_.notify(when > now ? when - now : sc_core::SC_ZERO_TIME);
}

// One long-lived process runs every at_cycle() action: a process spawned per action would
// cost memory for every one of them (SystemC keeps each spawned process's name).
void Platform::scheduler_thread() {
  for (;;) {
    sc_core::wait(scheduled_wakeup_);
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    while (!scheduled_.empty() &&
           sc_core::sc_time::from_value(cycle_period().value() * scheduled_.begin()->first) <= now) {
      std::function<void()> action = std::move(scheduled_.begin()->second);
      scheduled_.erase(scheduled_.begin());
      action();
    }
    if (!scheduled_.empty()) wake_scheduler();
  }
}

void Platform::when(std::function<bool(const Event&)> condition, std::function<void()> action) {
  auto fired = std::make_shared<bool>(false);
  scripted_.push_back(
      events_.subscribe([fired, condition = std::move(condition), action = std::move(action)](const Event& e) {
        if (*fired || !condition(e)) return;
        *fired = true;
        action();
      }));
}

namespace {
Event fault(const char* what) {
  Event e{EventKind::kFault};
  e.what = what;  // faults act on device 0
  return e;
}
}  // namespace

void Platform::drop_next_irqs(unsigned n) {
  drop_irqs_ = n;
  publish(fault(kFaultDropIrqs));
}

void Platform::refuse_irq_request(unsigned line) {
  refused_lines_.insert(line);
  Event e = fault(kFaultRefuseIrq);
  e.line = line;
  publish(e);
}

void Platform::delay_next_irq(std::uint64_t cycles) {
  delay_irq_ = cycles;
  publish(fault(kFaultDelayIrq));
}

void Platform::stall_memory(std::uint64_t cycles) {
  harness_->memory_port().stall_until(cycles == kForever ? kForever : cycle() + cycles);
  log_.line(
      cycle(), "fault",
      cycles == kForever ? std::string("memory stalls for ever") : fmt::format("memory stalls for {} cycles", cycles));
  publish(fault(kFaultStallMemory));
}

void Platform::bus_error(std::uint64_t begin, std::uint64_t end, bool reads, bool writes) {
  harness_->memory_port().error_range(begin, end, reads, writes);
  log_.line(cycle(), "fault", fmt::format("bus errors on [0x{:x}, 0x{:x})", begin, end));
  publish(fault(kFaultBusError));
}

void Platform::surprise_removal() {
  harness_->csr().remove_device();
  harness_->memory_port().stall_until(kForever);  // an unplugged card makes no more bus traffic
  for (unsigned line = 0; line < pic_.lines(); ++line) pic_.set_input(line, false);
  log_.line(cycle(), "fault", "surprise removal: the device is gone");
  publish(fault(kFaultRemoval));
}

void Platform::device_irq_changed(unsigned device, unsigned vector) {
  const unsigned line = line_of(device, vector);
  Event out{EventKind::kDeviceIrq};
  out.device = device;
  out.line = line;
  out.level = (harnesses_[device]->irq_lines() >> vector & 1) != 0;
  publish(out);
  const bool level = line_level(line);
  if (level == line_level_[line]) return;  // another device holds a shared line up
  line_level_[line] = level;
  log_.line(cycle(), "device", fmt::format("irq line {} {}", line, level ? "rises" : "falls"));
  Event e{EventKind::kIrqLine};
  e.line = line;
  e.level = level;
  publish(e);
  if (device_removed()) return;  // unplugged: nothing reaches the CPUs
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

namespace {
Event dma_event(EventKind kind, int cpu, unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  Event e{kind};
  e.cpu = cpu;
  e.device = device;
  e.addr = bus;
  e.len = len;
  e.data = static_cast<std::uint64_t>(dir);
  return e;
}
}  // namespace

void Platform::dma_mapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  iommu_.map(bus, len, dir, cycle());
  publish(dma_event(EventKind::kDmaMap, current_cpu_id(), device, bus, len, dir));
}

void Platform::dma_unmapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  (void)iommu_.unmap(bus, len, dir);  // one not mapped is the driver's bug: the dma_api checker reports it
  publish(dma_event(EventKind::kDmaUnmap, current_cpu_id(), device, bus, len, dir));
}

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

void Platform::drop_timer(tce::TimerId timer) {
  Event e{EventKind::kTimer};
  e.cpu = current_cpu_id();
  e.data = timer;
  e.what = kTimerCancel;
  for (auto& c : cpus_) {
    if (c->erase_timer(timer)) {
      e.level = true;
      break;
    }
  }
  publish(e);
}

void Platform::wake_all_cpus() {
  for (auto& c : cpus_) c->wake();
}

}  // namespace tandem
