#include "cpu.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>

#include "boundary_hook.hpp"
#include "device_events.hpp"
#include "dma_mappings.hpp"
#include "driver_timers.hpp"
#include "engine.hpp"
#include "host_memory.hpp"
#include "irq_routing.hpp"
#include "lock_handoff.hpp"
#include "probe_pins.hpp"
#include "run_log.hpp"
#include "store_buffer.hpp"
#include "store_buffer_drain.hpp"

namespace tandem {

const char* to_string(CpuContext context) {
  switch (context) {
    case CpuContext::kIdle: return "idle";
    case CpuContext::kProcess: return "process";
    case CpuContext::kIsr: return "isr";
    case CpuContext::kBottomHalf: return "bh";
  }
  return "?";
}

namespace {

constexpr std::size_t kCpuStackBytes = 4 << 20;

// How long a CPU spins on a contended lock before the run is declared deadlocked.
constexpr std::uint64_t kSpinLimitCycles = 1'000'000;

// The most deltas a wait after an early stop yields to the other CPUs (a bound in case one
// of them can never end, e.g. stopped before its program began).
constexpr unsigned kDeltasAfterStop = 100'000;

}  // namespace

SimCpu::SimCpu(sc_core::sc_module_name name, CpuPlatform& platform, unsigned id)
    : sc_module(name), platform_(platform), id_(id) {
  SC_THREAD(thread);
  // Driver code runs here natively, with interrupt handlers and bottom halves nested in
  // its HAL calls: SystemC's default coroutine stack is too small for that.
  set_stack_size(kCpuStackBytes);
  SC_THREAD(timer_thread);
}

std::string SimCpu::who() const {
  return fmt::format("cpu{} {}", id_, to_string(context_));
}

bool SimCpu::is_current() const {
  return thread_.valid() && sc_core::sc_get_current_process_handle() == thread_;
}

void SimCpu::thread() {
  thread_ = sc_core::sc_get_current_process_handle();
  wait(cycle_period() * static_cast<double>(platform_.reset_cycles()), stop_event_);
  set_context(CpuContext::kProcess);
  if (program_ && !platform_.stopping()) program_(*this);
  set_context(CpuContext::kIdle);
  finished_ = true;
  platform_.cpu_finished();
}

// After a timed wait: the engine wakes in the same cycle and may deliver what the device
// did in it (an interrupt edge, a CSR answer). One delta lets it go first, so what a CPU
// sees in a cycle does not depend on the order the kernel runs processes in.
void SimCpu::settle() {
  wait(sc_core::SC_ZERO_TIME);
}

void SimCpu::set_context(CpuContext context) {
  if (context == context_) return;
  context_ = context;
  if (id_ < ProbePins::kCpus) *platform_.markers().context[id_] = static_cast<CData>(context);
  Event e{EventKind::kContext};
  e.cpu = static_cast<int>(id_);
  e.what = to_string(context);
  platform_.publish(e);
}

const char* to_string(HalCall call) {
  static const char* const kNames[] = {"none",         "read32",       "write32",           "wmb",
                                       "rmb",          "dma_alloc",    "dma_free",          "sync_for_device",
                                       "sync_for_cpu", "dma_map",      "dma_unmap",         "request_irq",
                                       "free_irq",     "lock_irqsave", "unlock_irqrestore", "schedule_work",
                                       "start_timer",  "cancel_timer", "wait_until",        "wake_all"};
  return kNames[static_cast<int>(call)];
}

// After an early stop the program runs on to its end, its objects destroyed in their
// scopes' order, in no simulated time: every HAL call returns at once, as on a device that
// is gone (reads all ones, waits time out, locks are free, no interrupt or deferred work).
// No exception is thrown through driver code: its destructors make HAL calls too.
void SimCpu::stop() {
  irq_event_.notify();
  wake_event_.notify();
  csr_done_.notify();
  stop_event_.notify();  // ends the timed waits (call costs, spinning) too
}

void SimCpu::begin_call(HalCall call, std::uint64_t target, unsigned device) {
  if (platform_.stopping()) return;
  if (id_ < ProbePins::kCpus) *platform_.markers().hal_call[id_] = static_cast<CData>(call);
  Event e{EventKind::kHalCall};
  e.cpu = static_cast<int>(id_);
  e.what = to_string(call);
  platform_.publish(e);
  // What this CPU wrote since its last call is now pending.
  if (StoreBufferDrain* drain = platform_.store_buffer_drain()) drain->tick(id_);
  // The boundary: its writes are noticed as this CPU's before another CPU can run.
  if (BoundaryHook* hook = platform_.boundary_hook()) hook->before_call(*this, call, target, device);
  const unsigned cost = platform_.hal_call_cycles();
  if (cost != 0) {
    wait(cycle_period() * static_cast<double>(cost), stop_event_);
    settle();
    if (platform_.stopping()) return;
  }
  take_interrupts();
  // Deferred work (timers) runs when process context could be interrupted anyway.
  if (irqs_enabled_ && context_ == CpuContext::kProcess) run_work();
}

// Hands each due timer's work to this CPU as bottom-half work.
void SimCpu::timer_thread() {
  DriverTimers& timers = platform_.timers();
  for (;;) {
    const sc_core::sc_time first = timers.first_due(id_);
    if (first == sc_core::sc_max_time()) {
      wait(timers.changed(id_));
      continue;
    }
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (first > now) {
      wait(first - now, timers.changed(id_));
      continue;
    }
    timers.take_due(id_, now, [this](std::function<void()> work) { work_.push_back(std::move(work)); });
    wake_event_.notify();
  }
}

tce::TimerId SimCpu::start_timer(unsigned device, std::uint64_t delay_ns, std::function<void()> work) {
  begin_call(HalCall::kStartTimer);
  return platform_.timers().start(id_, device, delay_ns, std::move(work));
}

void SimCpu::cancel_timer(tce::TimerId timer) {
  begin_call(HalCall::kCancelTimer);
  platform_.timers().cancel(timer);  // whichever CPU started it
}

void SimCpu::take_interrupts() {
  while (irqs_enabled_ && context_ != CpuContext::kIsr) {
    const int line = platform_.irq().pic().pending_for(id_);
    if (line < 0) break;
    platform_.irq().pic().acknowledge(static_cast<unsigned>(line));
    Event taken{EventKind::kIrqTaken};
    taken.cpu = static_cast<int>(id_);
    taken.line = static_cast<unsigned>(line);
    platform_.publish(taken);
    if (platform_.stopping()) return;  // a checker (irq_storm) stopped the run on this take
    const CpuContext interrupted = context_;
    set_context(CpuContext::kIsr);
    irqs_enabled_ = false;
    const sc_core::sc_time entered = sc_core::sc_time_stamp();
    const tce::IrqReturn ret = platform_.irq().handlers().dispatch(static_cast<unsigned>(line));
    // Driver code costs time only through its HAL calls: handlers that made none took no
    // time, and a level line they left up would be taken again at once, for ever, in zero
    // simulated time (no checker could judge it). Such an interrupt costs one HAL call's work.
    if (sc_core::sc_time_stamp() == entered) {
      wait(cycle_period() * static_cast<double>(std::max(1u, platform_.hal_call_cycles())), stop_event_);
      settle();
    }
    if (ret == tce::IrqReturn::kNone) {
      platform_.log().print(RunLog::Level::kInfo, platform_.cycle(), who(), "spurious interrupt on line {}", line);
    }
    platform_.irq().pic().eoi(static_cast<unsigned>(line));
    Event eoi{EventKind::kEoi};
    eoi.cpu = static_cast<int>(id_);
    eoi.line = static_cast<unsigned>(line);
    platform_.publish(eoi);
    irqs_enabled_ = true;
    set_context(interrupted);
    run_work();
  }
}

void SimCpu::run_work() {
  if (in_work_ || context_ == CpuContext::kIsr) return;
  in_work_ = true;
  const CpuContext interrupted = context_;
  while (!work_.empty()) {
    auto work = std::move(work_.front());
    work_.pop_front();
    set_context(CpuContext::kBottomHalf);
    work();
  }
  set_context(interrupted);
  in_work_ = false;
}

std::uint32_t SimCpu::csr_access(unsigned device, bool write, std::uint32_t offset, std::uint32_t value) {
  begin_call(write ? HalCall::kWrite32 : HalCall::kRead32, offset, device);
  CsrRequest req;
  req.write = write;
  req.addr = offset;
  req.data = value;
  if (id_ < ProbePins::kCpus) *platform_.markers().reg[id_] = static_cast<SData>(offset);
  req.priority = id_;  // same cycle, several CPUs: the bus order does not depend on thread order
  if (platform_.stopping()) return write ? 0 : 0xFFFFFFFFu;  // after the stop: the device is out of reach
  platform_.engine().submit(device, &req, &csr_done_);
  wait(csr_done_);
  // Woken by the stop, not by an answer: the stopped engine never touches req again.
  if (platform_.stopping()) return write ? 0 : 0xFFFFFFFFu;
  Event e{EventKind::kCsrAccess};
  e.cpu = static_cast<int>(id_);
  e.device = device;
  e.write = write;
  e.addr = offset;
  e.data = req.data;
  e.len = req.completed;
  e.line = static_cast<unsigned>(req.completed - (req.handshake != 0 ? req.handshake : req.issued));
  e.resp = static_cast<std::uint8_t>(req.resp);
  platform_.device_events().csr_completed(e);
  if (!platform_.log().enabled()) return write ? 0 : req.data;
  const std::string name = platform_.register_name(device, offset);
  if (write) {
    platform_.log().line(platform_.cycle(), who(),
                         fmt::format("dev{} write32 {} = 0x{:08x} {}", device, name, value, to_string(req.resp)));
  } else {
    platform_.log().line(platform_.cycle(), who(),
                         fmt::format("dev{} read32  {} -> 0x{:08x} {}", device, name, req.data, to_string(req.resp)));
  }
  return write ? 0 : req.data;
}

// A write barrier, or a sync for the device, drains this CPU's store buffer: its writes before it
// reach memory before anything after it (the doorbell above all). Reads need nothing more:
// device writes reach the CPU's view at once.
void SimCpu::wmb() {
  begin_call(HalCall::kWmb);
  if (platform_.store_buffer()) platform_.store_buffer()->drain_cpu(id_);
}
void SimCpu::rmb() {
  begin_call(HalCall::kRmb);
}
void SimCpu::dma_sync_for_device(const tce::DmaRegion& region) {
  begin_call(HalCall::kSyncForDevice, region.bus);
  if (platform_.store_buffer()) platform_.store_buffer()->drain_cpu(id_);
}
void SimCpu::dma_sync_for_cpu(const tce::DmaRegion& region) {
  begin_call(HalCall::kSyncForCpu, region.bus);
}

int SimCpu::dma_alloc(unsigned device, std::size_t size, tce::DmaRegion* out) {
  begin_call(HalCall::kDmaAlloc);
  if (size == 0) return -EINVAL;
  const std::uint64_t bus = platform_.memory().alloc(size);
  out->bus = bus;
  // With weak ordering the CPU works on its own view; the device sees memory.
  out->cpu =
      platform_.store_buffer() ? platform_.store_buffer()->add_region(bus, size) : platform_.memory().at(bus, size);
  out->size = size;
  platform_.dma().mapped(device, bus, size, tce::DmaDir::kBidirectional, to_string(HalCall::kDmaAlloc));
  return 0;
}

void SimCpu::dma_free(unsigned device, tce::DmaRegion& region) {
  begin_call(HalCall::kDmaFree, region.bus);
  platform_.dma().unmapped(device, region.bus, region.size, tce::DmaDir::kBidirectional, to_string(HalCall::kDmaFree));
  if (platform_.store_buffer()) platform_.store_buffer()->remove_region(region.bus);
  Event e{EventKind::kDmaFree};
  e.cpu = static_cast<int>(id_);
  e.device = device;
  e.addr = region.bus;
  e.level = platform_.memory().free(region.bus);
  platform_.publish(e);
  region = tce::DmaRegion{};
}

int SimCpu::dma_map(unsigned device, void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) {
  begin_call(HalCall::kDmaMap);
  if (len == 0) return -EINVAL;
  const std::uint64_t addr = platform_.memory().bus_of(cpu, len);
  if (addr == 0) return -EFAULT;
  platform_.dma().mapped(device, addr, len, dir, to_string(HalCall::kDmaMap));
  *bus = addr;
  return 0;
}

void SimCpu::dma_unmap(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  begin_call(HalCall::kDmaUnmap, bus);
  platform_.dma().unmapped(device, bus, len, dir, to_string(HalCall::kDmaUnmap));
}

int SimCpu::request_line(unsigned line, tce::Trigger trigger, tce::Hal::IrqHandler handler, unsigned owner) {
  begin_call(HalCall::kRequestIrq);
  return platform_.irq().handlers().add(line, trigger, id_, std::move(handler), owner);
}

void SimCpu::free_line(unsigned line, unsigned owner) {
  begin_call(HalCall::kFreeIrq);
  platform_.irq().handlers().remove(line, owner);
  // As synchronize_irq does: a handler of the line running on another CPU finishes first.
  while (platform_.irq().handlers().running(line) && !platform_.stopping()) wait(cycle_period(), stop_event_);
}

tce::IrqState SimCpu::lock_irqsave(tce::SpinLock& lock) {
  begin_call(HalCall::kLock);
  const tce::IrqState was = irqs_enabled_;
  irqs_enabled_ = false;
  Event held{EventKind::kLock};
  held.cpu = static_cast<int>(id_);
  held.addr = reinterpret_cast<std::uintptr_t>(&lock);
  if (lock.owner == static_cast<int>(id_)) {  // taken twice: it would spin for ever, so it returns at once
    platform_.publish(held);
    return was;
  }
  // Contention is settled by the platform, not by the order SystemC runs threads in: see
  // sim/model/lock_handoff.hpp.
  LockHandoff& st = platform_.lock_state(lock);
  const std::uint64_t now = platform_.cycle();
  if (platform_.stopping()) {  // after the stop: nobody else runs any more
    lock.owner = static_cast<int>(id_);
    return was;
  }
  if (lock.owner == -1 && st.waiters.empty() && st.released != now) {
    lock.owner = static_cast<int>(id_);
    platform_.publish(held);
    return was;
  }
  st.enqueue(now, id_);
  std::uint64_t spun = 0;
  while (lock.owner != static_cast<int>(id_)) {
    wait(cycle_period(), stop_event_);
    if (platform_.stopping()) {
      st.remove(id_);
      lock.owner = static_cast<int>(id_);
      break;
    }
    // A lock released in an earlier cycle with nobody handed it: the queue's head takes it.
    if (lock.owner == -1 && st.released < platform_.cycle() && st.head() == id_) {
      st.pop();
      lock.owner = static_cast<int>(id_);
    }
    if (++spun == kSpinLimitCycles) {
      // A deadlock: the platform breaks it so that the run goes on, and says so.
      held.level = true;
      held.line = static_cast<unsigned>(lock.owner);
      st.remove(id_);
      lock.owner = static_cast<int>(id_);
      break;
    }
  }
  held.data = spun;
  held.cycle = 0;
  platform_.publish(held);
  return was;
}

void SimCpu::unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state) {
  begin_call(HalCall::kUnlock);
  if (platform_.stopping()) {
    lock.owner = -1;
    irqs_enabled_ = state;
    return;
  }
  Event e{EventKind::kUnlock};
  e.cpu = static_cast<int>(id_);
  e.addr = reinterpret_cast<std::uintptr_t>(&lock);
  platform_.publish(e);
  LockHandoff& st = platform_.lock_state(lock);
  st.released = platform_.cycle();
  lock.owner = -1;
  if (!st.waiters.empty()) lock.owner = static_cast<int>(st.pop());  // handed over: it runs from the next cycle
  irqs_enabled_ = state;
}

