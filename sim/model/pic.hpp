// The platform interrupt controller (a GIC-distributor-like model). Each line is
// level-high or edge-rising as the driver configured it and routed to one CPU:
//  - edge: a rising input makes the line pending; more edges while pending latch once;
//  - level: the line is pending while its input is high and it is not active;
//  - acknowledge moves pending to active; EOI ends active, and a level line whose input is
//    still high is pending again at once (the interrupt storm of a handler that did not
//    clear the device).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "hal_types.hpp"

namespace tandem {

class Pic {
 public:
  explicit Pic(unsigned lines) : lines_(lines) {}

  unsigned lines() const { return static_cast<unsigned>(lines_.size()); }
  void configure(unsigned line, tce::Trigger trigger, unsigned cpu);
  void enable(unsigned line, bool on);
  void set_input(unsigned line, bool level);

  // The lowest pending, enabled line routed to `cpu`, or -1.
  int pending_for(unsigned cpu) const;
  void acknowledge(unsigned line);
  void eoi(unsigned line);

  // A digest of every line's configuration and state (equal states, equal digests).
  std::uint64_t digest() const;

  // Called when a line becomes pending for a CPU.
  std::function<void(unsigned cpu)> on_pending;

 private:
  struct Line {
    tce::Trigger trigger = tce::Trigger::kLevelHigh;
    unsigned cpu = 0;
    bool enabled = false;
    bool input = false;
    bool pending = false;
    bool active = false;
  };
  void update(Line& l, bool was);

  std::vector<Line> lines_;
};

}  // namespace tandem
