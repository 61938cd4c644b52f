// What runs at every HAL-call boundary: the point just before a CPU begins a HAL call.
// Nothing is installed in an ordinary run; recording boundaries and replaying a schedule
// (sim/platform/boundaries.hpp) install one.
#pragma once

#include <cstdint>

namespace tandem {

class SimCpu;
enum class HalCall : std::uint8_t;

class BoundaryHook {
 public:
  virtual ~BoundaryHook() = default;
  // On `cpu`'s own thread as the call starts, once it is announced (kHalCall) and the
  // CPU's earlier writes were noticed, before its cost and its work: it may wait (hold the
  // CPU) and take interrupts, as a CPU does between two HAL calls.
  // A register access's target is an offset in the window of `device` (else kNoDevice).
  virtual void before_call(SimCpu& cpu, HalCall call, std::uint64_t target, unsigned device) = 0;
};

}  // namespace tandem