void SimCpu::schedule_work(std::function<void()> work) {
  begin_call(HalCall::kScheduleWork);
  work_.push_back(std::move(work));
}

int SimCpu::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  begin_call(HalCall::kWait);
  if (platform_.stopping()) return wait_after_stop(done, timeout_ns);
  Event e{EventKind::kWait};
  e.cpu = static_cast<int>(id_);
  e.level = irqs_enabled_;
  platform_.publish(e);
  // Saturates at the end of simulated time: a timeout of UINT64_MAX ns does not fit an sc_time.
  const sc_core::sc_time left = sc_core::sc_max_time() - sc_core::sc_time_stamp();
  const double timeout = static_cast<double>(timeout_ns) * 1e-9;
  const sc_core::sc_time deadline =
      sc_core::sc_time_stamp() +
      (timeout >= left.to_seconds() ? left : sc_core::sc_time(static_cast<double>(timeout_ns), sc_core::SC_NS));
  const CpuContext waiting = context_;
  for (;;) {
    run_work();
    if (done()) return 0;
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (now >= deadline) return -ETIMEDOUT;
    set_context(CpuContext::kIdle);
    // An interrupt already pending is taken below without waiting, unless it cannot be.
    if (!irqs_enabled_ || platform_.irq().pic().pending_for(id_) < 0) {
      wait(deadline - now, irq_event_ | wake_event_);
      settle();
      if (platform_.stopping()) return wait_after_stop(done, timeout_ns);
    }
    set_context(waiting);
    take_interrupts();
  }
}

