#include "desc_ledger.hpp"

#include <algorithm>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

std::optional<Doorbell> DescLedger::csr_write(unsigned device, std::uint32_t offset, std::uint32_t value,
                                              std::uint64_t cycle) {
  unsigned c = 0;
  const r::RegInfo* info = r::find(offset, &c);
  if (info == nullptr) return std::nullopt;
  if (info->offset == r::CTRL::kOffset) {
    if (r::get<r::CTRL::SOFT_RESET>(value) != 0) reset_device(device);
    return std::nullopt;
  }
  if (c >= 4) return std::nullopt;
  Ring& ring = rings(device)[c];
  if (info->offset == r::RING_BASE_LO::offset(0)) {
    ring.base = (ring.base & ~std::uint64_t{0xFFFFFFFF}) | (value & r::RING_BASE_LO::ADDR::kMask);
    ring.release_all();
  } else if (info->offset == r::RING_BASE_HI::offset(0)) {
    ring.base = (ring.base & 0xFFFFFFFF) | std::uint64_t{r::get<r::RING_BASE_HI::ADDR>(value)} << 32;
    ring.release_all();
  } else if (info->offset == r::RING_SIZE_LOG2::offset(0)) {
    ring.log2 = r::get<r::RING_SIZE_LOG2::LOG2>(value);
    ring.release_all();
  } else if (info->offset == r::CH_CTRL::offset(0) && r::get<r::CH_CTRL::RESET>(value) != 0) {
    ring.tail = 0;  // HEAD = TAIL = 0: the ring is empty and every slot software's
    ring.release_all();
  } else if (info->offset == r::RING_TAIL::offset(0) && ring.size() != 0) {
    Doorbell d{c, ring.tail, r::get<r::RING_TAIL::INDEX>(value) & (ring.size() - 1)};
    for (unsigned i = ring.tail; i != d.tail; i = (i + 1) & (ring.size() - 1)) {
      if (ring.owned[i] == 0) ring.owned[i] = cycle + 1;
      ring.written[i] = false;
    }
    for (unsigned i = 0; i < ring.size(); ++i) {
      if (ring.written[i] && ring.owned[i] == 0) ++d.left_out;
    }
    ring.written.assign(ring.size(), false);
    d.overfull = d.tail != d.old_tail && ring.owned[d.tail] != 0;
    ring.tail = d.tail;
    return d;
  }
  return std::nullopt;
}

std::vector<DescSlot> DescLedger::cpu_write(std::uint64_t addr, std::uint64_t len) {
  for (auto& [device, rings] : devices_) {
    for (Ring& ring : rings) {
      if (!ring.overlaps(addr, len)) continue;
      const std::uint64_t bytes = std::uint64_t{ring.size()} * kSlotBytes;
      const std::uint64_t first = (std::max(addr, ring.base) - ring.base) / kSlotBytes;
      const std::uint64_t last = (std::min(addr + len, ring.base + bytes) - 1 - ring.base) / kSlotBytes;
      for (std::uint64_t i = first; i <= last; ++i) ring.written[i] = ring.owned[i] == 0;
    }
  }
  return owned_in(addr, len);
}

// HEAD is the next slot the device will process: the owned run just before it is done.
void DescLedger::csr_read(unsigned device, std::uint32_t offset, std::uint32_t value) {
  unsigned c = 0;
  const r::RegInfo* info = r::find(offset, &c);
  if (info == nullptr || info->offset != r::RING_HEAD::offset(0) || c >= 4) return;
  Ring& ring = rings(device)[c];
  if (ring.size() == 0) return;
  const unsigned mask = ring.size() - 1;
  unsigned i = (r::get<r::RING_HEAD::INDEX>(value) - 1) & mask;
  for (unsigned n = 1; n < ring.size() && ring.owned[i] != 0; ++n, i = (i - 1) & mask) ring.release(i);
}

void DescLedger::device_fetch(unsigned device, unsigned channel, unsigned index) {
  if (!owned(device, channel, index)) return;
  rings(device)[channel].fetched[index] = true;
}

void DescLedger::device_write(unsigned device, std::uint64_t addr, std::uint64_t len) {
  auto it = devices_.find(device);
  if (it == devices_.end()) return;
  for (Ring& ring : it->second) {
    if (!ring.overlaps(addr, len)) continue;
    const std::uint64_t bytes = std::uint64_t{ring.size()} * kSlotBytes;
    const std::uint64_t status = r::desc::kStatusOffset;
    for (std::uint64_t a = addr; a < addr + len; ++a) {
      if (a < ring.base || a >= ring.base + bytes || (a - ring.base) % kSlotBytes != status) continue;
      const auto i = static_cast<unsigned>((a - ring.base) / kSlotBytes);
      if (ring.fetched[i]) ring.release(i);
    }
  }
}

void DescLedger::reset_device(unsigned device) {
  devices_.erase(device);
}

void DescLedger::freed(unsigned device, std::uint64_t bus) {
  auto it = devices_.find(device);
  if (it == devices_.end()) return;
  for (Ring& ring : it->second) {
    if (ring.base == bus) ring = Ring{};
  }
}

std::vector<DescSlot> DescLedger::owned_in(std::uint64_t addr, std::uint64_t len) const {
  std::vector<DescSlot> out;
  for (const auto& [device, rings] : devices_) {
    for (unsigned c = 0; c < rings.size(); ++c) {
      const Ring& ring = rings[c];
      if (!ring.overlaps(addr, len)) continue;
      const std::uint64_t bytes = std::uint64_t{ring.size()} * kSlotBytes;
      const std::uint64_t first = (std::max(addr, ring.base) - ring.base) / kSlotBytes;
      const std::uint64_t last = (std::min(addr + len, ring.base + bytes) - 1 - ring.base) / kSlotBytes;
      for (std::uint64_t i = first; i <= last; ++i) {
        if (ring.owned[i] == 0) continue;
        out.push_back({device, c, static_cast<unsigned>(i), ring.base + i * kSlotBytes, ring.owned[i] - 1});
      }
    }
  }
  return out;
}

std::optional<DescSlot> DescLedger::slot_at(std::uint64_t addr, std::uint64_t len) const {
  for (const auto& [device, rings] : devices_) {
    for (unsigned c = 0; c < rings.size(); ++c) {
      const Ring& ring = rings[c];
      if (!ring.overlaps(addr, len)) continue;
      const auto i = static_cast<unsigned>((std::max(addr, ring.base) - ring.base) / kSlotBytes);
      return DescSlot{device, c, i, ring.base + i * kSlotBytes, ring.owned[i] == 0 ? 0 : ring.owned[i] - 1};
    }
  }
  return std::nullopt;
}

bool DescLedger::configured(unsigned device, unsigned channel) const {
  auto it = devices_.find(device);
  return it != devices_.end() && channel < 4 && it->second[channel].size() != 0;
}

bool DescLedger::owned(unsigned device, unsigned channel, unsigned index) const {
  auto it = devices_.find(device);
  if (it == devices_.end() || channel >= 4) return false;
  const Ring& ring = it->second[channel];
  return index < ring.owned.size() && ring.owned[index] != 0;
}

}  // namespace tandem
