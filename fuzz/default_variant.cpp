// The one RTL variant the descriptor fuzz drives: the default tce_top, Verilated for this
// clang build with the fuzzer's instrumentation.
#include "Vtce_top_default.h"
#include "verilated_device_impl.hpp"

namespace tandem {
namespace {
const VariantRegistrar kVariant({"default", "the default tce_top, built for fuzzing",
                                 [](bool trace) -> std::unique_ptr<VerilatedDevice> {
                                   return std::make_unique<VerilatedDeviceOf<Vtce_top_default>>(trace);
                                 }});
}  // namespace
}  // namespace tandem
