// Counts a run's functional coverage bins (func_model.hpp) from the platform's events: the
// register fields the driver read and wrote, the interrupt causes it saw in each mode, the
// error codes raised and recovered from, the power transitions, the errata paths. Counters
// only, no trace: cheap enough for every run. Judges nothing.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checkers/device_filter.hpp"
#include "events.hpp"
#include "func_model.hpp"

namespace tandem::cov {

class FuncCollector {
 public:
  // The kind whose bins these are (DeviceKind::name).
  static constexpr const char* kKind = "tce";
  // `devices`: which of the platform's devices are of kKind (DeviceFilter::of). Events of a
  // device of another kind count in no bin (a TMR's STATUS is no TCE register, though at a
  // TCE register's offset); events of no device (kNoDevice) count. By default every device.
  explicit FuncCollector(DeviceFilter devices = DeviceFilter({}, kKind)) : taken_(std::move(devices)) {}
  // Events of these kinds are what on() reads.
  static EventKinds kinds();
  // `latched`: on a CSR access, the device's IRQ_STATUS as the RTL holds it then (read off
  // its outputs, not the bus): an event latched with its enable off is one the driver polls.
  void on(const Event& e, std::uint32_t latched = 0);
  const Counts& counts() const { return counts_; }

 private:
  struct Channel {
    unsigned error = 0;  // the code it halted with, until it fetches a descriptor after a reset
    bool reset = false;  // reset (CH_CTRL.RESET or SOFT_RESET) since it halted
  };
  // What the driver configured (its writes), and what it learned of the device (its reads).
  struct Device {
    int revision = -1;
    std::uint32_t irq_enable = 0, vec_map = 0, irq_mode = 0;
    std::array<std::uint32_t, 4> coalesce{};
    std::array<Channel, 4> channels{};
    std::uint32_t readback_offset = 0;  // a RING_SIZE_LOG2 just written 1 (E1's channel count), else 0
    bool e2_count_only = false;         // coalescing by count with the broken timer left off (E2)
    unsigned pm_state = 0;
  };

  void hit(const char* group, const std::string& name) { ++counts_[std::string(group) + "/" + name]; }
  void csr(const Event& e, std::uint32_t latched);
  void register_bins(std::uint32_t offset, bool write, std::uint32_t data);
  void configure(Device& d, std::uint32_t offset, unsigned index, std::uint32_t data);
  void events_seen(const Device& d, int cpu, std::uint32_t events, bool rc);
  void channel_status(Device& d, unsigned channel, std::uint32_t data);
  void quirk_read(Device& d, std::uint32_t offset, std::uint32_t data);

  DeviceFilter taken_;
  Counts counts_;
  std::map<unsigned, Device> devices_;
  std::map<int, std::string> context_;  // each CPU's context: "process", "isr", "bh", "idle"
};

}  // namespace tandem::cov
