// The descriptor decoder against bytes laid out by hand as spec section 4 gives them.
#include <doctest/doctest.h>

#include <array>

#include "descriptor.hpp"

namespace tandem {

TEST_CASE("a descriptor decodes from its 32 little-endian bytes") {
  std::array<std::uint8_t, 32> b{};
  const auto put = [&b](unsigned at, std::uint64_t v, unsigned bytes) {
    for (unsigned i = 0; i < bytes; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
  };
  put(0x00, 0x0000'1234'5678'9abcull, 8);  // SRC
  put(0x08, 0x0000'8000'0000'0007ull, 8);  // DST
  put(0x10, 5839, 4);                      // LEN
  put(0x14, 0x0005'0007, 4);               // CTRL: IRQ, CHAIN, CRC, TAG 5
  put(0x18, 0x0005'0001, 4);               // STATUS: DONE, TAG 5
  put(0x1C, 0xdeadbeef, 4);                // CRC
  const Descriptor d = decode_descriptor(b.data());
  CHECK(d.src == 0x1234'5678'9abcull);
  CHECK(d.dst == 0x8000'0000'0007ull);
  CHECK(d.len == 5839);
  CHECK(d.ctrl == 0x0005'0007);
  CHECK(d.status == 0x0005'0001);
  CHECK(d.crc == 0xdeadbeef);
  const DescriptorCtrl c = decode_ctrl(d.ctrl);
  CHECK(c.irq);
  CHECK(c.chain);
  CHECK(c.crc);
  CHECK(c.reserved == 0);
  CHECK(c.tag == 5);
  const DescriptorCtrl malformed = decode_ctrl(0x0001'0008);  // bit 3: reserved
  CHECK(!malformed.irq);
  CHECK(malformed.reserved == 1);
  CHECK(malformed.tag == 1);
}

}  // namespace tandem
