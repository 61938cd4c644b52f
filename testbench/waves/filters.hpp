// The translate filters the runner knows the names for: the checker that failed a run (its
// id in the checker catalog), each CPU's HAL call and context (sim/platform/cpu.hpp), and the AXI
// burst sizes and types. The build writes them beside the register map's and the RTL's
// (gen/gtkwave/); the layouts name them.
#pragma once

#include <map>
#include <string>

namespace tandem::waves {

// File name -> contents.
std::map<std::string, std::string> runner_filters();

}  // namespace tandem::waves
