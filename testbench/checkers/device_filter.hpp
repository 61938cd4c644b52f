// Which events a checker of one device kind judges: those about a device of its kind, and
// those about no device at all (an interrupt controller line, a CPU's context, the run's
// end), which concern every kind. A plain function of the platform's kinds, for unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events.hpp"

namespace tandem {

// `kinds`: each device's kind name, device 0 first.
inline bool judged_by(const Event& e, const std::vector<std::string>& kinds, std::string_view kind) {
  if (e.device == kNoDevice) return true;
  return e.device < kinds.size() && kinds[e.device] == kind;
}

}  // namespace tandem
