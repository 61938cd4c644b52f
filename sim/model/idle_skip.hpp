// Idle skipping: cycles in which every device is quiescent (tce_top's quiescent_o, its CSR
// master and memory port with nothing to do) are counted, not evaluated. Exact: the same
// cycles, logs, waves and verdicts as evaluating every one.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem {

class DeviceHarness;

// The cycles at the end of a skipped span that are evaluated all the same, with the inputs
// stepping gives them: the protocol assertions keep their inputs' values of the last edges
// ($stable under |=>: the sampled value, its past, and the sampled copy of that past), and
// the memory's READYs toggle under back-pressure while the device is quiet. Evaluating
// these last cycles leaves every such register as stepping would (rtl/tce_idle_test.cpp
// compares whole model states: one cycle is too few, two are enough, the third is margin).
inline constexpr std::uint64_t kIdleEvaluated = 3;

// False when the environment variable `off_switch` is set to anything but empty or 0: how
// an exact shortcut is turned off from outside, whatever the configuration says, so that
// anybody can check a run both ways (TANDEM_NO_SKIP here, TANDEM_TWO_EVALS for the edge
// evaluated alone: DeviceHarness).
bool shortcut_allowed(const char* off_switch);

// With `left` cycles still to run, skips all but the last kIdleEvaluated of them if every
// one of the `count` devices skips (HarnessConfig::idle_skip, no waves) and is quiescent.
// Returns the cycles skipped (0 or left - kIdleEvaluated). The caller runs up to the next
// thing that can happen outside the devices (a CPU's access, a timer, an injected fault):
// quiescent, nothing in them changes before it.
std::uint64_t skip_quiescent(DeviceHarness* const* devices, std::size_t count, std::uint64_t left);

}  // namespace tandem
