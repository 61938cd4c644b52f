// The DMA mappings the driver holds, kept in the IOMMU that stands between the devices and
// host memory: each map and unmap is published, and each device access outside every mapping
// is refused, recorded and published as a DMA fault.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hal.hpp"
#include "iommu.hpp"

namespace tandem {

class Platform;

class DmaMappings {
 public:
  explicit DmaMappings(Platform& platform) : platform_(platform) {}
  DmaMappings(const DmaMappings&) = delete;
  DmaMappings& operator=(const DmaMappings&) = delete;

  Iommu& iommu() { return iommu_; }

  // The driver, on the CPU running now, mapped or released memory for `device` by the HAL
  // call `call` (its name: dma_map, dma_alloc, dma_unmap, dma_free).
  void mapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir, const char* call);
  void unmapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir, const char* call);
  // Whether `device` may make this access (else it is a DMA fault).
  bool allows(unsigned device, std::uint64_t addr, std::uint64_t bytes, bool write);

 private:
  Platform& platform_;
  Iommu iommu_;
};

}  // namespace tandem
