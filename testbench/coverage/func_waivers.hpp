// Functional bins the default regression does not hit, each with the reason it cannot or
// need not (func_waivers.cpp, checked in; the report prints the reason beside the bin).
#pragma once

#include <vector>

namespace tandem::cov {

struct Waiver {
  const char* bin;  // "group/name"
  const char* reason;
};

const std::vector<Waiver>& waivers();

}  // namespace tandem::cov
