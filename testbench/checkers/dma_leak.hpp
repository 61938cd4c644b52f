// dma_leak: a DMA mapping still held when every program has returned.
#pragma once

#include <fmt/core.h>

#include "checker.hpp"
#include "checker_names.hpp"
#include "iommu.hpp"

namespace tandem {

class DmaLeakChecker : public Checker {
 public:
  explicit DmaLeakChecker(Platform& p) : Checker(checker::kDmaLeak, p) {
    on(kind_bit(EventKind::kDmaMap) | kind_bit(EventKind::kDmaUnmap), [this](const Event& e) {
      const auto dir = static_cast<tce::DmaDir>(e.data);
      if (e.kind == EventKind::kDmaMap) {
        held_.map(e.addr, e.len, dir, e.cycle);
      } else {
        (void)held_.unmap(e.addr, e.len, dir);  // one not held is dma_api's finding
      }
    });
  }
  // A run cut short (a hang, a storm) still holds what it was using: no leak to report.
  void end_of_run(bool finished) override {
    if (!finished) return;
    for (const auto& [page, m] : held_.mappings()) {
      fail(fmt::format("{} bytes at 0x{:x} mapped at cycle {} were never unmapped", m.len, m.bus, m.cycle));
    }
  }

 private:
  Iommu held_;
};

}  // namespace tandem
