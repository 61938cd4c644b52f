#include "iommu.hpp"

#include <doctest/doctest.h>

using tandem::Iommu;
using tce::DmaDir;

TEST_CASE("the IOMMU lets the device reach mapped pages in the mapped direction only") {
  Iommu mmu;
  mmu.map(0x10000 + 100, 50, DmaDir::kToDevice, 0);  // one page, device reads
  mmu.map(0x20000, 0x1800, DmaDir::kFromDevice, 0);  // two pages, device writes
  CHECK(mmu.allows(0x10000, 8, false));              // the same page, outside the bytes: pages count
  CHECK_FALSE(mmu.allows(0x10000, 8, true));         // wrong direction
  CHECK_FALSE(mmu.allows(0x10FF8, 16, false));       // runs into an unmapped page
  CHECK(mmu.allows(0x20000, 0x2000, true));          // both pages
  CHECK_FALSE(mmu.allows(0x20000, 0x2001, true));    // one byte into the third
  CHECK_FALSE(mmu.allows(0x30000, 8, false));
  CHECK(mmu.unmap(0x20000, 0x1800, DmaDir::kFromDevice));
  CHECK_FALSE(mmu.allows(0x20000, 8, true));
  CHECK_FALSE(mmu.unmap(0x20000, 0x1800, DmaDir::kFromDevice));
  mmu.map(0x40000, 8, DmaDir::kBidirectional, 0);
  CHECK(mmu.allows(0x40000, 8, false));
  CHECK(mmu.allows(0x40000, 8, true));
}
