#include "verilated_device.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace tandem {

namespace {
struct CoverageFiles {
  std::string dir;
  unsigned written = 0;
};
CoverageFiles& coverage_files() {
  static CoverageFiles files;
  return files;
}
}  // namespace

bool rtl_coverage_built() {
  return VM_COVERAGE != 0;
}  // the library's own build flag

void set_rtl_coverage_dir(const std::string& dir) {
  // A run folder reused: an earlier run's counts must not merge into this one's.
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("coverage", 0) == 0 && e.path().extension() == ".dat") std::filesystem::remove(e.path(), ec);
  }
  coverage_files().dir = dir;
  coverage_files().written = 0;
}

std::string next_rtl_coverage_file() {
  CoverageFiles& f = coverage_files();
  const unsigned n = f.written++;
  if (!f.dir.empty()) return f.dir + (n == 0 ? "/coverage.dat" : "/coverage-" + std::to_string(n) + ".dat");
  const char* env = std::getenv("TANDEM_COVERAGE_DIR");
  if (env == nullptr || *env == '\0') return "";
  return std::string(env) + "/coverage-" + std::to_string(getpid()) + "-" + std::to_string(n) + ".dat";
}

std::vector<DeviceVariant>& device_variants() {
  static std::vector<DeviceVariant> all;
  return all;
}

const DeviceVariant* find_variant(const std::string& name) {
  for (const DeviceVariant& v : device_variants()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace tandem
