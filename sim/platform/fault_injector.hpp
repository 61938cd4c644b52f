// Fault injection: lost and late interrupts (on interrupt controller lines), and on the
// device each fault names, a stalled or failing memory port and an unplugged card. Each
// fault is published as a kFault event, so checkers and waves see it.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

namespace tandem {

class Platform;

class FaultInjector {
 public:
  FaultInjector(Platform& platform, unsigned irq_lines);
  FaultInjector(const FaultInjector&) = delete;
  FaultInjector& operator=(const FaultInjector&) = delete;

  // The next n rising edges of device interrupt lines never reach the interrupt controller.
  void drop_next_irqs(unsigned n);
  // The next rising edge reaches the interrupt controller `cycles` late.
  void delay_next_irq(std::uint64_t cycles);
  // The next request_irq of `line` answers -EBUSY, as when another driver holds the line.
  void refuse_irq_request(unsigned line);
  // Whether a request_irq of `line` is to be refused now (the refusal is used up).
  bool take_irq_refusal(unsigned line) { return refused_lines_.erase(line) != 0; }
  // Host memory answers device `device` nothing for `cycles` (kForever: never again).
  static constexpr std::uint64_t kForever = ~std::uint64_t{0};
  void stall_memory(unsigned device, std::uint64_t cycles);
  // Bursts of device `device` touching [begin, end) answer SLVERR.
  void bus_error(unsigned device, std::uint64_t begin, std::uint64_t end, bool reads, bool writes);
  // Every bus-error range set so far on device `device` is lifted.
  void clear_bus_errors(unsigned device);
  // The next memory answer of the descriptor at bus address `desc` (one device `device`
  // works on) fails with SLVERR: its fetch, source reads, destination writes and status write-back are
  // put in error ranges that the first burst failed by one of them lifts, so that one answer
  // fails. The copy is remembered (descriptor_faulted()).
  void fail_descriptor(unsigned device, std::uint64_t desc);
  // Lifts those ranges if no burst hit them yet.
  void lift_descriptor_fault(unsigned device);
  // Whether fail_descriptor() hit a copy touching [bus, bus + len): its error was injected.
  bool descriptor_faulted(std::uint64_t bus, std::uint64_t len) const;

  // Device `device` is unplugged: its CSR reads return all ones with DECERR, its
  // interrupts fall silent.
  void surprise_removal(unsigned device);
  bool device_removed(unsigned device) const;

  // An interrupt line changed to `level`: whether the interrupt controller sees it now. A
  // dropped or delayed edge keeps the line away from it until the line falls (or the delay
  // ends), so that a lost edge is not found again by the next change of another device.
  bool passes(unsigned line, bool level);

 private:
  Platform& platform_;
  unsigned drop_irqs_ = 0;
  std::uint64_t delay_irq_ = 0;
  std::vector<bool> suppressed_;      // line high, but its edge was dropped or is late
  std::set<unsigned> refused_lines_;  // refuse_irq_request()
  struct Range {
    std::uint64_t begin, end;
  };
  std::vector<Range> faulted_copies_;  // fail_descriptor(): the copies' sources and destinations
};

}  // namespace tandem
