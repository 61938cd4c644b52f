// dma_api: the driver released DMA memory it does not hold: an unmap of a mapping that does
// not exist (twice, or with another length or direction), or a free of memory never
// allocated. It keeps its own ledger of mappings, from the map and unmap events.
#pragma once

#include <fmt/core.h>

#include "checker.hpp"
#include "checker_names.hpp"
#include "iommu.hpp"

namespace tandem {

class DmaApiChecker : public Checker {
 public:
  explicit DmaApiChecker(Platform& p) : Checker(checker::kDmaApi, p) {
    on(kind_bit(EventKind::kDmaMap) | kind_bit(EventKind::kDmaUnmap) | kind_bit(EventKind::kDmaFree),
       [this](const Event& e) {
         const auto dir = static_cast<tce::DmaDir>(e.data);
         if (e.kind == EventKind::kDmaMap) {
           held_.map(e.addr, e.len, dir, e.cycle);
         } else if (e.kind == EventKind::kDmaUnmap) {
           if (!held_.unmap(e.addr, e.len, dir)) {
             fail(fmt::format("unmap of {} bytes at 0x{:x}, which is not mapped so", e.len, e.addr));
           }
         } else if (!e.level) {
           fail(fmt::format("dma_free of 0x{:x}, which is not allocated", e.addr));
         }
       });
  }

 private:
  Iommu held_;  // used as a ledger: the same matching rules as the platform's IOMMU
};

}  // namespace tandem
