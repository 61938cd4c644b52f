#include "descriptor.hpp"

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {
std::uint64_t le(const std::uint8_t* p, unsigned bytes) {
  std::uint64_t v = 0;
  for (unsigned i = bytes; i-- > 0;) v = v << 8 | p[i];
  return v;
}
}  // namespace

Descriptor decode_descriptor(const std::uint8_t* bytes) {
  Descriptor d;
  d.src = le(bytes + r::desc::kSrcOffset, 8);
  d.dst = le(bytes + r::desc::kDstOffset, 8);
  d.len = static_cast<std::uint32_t>(le(bytes + r::desc::kLenOffset, 4));
  d.ctrl = static_cast<std::uint32_t>(le(bytes + r::desc::kCtrlOffset, 4));
  d.status = static_cast<std::uint32_t>(le(bytes + r::desc::kStatusOffset, 4));
  d.crc = static_cast<std::uint32_t>(le(bytes + r::desc::kCrcOffset, 4));
  return d;
}

DescriptorCtrl decode_ctrl(std::uint32_t ctrl) {
  DescriptorCtrl c;
  c.irq = r::get<r::desc::CTRL::IRQ>(ctrl) != 0;
  c.chain = r::get<r::desc::CTRL::CHAIN>(ctrl) != 0;
  c.crc = r::get<r::desc::CTRL::CRC>(ctrl) != 0;
  c.reserved = r::get<r::desc::CTRL::RESERVED>(ctrl);
  c.tag = r::get<r::desc::CTRL::TAG>(ctrl);
  return c;
}

}  // namespace tandem
