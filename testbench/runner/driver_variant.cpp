#include "driver_variant.hpp"

#include <filesystem>

#include "scenario.hpp"

namespace tandem {

namespace {
constexpr char kZooPrefix[] = "xfail_zoo_";
}  // namespace

std::string driver_variant_of(const std::string& scenario) {
  if (const Scenario* s = find_scenario(scenario); s != nullptr && !s->driver.empty()) return std::string(s->driver);
  return scenario.rfind(kZooPrefix, 0) == 0 ? scenario.substr(sizeof kZooPrefix - 1) : std::string();
}

std::string executable_for(const std::string& variant) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (*driver_variant() != '\0') dir = dir.parent_path();  // zoo binaries live in zoo/ below tandem
  return (variant.empty() ? dir / "tandem" : dir / "zoo" / ("tandem-zoo-" + variant)).string();
}

}  // namespace tandem
