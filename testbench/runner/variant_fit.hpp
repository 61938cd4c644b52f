// Whether `tandem run NAME --variant V` can run: a scenario's devices are of one kind, or
// fixed by its own device list, and an RTL variant of another kind would only fail the run
// (a TCE driver probing a timer), so it is refused before anything runs.
#pragma once

#include <string>

#include "scenario.hpp"

namespace tandem {

// Empty when `variant` (a registered RTL variant) fits `s`: with no device list of its own,
// a variant of the kind its declared variants are of (a TCE's without any); with one, a
// variant the list names. Otherwise why not, naming the kind expected and the variant's.
std::string variant_misfit(const Scenario& s, const std::string& variant);

}  // namespace tandem
