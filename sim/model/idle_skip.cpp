#include "idle_skip.hpp"

#include <cstdlib>
#include <cstring>

#include "device_harness.hpp"

namespace tandem {

bool shortcut_allowed(const char* off_switch) {
  const char* off = std::getenv(off_switch);
  return off == nullptr || *off == 0 || std::strcmp(off, "0") == 0;
}

std::uint64_t skip_quiescent(DeviceHarness* const* devices, std::size_t count, std::uint64_t left) {
  if (left <= kIdleEvaluated) return 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!devices[i]->skipping() || !devices[i]->quiescent()) return 0;
  }
  const std::uint64_t n = left - kIdleEvaluated;
  for (std::size_t i = 0; i < count; ++i) devices[i]->skip(n);
  return n;
}

}  // namespace tandem
