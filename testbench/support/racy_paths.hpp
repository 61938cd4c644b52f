// The driver's racy paths, small enough that `tandem explore` can try every interleaving of
// two perturbations at their HAL-call boundaries: the interrupt against process-context
// submission, against the bottom half, two CPUs submitting, the watchdog against a
// completion, and suspend against a completion. The racy-path scenarios run them on the
// release driver; the bug zoo's races run them on a driver with one seeded race.
#pragma once

#include "scenario.hpp"

namespace tandem::racy {

// Copies submitted back to back on one channel while the first ones complete: the
// interrupt lands in the middle of a submission.
void isr_vs_submit(ScenarioContext& ctx, SimCpu& cpu);
// A short copy then a long one on one channel, interrupts as pulses: the second
// completion may land while the first one's bottom half runs.
void isr_vs_bottom_half(ScenarioContext& ctx, SimCpu& cpu);
// Two CPUs submit through one driver, with the interrupt on CPU 0 (configure: two_cpus).
void smp_submit(ScenarioContext& ctx, SimCpu& cpu);
void two_cpus(PlatformConfig& config);
// The same, one copy each, CPU 1 submitting after CPU 0's copy completed (configure:
// two_cpus): the submissions, and CPU 1's watchdog and CPU 0's bottom half, meet only where
// a schedule moves one into the other.
void smp_submit_staggered(ScenarioContext& ctx, SimCpu& cpu);
// Completions found by the watchdog (interrupts coalesced by count, never reached).
void watchdog_vs_completion(ScenarioContext& ctx, SimCpu& cpu);
// Suspend requested while a copy is on the ring: it must wait for the completion.
void suspend_vs_completion(ScenarioContext& ctx, SimCpu& cpu);

}  // namespace tandem::racy
