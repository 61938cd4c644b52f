// The TMR as a device kind: no memory port, no extension (nothing of it to read beyond its
// probe pins). Its variants are in variants.cmake, each naming the kind "tmr".
#include "device_kind.hpp"
#include "tmr/tmr_regs.hpp"

namespace tandem {
namespace {

const KindRegistrar kTmr({"tmr", "the timer and watchdog", false, tmr::reg::kWindowBytes, "tandem", nullptr,
                          tmr::reg::register_at});

}  // namespace
}  // namespace tandem
