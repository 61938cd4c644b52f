// What the direct RTL tests share: the variants, a harness configuration per variant, and
// buffers in host memory with guard bytes on both sides.
#pragma once

#include <cstdint>
#include <cstring>

#include "bare_device.hpp"

namespace tandem::test {

// Every Verilated variant: both revisions, and 1, 2 and 4 channels.
constexpr const char* kVariants[] = {"default", "rev1", "ch1", "ch4"};

inline HarnessConfig variant(const char* name, unsigned latency = 10) {
  HarnessConfig c;
  c.variant = name;
  c.mem.read_latency = c.mem.write_latency = latency;
  return c;
}

// A buffer in host memory with guard bytes on both sides.
struct Buffer {
  Buffer(BareDevice& dev, std::size_t len, std::size_t align, std::uint8_t fill) : len(len) {
    base = dev.memory().alloc(len + 2 * kGuard + 8);
    bus = base + kGuard + align;
    cpu = dev.memory().at(base, len + 2 * kGuard + 8);
    std::memset(cpu, fill, len + 2 * kGuard + 8);
  }
  std::uint8_t* data() const { return cpu + kGuard + (bus - base - kGuard); }
  bool guards_intact(std::uint8_t fill) const {
    const std::size_t before = bus - base, after = before + len;
    for (std::size_t i = 0; i < before; ++i) {
      if (cpu[i] != fill) return false;
    }
    for (std::size_t i = after; i < len + 2 * kGuard + 8; ++i) {
      if (cpu[i] != fill) return false;
    }
    return true;
  }
  static constexpr std::size_t kGuard = 64;
  std::size_t len;
  std::uint64_t base, bus;
  std::uint8_t* cpu;
};

}  // namespace tandem::test
