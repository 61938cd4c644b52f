// The in-memory descriptor (spec section 4) and its one decoder, from the bytes the
// generated register header lays out: for tests that read back what the device wrote, and
// for the run log, which shows every descriptor the device fetched.
#pragma once

#include <cstdint>

namespace tandem {

struct Descriptor {
  std::uint64_t src = 0, dst = 0;
  std::uint32_t len = 0, ctrl = 0;
  std::uint32_t status = 0, crc = 0;  // as the device wrote them back
};

// The descriptor in the 32 bytes at `bytes` (little-endian, as the device reads them).
Descriptor decode_descriptor(const std::uint8_t* bytes);

// CTRL's fields.
struct DescriptorCtrl {
  bool irq = false, chain = false, crc = false;
  std::uint32_t reserved = 0;  // must be 0, else the descriptor is malformed
  std::uint32_t tag = 0;
};
DescriptorCtrl decode_ctrl(std::uint32_t ctrl);

}  // namespace tandem
