#include "host_memory.hpp"

#include <algorithm>
#include <cstring>

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
  last_size_ = 0;
  return regions_.erase(base) != 0;
}

std::uint8_t* HostMemory::at(std::uint64_t addr, std::size_t len) {
  // Offsets, not sums, so that nothing wraps: an address below the base gives a huge offset.
  if (addr - last_base_ < last_size_ && len <= last_size_ - (addr - last_base_)) {
    return last_data_ + (addr - last_base_);
  }
  auto it = regions_.upper_bound(addr);
  if (it == regions_.begin()) return nullptr;
  --it;
  const std::uint64_t offset = addr - it->first;
  const std::size_t size = it->second.size();
  if (len > size || offset > size - len) return nullptr;  // no sum that could wrap
  last_base_ = it->first;
  last_size_ = size;
  last_data_ = it->second.data();
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

bool HostMemory::read_beat(std::uint64_t addr, std::uint64_t* data) {
  std::uint8_t bytes[8];
  if (!read(addr, bytes, 8)) return false;
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | bytes[i];
  *data = v;
  return true;
}

bool HostMemory::write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) {
  // The common case, a beat inside one region: one lookup.
  if (std::uint8_t* p = at(addr, 8)) {
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
