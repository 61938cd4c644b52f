#include "scenario.hpp"

namespace tandem {

std::vector<Scenario>& scenarios() {
  static std::vector<Scenario> all;
  return all;
}

const Scenario* find_scenario(const std::string& name) {
  for (const Scenario& s : scenarios()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace tandem
