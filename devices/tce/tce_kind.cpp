// The TCE as a device kind: registered here, beside its extension; its RTL stays in rtl/,
// its driver in driver/, its variants in rtl/CMakeLists.txt (each names the kind "tce").
#include <memory>

#include "device_kind.hpp"
#include "tce_extension.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

const KindRegistrar kTce({"tce", "the scatter-gather DMA copy engine with its interrupt controller", true,
                          tce::reg::kWindowBytes, "tandem",
                          [](const VerilatedDevice& model) -> std::unique_ptr<DeviceExtension> {
                            return std::make_unique<TceExtension>(model);
                          },
                          tce::reg::register_at});

}  // namespace
}  // namespace tandem
