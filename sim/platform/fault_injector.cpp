#include "fault_injector.hpp"

#include <fmt/core.h>

#include <cstring>
#include <string>

#include "platform.hpp"

namespace tandem {

namespace {
// A fault on interrupt controller lines, or (device) on one device's ports.
Event fault(const char* what, unsigned device = kNoDevice) {
  Event e{EventKind::kFault};
  e.what = what;
  e.device = device;
  return e;
}
}  // namespace

FaultInjector::FaultInjector(Platform& platform, unsigned irq_lines)
    : platform_(platform), suppressed_(irq_lines, false) {}

void FaultInjector::drop_next_irqs(unsigned n) {
  drop_irqs_ = n;
  platform_.publish(fault(kFaultDropIrqs));
}

void FaultInjector::refuse_irq_request(unsigned line) {
  refused_lines_.insert(line);
  Event e = fault(kFaultRefuseIrq);
  e.line = line;
  platform_.publish(e);
}

void FaultInjector::delay_next_irq(std::uint64_t cycles) {
  delay_irq_ = cycles;
  platform_.publish(fault(kFaultDelayIrq));
}

void FaultInjector::stall_memory(unsigned device, std::uint64_t cycles) {
  const std::uint64_t now = platform_.cycle();
  platform_.harness(device).memory_port().stall_until(cycles == kForever ? kForever : now + cycles);
  if (cycles == kForever) {
    platform_.log().print(RunLog::Level::kInfo, now, "fault", "dev{} memory stalls for ever", device);
  } else {
    platform_.log().print(RunLog::Level::kInfo, now, "fault", "dev{} memory stalls for {} cycles", device, cycles);
  }
  platform_.publish(fault(kFaultStallMemory, device));
}

void FaultInjector::bus_error(unsigned device, std::uint64_t begin, std::uint64_t end, bool reads, bool writes) {
  platform_.harness(device).memory_port().error_range(begin, end, reads, writes);
  platform_.log().print(RunLog::Level::kInfo, platform_.cycle(), "fault", "dev{} bus errors on [0x{:x}, 0x{:x})",
                        device, begin, end);
  platform_.publish(fault(kFaultBusError, device));
}

void FaultInjector::fail_descriptor(unsigned device, std::uint64_t desc) {
  // The descriptor's layout (the hardware spec, section 4).
  constexpr std::uint64_t kDescBytes = 32, kStatus = 0x18, kMaxLen = 16u << 20;
  std::uint8_t words[kDescBytes] = {};
  platform_.memory().read(desc, words, sizeof words);
  std::uint64_t src = 0, dst = 0;
  std::uint32_t len = 0;
  std::memcpy(&src, words, 8);
  std::memcpy(&dst, words + 8, 8);
  std::memcpy(&len, words + 16, 4);
  AxiMemSlave& port = platform_.harness(device).memory_port();
  port.error_range(desc, desc + kDescBytes, true, false, true);
  port.error_range(desc + kStatus, desc + kDescBytes, false, true, true);
  if (len != 0 && len <= kMaxLen) {
    port.error_range(src, src + len, true, false, true);
    port.error_range(dst, dst + len, false, true, true);
    faulted_copies_.push_back({src, src + len});
    faulted_copies_.push_back({dst, dst + len});
  }
  platform_.log().line(platform_.cycle(), "fault", fmt::format("the next answer of descriptor 0x{:x} fails", desc));
  platform_.publish(fault(kFaultBusError, device));
}

void FaultInjector::lift_descriptor_fault(unsigned device) {
  platform_.harness(device).memory_port().clear_once_ranges();
}

bool FaultInjector::descriptor_faulted(std::uint64_t bus, std::uint64_t len) const {
  for (const Range& r : faulted_copies_) {
    if (bus < r.end && r.begin < bus + len) return true;
  }
  return false;
}

void FaultInjector::clear_bus_errors(unsigned device) {
  platform_.harness(device).memory_port().clear_error_ranges();
}

void FaultInjector::surprise_removal(unsigned device) {
  DeviceHarness& harness = platform_.harness(device);
  harness.csr().remove_device();
  if (harness.has_memory_port())
    harness.memory_port().stall_until(kForever);  // an unplugged card makes no more bus traffic
  platform_.irq().device_removed(device);
  platform_.log().print(RunLog::Level::kInfo, platform_.cycle(), "fault", "dev{} surprise removal: the device is gone",
                        device);
  platform_.publish(fault(kFaultRemoval, device));
}

bool FaultInjector::device_removed(unsigned device) const {
  return platform_.harness(device).csr().device_removed();
}

bool FaultInjector::passes(unsigned line, bool level) {
  const std::uint64_t now = platform_.cycle();
  if (level && drop_irqs_ > 0) {
    --drop_irqs_;
    suppressed_[line] = true;
    platform_.log().print(RunLog::Level::kInfo, now, "fault", "irq line {}: rising edge dropped", line);
    return false;
  }
  if (level && delay_irq_ > 0) {
    const std::uint64_t delay = delay_irq_;
    delay_irq_ = 0;
    suppressed_[line] = true;
    platform_.log().print(RunLog::Level::kInfo, now, "fault", "irq line {}: rising edge delayed by {} cycles", line,
                          delay);
    platform_.scheduler().at_cycle(now + delay, [this, line] {
      suppressed_[line] = false;
      platform_.irq().pic().set_input(line, platform_.irq().line_level(line));
    });
    return false;
  }
  if (suppressed_[line]) {
    if (!level) suppressed_[line] = false;
    return false;
  }
  return true;
}

}  // namespace tandem
