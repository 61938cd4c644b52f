// The TCE's extension of its harness (sim/verilated/device_kind.hpp): what only the TCE's model shows
// without a bus access. Its interrupt controller's latched and enabled events (for the
// timing checker's "pending since"), its DMA engine's state (for holding a CPU until the
// device moved) and the descriptors that end, the channel its engine serves, and what its
// bus traffic shows (descriptor fetches, power states: device_facts.hpp).
#pragma once

#include <array>
#include <cstdint>

#include "device_facts.hpp"
#include "device_kind.hpp"
#include "probe_pins.hpp"

namespace tandem {

class TceExtension final : public DeviceExtension {
 public:
  explicit TceExtension(const VerilatedDevice& model);

  void after_cycle(std::uint64_t cycle) override;
  std::uint64_t pending_since(unsigned event) const override { return pending_since_.at(event); }
  DevicePeek peek() const override;
  void count_descriptors() override { counting_ = true; }
  std::uint64_t descriptors_ended() const override { return descriptors_ended_; }
  unsigned dma_channel() const override { return *probes_.dma_channel; }
  bool csr_access(bool write, std::uint32_t offset, std::uint32_t data, unsigned* state) override {
    return facts_.csr_access(write, offset, data, state);
  }
  bool descriptor_fetch(std::uint64_t addr, std::uint64_t bytes, unsigned* channel, unsigned* index) const override {
    return facts_.descriptor_fetch(addr, bytes, channel, index);
  }

 private:
  const VerilatedDevice& model_;
  const ProbePins& probes_;
  std::uint32_t pending_ = 0;                      // IRQ_STATUS & IRQ_ENABLE after the last cycle
  std::array<std::uint64_t, 32> pending_since_{};  // per event: when it last became pending
  bool counting_ = false;                          // off by default: a look at the model every cycle
  bool dma_busy_ = false;
  std::uint64_t descriptors_ended_ = 0;
  DeviceFacts facts_;
};

}  // namespace tandem