void SimCpu::wake_all() {
  begin_call(HalCall::kWakeAll);
  platform_.wake_all_cpus();
}

// A wait after the stop lets the other CPUs' programs run on first (they may be what it
// waits for: a CPU that owns the device waits for the others to be done with it). It gives
// up once every other program has ended or waits too, the highest-numbered waiter first,
// so that the waits end one by one; the program's clock then jumps by the timeout, so that
// a loop bounded by time (a driver's polling) ends although simulated time stands still.
int SimCpu::wait_after_stop(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  waiting_after_stop_ = true;
  for (unsigned i = 0; i < kDeltasAfterStop && !done() && !may_give_up(); ++i) wait(sc_core::SC_ZERO_TIME);
  waiting_after_stop_ = false;
  if (done()) return 0;
  after_stop_ns_ += std::min(timeout_ns, UINT64_MAX - after_stop_ns_);
  return -ETIMEDOUT;
}

bool SimCpu::may_give_up() {
  for (unsigned i = 0; i < platform_.cpus(); ++i) {
    const SimCpu& other = platform_.cpu(i);
    if (&other == this || other.finished()) continue;
    if (!other.waiting_after_stop_ || other.id() > id_) return false;
  }
  return true;
}

std::uint64_t SimCpu::now_ns() {
  const auto now = static_cast<std::uint64_t>(std::llround(sc_core::sc_time_stamp().to_seconds() * 1e9));
  return now + std::min(after_stop_ns_, UINT64_MAX - now);
}

void SimCpu::log(tce::LogLevel level, const char* message) {
  static const char* const kLevels[] = {"debug", "info", "warn", "error"};
  // The driver's levels in the run log's: its warnings are information, its debug is detail.
  static const RunLog::Level kRunLevels[] = {RunLog::Level::kDebug, RunLog::Level::kInfo, RunLog::Level::kInfo,
                                             RunLog::Level::kError};
  const int l = static_cast<int>(level);
  if (!platform_.log().enabled(kRunLevels[l])) return;
  platform_.log().line(kRunLevels[l], platform_.cycle(), who(), fmt::format("driver {}: {}", kLevels[l], message));
}

}  // namespace tandem
