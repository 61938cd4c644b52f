// Which driver this executable holds. `tandem` links the release driver; each bug-zoo
// binary (zoo/tandem-zoo-<class> beside it) links the release driver with one seeded bug
// patched in (testbench/zoo/<class>.patch, or a device kind's devices/<kind>/zoo/). A scenario
// named xfail_zoo_<class>, or naming the class in Scenario::driver, needs the driver of its
// class; the runner hands it to the executable that has it.
#pragma once

#include <string>

namespace tandem {

// "" for the release driver, else the zoo class this executable was built with (defined in
// variant_name.cpp, the one source compiled once per executable).
const char* driver_variant();

// The driver a scenario needs: "" for the release driver.
std::string driver_variant_of(const std::string& scenario);

// The executable built with driver `variant`, found from this executable's own path.
std::string executable_for(const std::string& variant);

}  // namespace tandem
