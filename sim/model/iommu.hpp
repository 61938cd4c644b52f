// The IOMMU in front of host memory: the device reaches only the windows the driver mapped,
// in the direction mapped. Windows cover whole 4 KiB pages, as a real IOMMU maps them.
// Anything else is refused (the bus answers DECERR) and recorded as a DMA fault.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "hal_types.hpp"

namespace tandem {

class Iommu {
 public:
  void map(std::uint64_t bus, std::size_t len, tce::DmaDir dir, std::uint64_t cycle);
  // False if no such mapping exists.
  bool unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir);
  // Whether the device may read (write) every page of [addr, addr + bytes).
  bool allows(std::uint64_t addr, std::uint64_t bytes, bool write) const;

  struct Mapping {
    std::uint64_t bus;
    std::size_t len;
    tce::DmaDir dir;
    std::uint64_t cycle;
  };
  const std::multimap<std::uint64_t, Mapping>& mappings() const { return mappings_; }

 private:
  std::multimap<std::uint64_t, Mapping> mappings_;  // by first page
};

}  // namespace tandem
