// A device's interrupt state as its RTL holds it (status, enables, routing, modes), read
// off the model's outputs without a bus access: judging it changes no timing.
#pragma once

#include <cstdint>

#include "platform.hpp"
#include "tce_regs.hpp"

namespace tandem {

// Events of `device` routed to a vector that drives `line` (whatever their state).
inline std::uint32_t events_routed_to(Platform& p, unsigned device, unsigned line) {
  const std::uint32_t map = *p.harness(device).probes().irq_vec_map;
  std::uint32_t routed = 0;
  for (unsigned event = 0; event < 32; ++event) {
    if ((tce::reg::IRQ_STATUS::kWriteMask >> event & 1) != 0 && p.line_of(device, map >> (2 * event) & 3) == line) {
      routed |= 1u << event;
    }
  }
  return routed;
}

// Events of `device` pending (latched and enabled) and routed to a vector on `line`.
inline std::uint32_t pending_on(Platform& p, unsigned device, unsigned line) {
  const ProbePins& probes = p.harness(device).probes();
  return *probes.irq_status & *probes.irq_enable & events_routed_to(p, device, line);
}

// Whether vector `vector` of `device` is in PULSE mode (IRQ_MODE).
inline bool pulse_mode(Platform& p, unsigned device, unsigned vector) {
  return (*p.harness(device).probes().irq_pulse >> vector & 1) != 0;
}

}  // namespace tandem
