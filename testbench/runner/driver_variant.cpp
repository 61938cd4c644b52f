// Compiled into every runner executable, each with its own TANDEM_DRIVER_VARIANT: the one
// source of the runner that differs between the release binary and the zoo binaries.
#include "driver_variant.hpp"

#include <filesystem>

#ifndef TANDEM_DRIVER_VARIANT
#define TANDEM_DRIVER_VARIANT ""
#endif

namespace tandem {

namespace {
constexpr char kZooPrefix[] = "xfail_zoo_";
}  // namespace

const char* driver_variant() {
  return TANDEM_DRIVER_VARIANT;
}

std::string driver_variant_of(const std::string& scenario) {
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
