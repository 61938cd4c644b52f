// The one RTL variant the descriptor fuzz drives: the default tce_top (2 channels, 2
// vectors), Verilated for this clang build with the fuzzer's instrumentation.
#include "Vtce_top_default.h"
#include "Vtce_top_default___024root.h"
#include "tce_model.hpp"

namespace tandem {
namespace {
const VariantRegistrar kVariant({"default", "tce", "the default tce_top, built for fuzzing", 2, 2,
                                 [](std::shared_ptr<WaveFile> waves,
                                    const std::string& scope) -> std::unique_ptr<VerilatedDevice> {
                                   return std::make_unique<TceModel<Vtce_top_default>>(std::move(waves), scope);
                                 }});
}  // namespace
}  // namespace tandem
