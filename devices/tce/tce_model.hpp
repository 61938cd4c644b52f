// A Verilated variant of the TCE: the generic model wrapper, plus what only this kind's
// model shows of its insides (its DMA engine and power state, read off the model's
// variables by their hierarchical names). Include only in a variant's own source file.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "tce_pins_bind.hpp"
#include "verilated_device_impl.hpp"

namespace tandem {

template <typename Model>
class TceModel final : public VerilatedDeviceOf<Model> {
 public:
  TceModel(std::shared_ptr<WaveFile> waves, const std::string& scope)
      : VerilatedDeviceOf<Model>(std::move(waves), scope, [](Model& m) {
          return VerilatedPins{bind_tce_pins(m), bind_probes(m)};
        }) {}

  DevicePeek peek() const override {
    const auto& root = this->root();
    DevicePeek p;
    p.dma_busy = root.tce_platform_top__DOT__u_tce__DOT__u_dma__DOT__state_q != 0;  // StIdle
    p.desc = root.tce_platform_top__DOT__u_tce__DOT__u_dma__DOT__desc_q;
    p.pm_busy = root.tce_platform_top__DOT__u_tce__DOT__u_regs__DOT__pm_busy_q != 0;
    return p;
  }
};

}  // namespace tandem
