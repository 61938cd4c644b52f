// dma_fault: the device reached memory the driver did not map for it, or not in that
// direction (the IOMMU refused it).
#pragma once

#include <fmt/core.h>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class DmaFaultChecker : public Checker {
 public:
  explicit DmaFaultChecker(Platform& p) : Checker(checker::kDmaFault, p) {
    on(kind_bit(EventKind::kDmaFault), [this](const Event& e) {
      fail(fmt::format("device {} channel {} {} {} bytes at 0x{:x}, which is not mapped for {}", e.device, e.data,
                       e.write ? "wrote" : "read", e.len, e.addr, e.write ? "writing" : "reading"));
    });
  }
};

}  // namespace tandem
