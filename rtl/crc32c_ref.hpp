// Software CRC-32C (Castagnoli, reflected), bit by bit: the reference RTL tests check the
// device's CRC against. Pass the running state to continue a stream; the value the
// device writes back is the complement of the state.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem {

inline std::uint32_t crc32c(const std::uint8_t* p, std::size_t n, std::uint32_t state = 0xFFFFFFFF) {
  for (std::size_t i = 0; i < n; ++i) {
    state ^= p[i];
    for (int k = 0; k < 8; ++k) state = (state >> 1) ^ (0x82F63B78u & (0u - (state & 1u)));
  }
  return state;
}

}  // namespace tandem
