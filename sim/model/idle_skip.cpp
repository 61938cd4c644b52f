#include "idle_skip.hpp"

#include <cstdlib>
#include <cstring>

#include "device_harness.hpp"

namespace tandem {

bool idle_skip_allowed() {
  const char* no_skip = std::getenv("TANDEM_NO_SKIP");
  return no_skip == nullptr || *no_skip == 0 || std::strcmp(no_skip, "0") == 0;
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
