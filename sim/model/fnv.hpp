// FNV-1a, 64 bits: digests of simulation state that are equal exactly when their inputs are
// (up to collisions), the same on every run and machine.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem {

class Fnv1a {
 public:
  void byte(std::uint8_t b) { h_ = (h_ ^ b) * 0x100000001B3ull; }
  void bytes(const void* data, std::size_t len) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    for (std::size_t i = 0; i < len; ++i) byte(p[i]);
  }
  // Little-endian, whatever the host's order.
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xCBF29CE484222325ull;
};

}  // namespace tandem
