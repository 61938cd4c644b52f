// Everything that happens on the platform, as events with their cycle, for any number of
// observers: checkers and scenarios attach here without editing the platform.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace tandem {

enum class EventKind {
  kCsrAccess,  // a CPU's register access completed (cpu, write, addr, data, resp)
  kMemBurst,   // the device's memory port accepted a burst (write, addr, len = bytes)
  kIrqLine,    // a device interrupt line changed (line, level)
  kIrqTaken,   // a CPU took an interrupt (cpu, line)
  kEoi,        // a CPU ended one (cpu, line)
  kDmaFault,   // the IOMMU refused an access (write, addr, len)
  kFault,      // a fault was injected (what)
  kHalCall,    // a CPU entered a HAL call (cpu, what)
  kContext,    // a CPU changed context: idle, process, isr, bh (cpu, what)
};

struct Event {
  EventKind kind;
  std::uint64_t cycle = 0;
  int cpu = -1;
  bool write = false;
  std::uint64_t addr = 0;
  std::uint64_t data = 0;
  std::uint64_t len = 0;
  std::uint8_t resp = 0;
  unsigned line = 0;
  bool level = false;
  const char* what = "";
};

class EventBus {
 public:
  using Observer = std::function<void(const Event&)>;
  void subscribe(Observer observer) { observers_.push_back(std::move(observer)); }
  void publish(const Event& e) {
    // Observers may subscribe more while one runs: iterate by index.
    for (std::size_t i = 0; i < observers_.size(); ++i) observers_[i](e);
  }
  bool empty() const { return observers_.empty(); }

 private:
  std::vector<Observer> observers_;
};

}  // namespace tandem
