// A reference model of one TMR, written from its contract (devices/tmr/README.md) and not
// from its RTL: the registers and both counters edge by edge, given the register writes
// and the edge each one lands at. The TMR checkers compare it with what the device shows
// (interrupt lines, register reads). Plain C++, no platform: unit-tested on its own.
#pragma once

#include <cstdint>

namespace tandem::tmr_check {

inline constexpr unsigned kVectors = 2;  // 0 the timer (EXPIRED), 1 the watchdog (BARK)

class TmrRefModel {
 public:
  struct Write {
    std::uint32_t offset;
    std::uint32_t value;
  };

  // The edge whose effects the state holds (0: none yet, the reset state).
  std::uint64_t edge() const { return edge_; }
  // The next edge, with the writes whose handshake completes at it (README section 1: their
  // effect is visible from that edge on).
  void step(const Write* writes = nullptr, unsigned count = 0);
  // Up to `most` edges at once, as long as nothing but counting happens: no start, kick,
  // expiry, bark or pulse, so no line changes. Returns the edges advanced (0: the next one
  // does something; step() it).
  std::uint64_t skip(std::uint64_t most);

  // What the interrupt output of `vector` is after edge(): section 6.
  bool line(unsigned vector) const;
  // What a read of `offset` answers from the state after edge() (an offset no register has
  // reads 0, section 2).
  std::uint32_t read(std::uint32_t offset) const;
  // Edges from edge() to the next one at which `vector`'s line rises, if nothing is written
  // meanwhile; 0 when it does not within `most`.
  std::uint64_t edges_to_rise(unsigned vector, std::uint64_t most) const;
  // Edges from edge() to the next one at which any line changes, or to one from which to
  // look again (after a run of eventful edges that change none); 0 when nothing can change
  // within `most` unless something is written.
  std::uint64_t edges_to_look(std::uint64_t most) const;
  bool pulse_mode() const;

 private:
  // Edges looked through, up to the first one after which `happened(before, after)` holds of
  // the lines (*found), or to where the search stopped.
  template <typename Happened>
  std::uint64_t edges_until(Happened happened, std::uint64_t most, bool* found) const;

  std::uint64_t edge_ = 0;
  // Registers.
  std::uint32_t ctrl_ = 0, load_ = 0, irq_enable_ = 0, wdog_load_ = 0, status_ = 0;
  // The counters and what the device remembers from the last edge.
  std::uint32_t count_ = 0, wdog_count_ = 0;
  bool enabled_before_ = false, wdog_enabled_before_ = false;  // a rise of ENABLE/WDOG_EN is a start
  bool kicked_ = false, bad_kick_ = false;                     // a KICK written at the last edge
  std::uint32_t bad_kicks_ = 0;
  std::uint32_t pulses_ = 0;  // the vectors with an enabled event at the last edge
};

}  // namespace tandem::tmr_check
