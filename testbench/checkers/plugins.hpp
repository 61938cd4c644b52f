// Checkers a device kind brings along (devices/<kind>/checkers/): each registers itself
// here from its own file, with its catalog entry (name, what fails a run) and how to make
// one for a run. The set (checker_set.cpp) makes one of each after the built-in checkers,
// and the catalog (catalog.cpp) lists them after the built-in names, so ids stay.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "catalog.hpp"
#include "checker.hpp"

namespace tandem {

struct CheckerPlugin {
  CheckerInfo info;
  std::function<std::unique_ptr<Checker>(Platform&)> make;
};

// In registration order (each file's registrars in their order).
std::vector<CheckerPlugin>& checker_plugins();

struct CheckerRegistrar {
  explicit CheckerRegistrar(CheckerPlugin p) { checker_plugins().push_back(std::move(p)); }
};

}  // namespace tandem
