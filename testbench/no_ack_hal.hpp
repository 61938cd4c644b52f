// A driver bug: the top half acknowledges the interrupt controller but not the device (its
// write to IRQ_STATUS never happens), so a level line stays up: an interrupt storm.
#pragma once

#include "hal_decorator.hpp"
#include "tce_regs.hpp"

namespace tandem {

class NoAckHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    if (offset != tce::reg::IRQ_STATUS::kOffset) inner_.write32(offset, value);
  }
};

}  // namespace tandem
