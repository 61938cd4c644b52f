#include "host_memory.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "fnv.hpp"

namespace tandem {

std::uint64_t HostMemory::alloc(std::size_t size) {
  const std::uint64_t base = next_;
  const std::uint64_t mapped = (std::max<std::uint64_t>(size, 1) + kPage - 1) & ~(kPage - 1);
  regions_[base].assign(mapped, 0);
  next_ = base + mapped + kPage;  // one unmapped page between regions
  return base;
}

bool HostMemory::free(std::uint64_t base) {
  found_[0] = found_[1] = Found{};
  return regions_.erase(base) != 0;
}

std::uint8_t* HostMemory::at(std::uint64_t addr, std::size_t len) {
  // Offsets, not sums, so that nothing wraps: an address below the base gives a huge offset.
  for (unsigned i = 0; i < 2; ++i) {
    const Found f = found_[i];
    if (addr - f.base < f.size && len <= f.size - (addr - f.base)) {
      if (i != 0) std::swap(found_[0], found_[1]);
      return f.data + (addr - f.base);
    }
  }
  auto it = regions_.upper_bound(addr);
  if (it == regions_.begin()) return nullptr;
  --it;
  const std::uint64_t offset = addr - it->first;
  const std::size_t size = it->second.size();
  if (len > size || offset > size - len) return nullptr;  // no sum that could wrap
  found_[1] = found_[0];
  found_[0] = Found{it->first, size, it->second.data()};
  return it->second.data() + offset;
}

std::uint64_t HostMemory::bus_of(const void* cpu, std::size_t len) const {
  // Integer offsets, not pointer sums: a range whose end wraps the address space is
  // refused, and no pointer is ever formed past a region.
  const auto p = reinterpret_cast<std::uintptr_t>(cpu);
  if (len == 0 || len - 1 > UINTPTR_MAX - p) return 0;
  for (const auto& [base, bytes] : regions_) {
    const auto begin = reinterpret_cast<std::uintptr_t>(bytes.data());
    if (p >= begin && p - begin <= bytes.size() && len <= bytes.size() - (p - begin)) return base + (p - begin);
  }
  return 0;
}

std::uint64_t HostMemory::digest() const {
  Fnv1a h;
  for (const auto& [base, bytes] : regions_) {
    h.u64(base);
    h.bytes(bytes.data(), bytes.size());
  }
  return h.value();
}

bool HostMemory::read(std::uint64_t addr, void* out, std::size_t len) {
  const std::uint8_t* p = at(addr, len);
  if (p == nullptr) return false;
  std::memcpy(out, p, len);
  return true;
}

bool HostMemory::write(std::uint64_t addr, const void* in, std::size_t len) {
  std::uint8_t* p = at(addr, len);
  if (p == nullptr) return false;
  std::memcpy(p, in, len);
  return true;
}

namespace {
// A beat's bytes are little-endian, as a host of this byte order holds a 64-bit word.
constexpr bool kLittleEndianHost = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
}  // namespace

bool HostMemory::read_beat(std::uint64_t addr, std::uint64_t* data) {
  const std::uint8_t* p = at(addr, 8);
  if (p == nullptr) return false;
  std::uint64_t v = 0;
  if constexpr (kLittleEndianHost) {
    std::memcpy(&v, p, 8);
  } else {
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  }
  *data = v;
  return true;
}

bool HostMemory::write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) {
  // The common case, a beat inside one region: one lookup.
  if (std::uint8_t* p = at(addr, 8)) {
    if (kLittleEndianHost && strobes == 0xFF) {
      std::memcpy(p, &data, 8);
      return true;
    }
    for (unsigned i = 0; i < 8; ++i) {
      if (strobes >> i & 1) p[i] = static_cast<std::uint8_t>(data >> (8 * i));
    }
    return true;
  }
  // Every strobed byte must be mapped, or the beat has no effect.
  for (unsigned i = 0; i < 8; ++i) {
    if ((strobes >> i & 1) && at(addr + i) == nullptr) return false;
  }
  for (unsigned i = 0; i < 8; ++i) {
    if (strobes >> i & 1) *at(addr + i) = static_cast<std::uint8_t>(data >> (8 * i));
  }
  return true;
}

}  // namespace tandem
