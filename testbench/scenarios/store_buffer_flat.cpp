// Many copies with the store buffer on: what the platform keeps for pending CPU writes and
// their drains must not grow with the number of copies. Measures the heap in use (glibc's
// mallinfo2) after a warm-up and again after many more copies; a process spawned per drain
// cost about 80 bytes a copy.
#include <fmt/core.h>
#include <malloc.h>

#include <cstring>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

// SystemC keeps a cancelled timed notification (a wait's timeout, a watchdog's timer) until
// its time comes, so memory grows with the copies up to the longest horizon anything waits
// for, then stays flat. The scenario keeps every horizon short (the driver's watchdog, its
// waits; the lost_irq checker's 50,000 cycles) and its warm-up longer than all of them: what
// grows after it grows with every copy, a leak.
constexpr unsigned kWarmUp = 400;
constexpr unsigned kCopies = 400;
constexpr std::size_t kBytesPerCopy = 16;  // growth allowed: well below the 80 of the leak
constexpr std::uint64_t kTimeoutNs = 20'000;

std::size_t heap_in_use() {
  return mallinfo2().uordblks;
}

void many_copies(ScenarioContext& ctx, SimCpu&) {
  tce::CopyRequest req;  // submitted again and again; outlives the device, on every path
  tce::DeviceConfig cfg;
  cfg.watchdog_ns = 20'000;  // a copy of 64 bytes takes a few hundred cycles
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  constexpr std::uint32_t kLen = 64;
  std::uint8_t* src = ctx.host_buffer(kLen);
  std::uint8_t* dst = ctx.host_buffer(kLen);
  req.src = {{src, kLen}};
  req.dst = {{dst, kLen}};
  std::size_t after_warm_up = 0;
  for (unsigned i = 0; i < kWarmUp + kCopies; ++i) {
    if (i == kWarmUp) after_warm_up = heap_in_use();
    for (std::uint32_t b = 0; b < kLen; ++b) src[b] = static_cast<std::uint8_t>(ctx.rng().next());
    if (dev.submit(req) != 0 || dev.wait(req, kTimeoutNs) != 0 || req.status != 0 || std::memcmp(src, dst, kLen) != 0) {
      ctx.fail(checker::kCompletion, fmt::format("copy {} failed (status {})", i, req.status));
      return;
    }
  }
  const std::size_t after = heap_in_use();
  const std::size_t growth = after > after_warm_up ? after - after_warm_up : 0;  // not logged: logs repeat exactly
  if (growth > kBytesPerCopy * kCopies) {
    ctx.fail(checker::kPlatform,
             fmt::format("the heap grew by {} bytes over {} copies: {} a copy", growth, kCopies, growth / kCopies));
  }
  dev.remove();
}

const ScenarioRegistrar kFlat({
    "platform_store_buffer_flat",
    "hundreds of copies with the store buffer on: the memory the platform uses does not grow with them",
    "",
    nullptr,
    many_copies,
});

}  // namespace
}  // namespace tandem
