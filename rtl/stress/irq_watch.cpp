#include "irq_watch.hpp"

#include <sstream>

#include "tce_regs.hpp"

namespace tandem::stress {

namespace r = tce::reg;

void IrqWatch::rc_read(const CsrRequest& q, std::uint32_t sw_set) {
  rc_ = {q.issued, q.completed + 2, q.data, sw_set};
}

void IrqWatch::cycle(std::uint32_t lines) {
  const std::uint64_t now = s_.now();
  const std::uint16_t status = *p_.irq_status, events = *p_.irq_events;
  status_[now % kHistory] = status;
  events_[now % kHistory] = events;
  const CsrModel& m = s_.model();

  if (rc_.check_at != 0 && now >= rc_.check_at) {
    // Each returned bit must have read 0 at some cycle since the read went out, unless an
    // event (or IRQ_TEST in the same group) set it again.
    // The probes show after an edge the events the next edge latches: start one cycle early.
    std::uint32_t kept = now - rc_.issued < kHistory - 1 ? rc_.value & ~rc_.sw_set : 0;
    for (std::uint64_t t = rc_.issued - 1; t <= now && kept != 0; ++t) {
      kept &= status_[t % kHistory] & ~events_[t % kHistory];
    }
    if (kept != 0) {
      std::ostringstream o;
      o << "IRQ_STATUS_RC returned 0x" << std::hex << rc_.value << " but left 0x" << kept << " set";
      s_.fail("rc_clears_exactly", o.str());
    }
    rc_.check_at = 0;
  }

  if ((events & r::IRQ_STATUS::PM_DONE::kMask) != 0) {
    if (wake_due_ != now) {
      std::ostringstream o;
      o << "PM_DONE at cycle " << now << ", the wake-up was due at " << wake_due_ << " (exactly 64 cycles)";
      return s_.fail("wake_64_cycles", o.str());
    }
    wake_due_ = 0;
    d3_ = false;
    ++s_.result().wakes;
  } else if (wake_due_ != 0 && now > wake_due_) {
    return s_.fail("wake_64_cycles", "no PM_DONE " + std::to_string(now - wake_due_ + kWakeAfter) +
                                         " cycles after the wake-up was written");
  }
  if (d3_ && lines != 0) return s_.fail("d3_quiet", "an interrupt line is high in D3");

  const unsigned vectors = m.variant().vectors;
  for (unsigned v = 0; v < vectors; ++v) {
    Watch& w = vec_[v];
    std::uint32_t mine = 0;
    for (unsigned e = 0; e < 9; ++e) {
      if (((m.vec_map() >> (2 * e)) & 3) == v) mine |= 1u << e;
    }
    const std::uint32_t timer = r::get<r::IRQ_COALESCE::TIMER>(m.coalesce(v));
    if ((lines >> v) & 1) w.high = now;
    if ((status & m.irq_enable() & mine) == 0) w.pending_zero = now;
    const bool watched = m.variant().revision != 1 && timer != 0 && ((m.mode() >> v) & 1) == 0 && !d3_;
    if (!watched) {
      w.event = 0;
      continue;
    }
    if (w.event == 0 && (events & m.irq_enable() & mine) != 0) w.event = now;
    // Four cycles of slack: the event's latch, the timer's compare, the line's register.
    if (w.event != 0 && now >= w.event + timer + 4) {
      // The vector may have signalled for an earlier event while nothing was pending (the
      // timer runs from the first unsignalled event): only a window with something pending
      // all along must see the line rise.
      const bool exempt = config_at_ + 1 >= w.event || w.high >= w.event || w.pending_zero >= w.event;
      if (!exempt) {
        std::ostringstream o;
        o << "vector " << v << ": event at cycle " << w.event << ", timer " << timer
          << ", something pending ever since, and the line still low";
        return s_.fail("coalesce_timer", o.str());
      }
      w.event = 0;
    }
  }
}

}  // namespace tandem::stress
