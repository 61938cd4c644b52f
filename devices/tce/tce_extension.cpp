#include "tce_extension.hpp"

#include "verilated_device.hpp"

namespace tandem {

TceExtension::TceExtension(const VerilatedDevice& model) : model_(model), probes_(model.probes()) {}

void TceExtension::after_cycle(std::uint64_t cycle) {
  const std::uint32_t pending = *probes_.irq_status & *probes_.irq_enable;
  for (std::uint32_t fresh = pending & ~pending_; fresh != 0; fresh &= fresh - 1) {
    pending_since_[static_cast<unsigned>(__builtin_ctz(fresh))] = cycle;
  }
  pending_ = pending;
  if (counting_) {
    const bool busy = model_.peek().dma_busy;
    descriptors_ended_ += dma_busy_ && !busy;
    dma_busy_ = busy;
  }
}

DevicePeek TceExtension::peek() const {
  return model_.peek();
}

}  // namespace tandem
