// What the sources of TceDevice (tce_device*.cpp) share and nothing else includes: the
// register map's short name and the interrupt events of a channel. TceDevice is split by
// responsibility so that an edit recompiles one part, and only the bug-zoo copies whose
// seeded bug sits in that part (testbench/zoo/).
#pragma once

#include <cstdint>

#include "tce_regs.hpp"

namespace tce {

namespace r = tce::reg;

inline constexpr std::uint32_t kAllOnes = 0xFFFFFFFFu;
inline constexpr std::uint64_t kResetTimeoutNs = 10'000;

constexpr std::uint32_t done_event(unsigned c) {
  return r::IRQ_STATUS::CH_DONE::mask(c);
}
constexpr std::uint32_t err_event(unsigned c) {
  return r::IRQ_STATUS::CH_ERR::mask(c);
}

}  // namespace tce
