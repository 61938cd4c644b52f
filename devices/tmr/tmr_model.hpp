// A Verilated variant of the TMR: the generic model wrapper with its generated binding. It
// has no DMA engine and no power states, so it shows nothing more (DevicePeek's idle answer).
// Include only in a variant's own source file.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "tmr/tmr_pins_bind.hpp"
#include "verilated_device_impl.hpp"

namespace tandem {

template <typename Model>
class TmrModel final : public VerilatedDeviceOf<Model> {
 public:
  TmrModel(std::shared_ptr<WaveFile> waves, const std::string& scope)
      : VerilatedDeviceOf<Model>(std::move(waves), scope, [](Model& m) {
          return VerilatedPins{bind_tmr_pins(m), bind_probes(m)};
        }) {}
};

}  // namespace tandem
