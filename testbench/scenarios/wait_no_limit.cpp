// A wait with no time limit (UINT64_MAX ns) on the platform, with interrupts and by
// polling: it must wait for the copy, not overflow its deadline and time out at once.
#include <fmt/core.h>

#include <cstdint>
#include <cstring>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

void copy_waiting_without_limit(ScenarioContext& ctx, tce::IrqMode mode, const char* how) {
  tce::DeviceConfig cfg;
  cfg.irq_mode = mode;
  tce::CopyRequest req;  // outlives the device's use of it
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  const auto len = static_cast<std::uint32_t>(ctx.rng().range(1024, 8192));
  std::uint8_t* src = ctx.host_buffer(len);
  std::uint8_t* dst = ctx.host_buffer(len);
  for (std::uint32_t i = 0; i < len; ++i) src[i] = static_cast<std::uint8_t>(ctx.rng().next());
  req.src = {{src, len}};
  req.dst = {{dst, len}};
  if (int rc = dev.submit(req); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("{}: submit failed: {}", how, rc));
    return;
  }
  if (int rc = dev.wait(req, UINT64_MAX); rc != 0 || req.status != 0) {
    ctx.fail(checker::kCompletion,
             fmt::format("{}: a wait without limit answered {} (status {})", how, rc, req.status));
  } else if (std::memcmp(src, dst, len) != 0) {
    ctx.fail(checker::kScoreboard, fmt::format("{}: the copy arrived wrong", how));
  }
  dev.remove();
}

const ScenarioRegistrar kWaitNoLimit({
    "platform_wait_no_limit",
    "copies waited for with no time limit (UINT64_MAX), by interrupt and by polling: no overflowed deadline",
    "",
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      copy_waiting_without_limit(ctx, tce::IrqMode::kLevel, "interrupts");
      copy_waiting_without_limit(ctx, tce::IrqMode::kPolling, "polling");
    },
});

}  // namespace
}  // namespace tandem
