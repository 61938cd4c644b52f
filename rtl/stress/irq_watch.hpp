// The stress test's interrupt checks, on the interrupt controller's hardware events and
// IRQ_STATUS (probes of the simulation top) and the irq_o lines, cycle by cycle:
// - an IRQ_STATUS_RC read clears exactly what it returned (unless an event re-set a bit);
// - the coalescing timer: a vector in LEVEL mode with timer T signals within T cycles of
//   an unsignalled event while something routed to it stays pending (not on revision 1);
// - a wake-up takes exactly 64 cycles from the PM_CTRL write, whatever is written meanwhile;
// - in D3 every line is low.
#pragma once

#include <cstdint>

#include "stress.hpp"

namespace tandem::stress {

class IrqWatch {
 public:
  IrqWatch(Stress& s, const ProbePins& probes) : s_(s), p_(probes) {}

  // After every cycle, with the lines the device drives now.
  void cycle(std::uint32_t lines);
  // An IRQ_STATUS_RC read was answered; `sw_set`: IRQ_TEST bits written in the same group.
  void rc_read(const CsrRequest& q, std::uint32_t sw_set);
  // Interrupt configuration (enables, routing, modes, coalescing) changed or was lost.
  void reconfigured() { config_at_ = s_.now(); }
  // D3 entered: lines must stay low until the wake-up ends.
  void d3_entered() { d3_ = true; }
  // PM_CTRL = 0 was answered in D3: the wake-up must end exactly kWakeAfter cycles later.
  void wake_written(const CsrRequest& q) { wake_due_ = q.completed + kWakeAfter; }
  bool waking() const { return wake_due_ != 0; }

  // PM_DONE follows the write's answer by this much: the handshake comes one cycle before the
  // answer, TRANSITION_BUSY is set the 64 cycles after it, and the event is raised as it clears.
  static constexpr std::uint64_t kWakeAfter = 64;

 private:
  static constexpr unsigned kHistory = 64;
  Stress& s_;
  const ProbePins& p_;
  std::uint16_t status_[kHistory] = {}, events_[kHistory] = {};
  std::uint64_t config_at_ = 0, wake_due_ = 0;
  bool d3_ = false;
  struct Watch {
    std::uint64_t event = 0;  // first event not yet seen signalled (0: none)
    std::uint64_t high = 0, pending_zero = 0;
  } vec_[4];
  struct Rc {
    std::uint64_t issued = 0, check_at = 0;
    std::uint32_t value = 0, sw_set = 0;
  } rc_;
};

}  // namespace tandem::stress
