#include "iommu.hpp"

namespace tandem {
namespace {

constexpr std::uint64_t kPage = 4096;

bool reads(tce::DmaDir d) {
  return d == tce::DmaDir::kToDevice || d == tce::DmaDir::kBidirectional;
}
bool writes(tce::DmaDir d) {
  return d == tce::DmaDir::kFromDevice || d == tce::DmaDir::kBidirectional;
}

}  // namespace

void Iommu::map(std::uint64_t bus, std::size_t len, tce::DmaDir dir, std::uint64_t cycle) {
  mappings_.emplace(bus / kPage, Mapping{bus, len, dir, cycle});
}

bool Iommu::unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  auto range = mappings_.equal_range(bus / kPage);
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.bus == bus && it->second.len == len && it->second.dir == dir) {
      mappings_.erase(it);
      return true;
    }
  }
  return false;
}

bool Iommu::allows(std::uint64_t addr, std::uint64_t bytes, bool write) const {
  const std::uint64_t last_page = (addr + bytes - 1) / kPage;
  for (std::uint64_t page = addr / kPage; page <= last_page; ++page) {
    bool covered = false;
    for (const auto& [first, m] : mappings_) {
      if (first > page) break;
      const std::uint64_t m_last = (m.bus + m.len - 1) / kPage;
      if (page <= m_last && (write ? writes(m.dir) : reads(m.dir))) {
        covered = true;
        break;
      }
    }
    if (!covered) return false;
  }
  return true;
}

}  // namespace tandem
