// What a HAL-call boundary shows, read without a bus access (so without side effects): which
// perturbations apply there, and a digest of the state that decides the run's future.
#pragma once

#include <cstdint>

namespace tandem {

class Platform;
class SimCpu;

struct BoundaryFacts {
  bool irqs = false;      // the CPU takes interrupts here
  bool inflight = false;  // a device works on a descriptor now
  bool pm = false;        // a device is in a power transition
  bool buffered = false;  // the CPU's store buffer holds writes (a drain can hold them)
};

BoundaryFacts boundary_facts(Platform& platform, const SimCpu& cpu);

// A digest of the devices' whole RTL state and interrupt outputs, host memory (every DMA
// region and mapped buffer), the CPUs' store-buffer views and what is pending in them, the
// interrupt controller, and each CPU's context, interrupt mask, deferred work and timers.
// Times are relative to now: equal states at different cycles have equal digests.
std::uint64_t platform_state(Platform& platform);

}  // namespace tandem
