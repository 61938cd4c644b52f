// Everything that happens on the platform, as events with their cycle, for any number of
// observers: checkers and scenarios attach here without editing the platform. The platform
// reports facts ("an unmap of a range", "an RTL assertion fired"); observers judge them.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>

namespace tandem {

enum class EventKind : std::uint8_t {
  kCsrAccess,      // a CPU's register access completed (cpu, device, write, addr, data, resp; len = the
                   // cycle its response was taken; line = cycles from its handshake to that response)
  kMemBurst,       // the device's memory port accepted a burst (device, write, addr, len = bytes)
  kMemResponse,    // ... and answered it: its last read beat or its write response was taken (device, write,
                   // addr, len = bytes, resp: for a read the worst of its beats, line = the channel served)
  kIrqLine,        // an interrupt controller input changed: the OR of the devices on it (line, level)
  kDeviceIrq,      // one device's interrupt output changed (device, line, level)
  kIrqTaken,       // a CPU took an interrupt (cpu, line)
  kEoi,            // a CPU ended one (cpu, line)
  kDmaFault,       // the IOMMU refused an access (device, data = channel, write, addr, len)
  kFault,          // a fault was injected (device, what: one of the kFault* names below; line: the line refused)
  kHalCall,        // a CPU entered a HAL call (cpu, what)
  kContext,        // a CPU changed context: idle, process, isr, bh (cpu, what)
  kDmaMap,         // the driver mapped memory for a device (cpu, device, addr = bus, len, data = tce::DmaDir,
                   // what: the HAL call, dma_map or dma_alloc)
  kDmaUnmap,       // ... and released a mapping (cpu, device, addr = bus, len, data = tce::DmaDir, what: dma_unmap
                   // or dma_free)
  kDmaFree,        // coherent memory freed (cpu, device, addr = bus; level: it was allocated)
  kLock,           // a CPU holds a spinlock it asked for (cpu, addr = the lock; data = cycles it spun; level:
                   // taken by force after the platform's spin bound from the CPU in `line`)
  kUnlock,         // a CPU releases a spinlock (cpu, addr = the lock)
  kWait,           // a CPU starts a bounded wait (cpu; level: interrupts enabled)
  kIrqRegister,    // request_irq (cpu, line, device = owner, data = tce::Trigger; level: it succeeded)
  kIrqFree,        // free_irq (cpu, line, device = owner)
  kHandlerEntry,   // an interrupt handler is called (cpu, line, device = owner)
  kHandlerReturn,  // ... and answered (cpu, line, device = owner; level: handled, else "not mine")
  kCpuDmaWrite,    // a CPU wrote bytes of coherent DMA memory, noticed at its next HAL call with the store
                   // buffer on (cpu, addr, len, data = the region's bus address)
  kDescFetch,      // the device fetched a descriptor: a 32-byte read burst at a ring slot (device, line =
                   // channel, data = slot index, addr)
  kPowerState,     // a device's power state changed, as a PM_STATUS read showed it (device, data = state)
  kTimer,          // a driver timer (cpu, device, data = timer id, what: kTimerStart, kTimerCancel or kTimerFire;
                   // on kTimerCancel level: it was still pending)
  kRtlAssertion,   // an RTL assertion fired (its name and values are on standard output)
  kCycleLimit,     // the run reached its cycle limit (data = the limit); the platform stops it
  kRunEnd,         // the simulation stopped (level: every CPU's program returned)
  kCount
};

// The kind's name, for logs ("mem_burst", "irq_taken", ...).
const char* to_string(EventKind kind);

// Names for Event::what on kFault.
inline constexpr const char* kFaultDropIrqs = "drop interrupts";
inline constexpr const char* kFaultDelayIrq = "delay interrupt";
inline constexpr const char* kFaultStallMemory = "stall memory";
inline constexpr const char* kFaultBusError = "bus error";
inline constexpr const char* kFaultRemoval = "surprise removal";
inline constexpr const char* kFaultRefuseIrq = "refuse interrupt request";

// Names for Event::what on kTimer.
inline constexpr const char* kTimerStart = "start";
inline constexpr const char* kTimerCancel = "cancel";
inline constexpr const char* kTimerFire = "fire";

// Event::device of an event that belongs to no device (an interrupt controller line, a
// CPU's context, a lock, the run's end): every observer's, whatever kind of device it judges.
inline constexpr unsigned kNoDevice = ~0u;

// Plain data, copied by value: published on hot paths (every burst, every HAL call).
struct Event {
  EventKind kind;
  std::uint64_t cycle = 0;
  int cpu = -1;
  unsigned device = kNoDevice;  // set by every event about one device
  bool write = false;
  std::uint64_t addr = 0;
  std::uint64_t data = 0;
  std::uint64_t len = 0;
  std::uint8_t resp = 0;
  unsigned line = 0;
  bool level = false;
  const char* what = "";
};

using EventKinds = std::uint32_t;  // one bit per EventKind
static_assert(static_cast<unsigned>(EventKind::kCount) <= 32, "EventKinds holds one bit per kind");
constexpr EventKinds kind_bit(EventKind k) {
  return EventKinds{1} << static_cast<unsigned>(k);
}
inline constexpr EventKinds kAllEvents = ~EventKinds{0};

class EventBus {
 public:
  using Observer = std::function<void(const Event&)>;

  // Unsubscribes when destroyed: an observer lives no longer than what it refers to.
  class Subscription {
   public:
    Subscription() = default;
    Subscription(EventBus* bus, std::uint64_t id) : bus_(bus), id_(id) {}
    Subscription(Subscription&& o) noexcept : bus_(o.bus_), id_(o.id_) { o.bus_ = nullptr; }
    Subscription& operator=(Subscription&& o) noexcept {
      if (this != &o) {
        reset();
        bus_ = o.bus_;
        id_ = o.id_;
        o.bus_ = nullptr;
      }
      return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }
    void reset() {
      if (bus_ != nullptr) bus_->unsubscribe(id_);
      bus_ = nullptr;
    }

   private:
    EventBus* bus_ = nullptr;
    std::uint64_t id_ = 0;
  };

  // `observer` sees the events of the kinds in `kinds`, in the order published.
  [[nodiscard]] Subscription subscribe(Observer observer, EventKinds kinds = kAllEvents);
  void publish(const Event& e) {
    if ((wanted_ & kind_bit(e.kind)) != 0) deliver(e);  // nobody listening: one test, no call
  }
  // Whether anyone listens for kind `k` (publishers may skip building such an event).
  bool wanted(EventKind k) const { return (wanted_ & kind_bit(k)) != 0; }

 private:
  struct Entry {
    std::uint64_t id;
    EventKinds kinds;
    bool dead;  // unsubscribed during a delivery
    Observer observer;
  };
  void deliver(const Event& e);
  void unsubscribe(std::uint64_t id);
  void update_wanted();

  std::deque<Entry> entries_;  // a deque: an observer that subscribes more is not moved while it runs
  EventKinds wanted_ = 0;
  std::uint64_t next_id_ = 1;
  unsigned delivering_ = 0;  // nesting depth of deliver(): entries are erased only outside it
  bool dead_entries_ = false;
};

}  // namespace tandem
