// Every interrupt mode the driver offers, on every RTL variant: a batch of checked copies
// spread over all channels must complete, each mode showing its own signature. LEVEL,
// PULSE and read-to-clear take interrupts; polling takes none; coalescing by count takes
// fewer interrupts than completions; coalescing by timer (count never reached) completes
// every request: by the device's timer on revision 2, by the driver's E2 flush on rev1.
#include <fmt/core.h>

#include <memory>
#include <vector>

#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;
constexpr std::uint64_t kTimeoutNs = 100'000;  // far beyond any of these copies
const std::vector<std::string> kAllVariants = {"default", "rev1", "ch1", "ch4"};

enum class Expect { kInterrupts, kNoInterrupts, kFewerInterrupts, kCompletions };

// The mode as the device holds it (spec section 5): IRQ_MODE 1 per pulse vector, and the
// coalescing count the driver asked for on vector 0.
void check_programmed(ScenarioContext& ctx, tce::Hal& hal, const tce::DeviceConfig& cfg) {
  const std::uint32_t mode = hal.read32(r::IRQ_MODE::kOffset);
  if (cfg.irq_mode != tce::IrqMode::kPolling && ((mode & 1) != 0) != (cfg.irq_mode == tce::IrqMode::kPulse)) {
    ctx.fail(checker::kIrqMode, fmt::format("IRQ_MODE reads 0x{:x} in {} mode", mode,
                                            cfg.irq_mode == tce::IrqMode::kPulse ? "pulse" : "level"));
  }
  const std::uint32_t coalesce = hal.read32(r::IRQ_COALESCE::offset(0));
  if (cfg.coalesce_count > 1 && r::get<r::IRQ_COALESCE::COUNT>(coalesce) != cfg.coalesce_count) {
    ctx.fail(checker::kIrqMode,
             fmt::format("IRQ_COALESCE(0) reads 0x{:08x}, count {} was asked for", coalesce, cfg.coalesce_count));
  }
}

void run_mode(ScenarioContext& ctx, const tce::DeviceConfig& cfg, Expect expect) {
  Platform& p = ctx.platform();
  std::vector<std::unique_ptr<CheckedCopy>> copies;  // outlive the device's use of them
  unsigned taken = 0, rc_reads = 0, status_writes = 0;
  const EventBus::Subscription watch = p.events().subscribe([&](const Event& e) {
    taken += e.kind == EventKind::kIrqTaken;
    if (e.kind != EventKind::kCsrAccess) return;
    rc_reads += !e.write && e.addr == r::IRQ_STATUS_RC::kOffset;
    status_writes += e.write && e.addr == r::IRQ_STATUS::kOffset;
  });
  tce::TceDevice dev(p.hal(), cfg);
  if (!probe_or_fail(ctx, dev)) return;
  check_programmed(ctx, p.hal(), cfg);
  // Enough copies that every channel gets several, whatever the variant has.
  const unsigned count = 4 * dev.info().channels + static_cast<unsigned>(ctx.rng().range(0, 3));
  for (unsigned i = 0; i < count; ++i) {
    copies.push_back(std::make_unique<CheckedCopy>(ctx, random_shape(ctx.rng(), 1, 3000, 3)));
    if (int rc = dev.submit(copies.back()->request()); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("submit {} failed: {}", i, rc));
      return;
    }
  }
  for (auto& c : copies) {
    if (!finished_in_time(ctx, dev, c->request(), kTimeoutNs) || c->request().status != 0) {
      ctx.fail(checker::kCompletion,
               fmt::format("a copy did not complete (status {}; {})", c->request().status, c->describe()));
      return;
    }
    c->verify(ctx);
  }
  ctx.note(fmt::format("{} copies on {} channels (revision {}), {} interrupts taken", count, dev.info().channels,
                       dev.info().revision, taken));
  // Read-to-clear acknowledges by reading; write-1-to-clear by writing IRQ_STATUS.
  if (cfg.read_to_clear && (rc_reads == 0 || status_writes != 0)) {
    ctx.fail(checker::kIrqMode,
             fmt::format("read-to-clear mode: {} IRQ_STATUS_RC reads, {} IRQ_STATUS writes", rc_reads, status_writes));
  }
  if (expect == Expect::kInterrupts && taken == 0) ctx.fail(checker::kIrqMode, "no interrupt was taken");
  if (expect == Expect::kNoInterrupts && taken != 0) {
    ctx.fail(checker::kIrqMode, fmt::format("polling mode took {} interrupts", taken));
  }
  if (expect == Expect::kFewerInterrupts && taken >= count) {
    ctx.fail(checker::kIrqMode, fmt::format("coalescing took {} interrupts for {} completions", taken, count));
  }
  dev.remove();
}

tce::DeviceConfig mode(tce::IrqMode m) {
  tce::DeviceConfig cfg;
  cfg.irq_mode = m;
  return cfg;
}

tce::DeviceConfig read_to_clear() {
  tce::DeviceConfig cfg;
  cfg.read_to_clear = true;
  return cfg;
}

tce::DeviceConfig coalesce(unsigned count, std::uint32_t timer) {
  tce::DeviceConfig cfg;
  cfg.coalesce_count = count;
  cfg.coalesce_timer_cycles = timer;
  return cfg;
}

Scenario mode_scenario(const char* name, const char* summary, tce::DeviceConfig cfg, Expect expect) {
  Scenario s{name, summary, "", nullptr, [cfg, expect](ScenarioContext& ctx, SimCpu&) { run_mode(ctx, cfg, expect); }};
  s.variants = kAllVariants;
  return s;
}

const ScenarioRegistrar kLevel(mode_scenario("irq_mode_level", "checked copies on every channel, level interrupts",
                                             mode(tce::IrqMode::kLevel), Expect::kInterrupts));
const ScenarioRegistrar kPulse(mode_scenario("irq_mode_pulse", "checked copies on every channel, pulse interrupts",
                                             mode(tce::IrqMode::kPulse), Expect::kInterrupts));
const ScenarioRegistrar kReadToClear(mode_scenario("irq_mode_read_to_clear",
                                                   "checked copies; the top half reads IRQ_STATUS_RC", read_to_clear(),
                                                   Expect::kInterrupts));
const ScenarioRegistrar kPolling(mode_scenario("irq_mode_polling", "checked copies, polled: no interrupt may be taken",
                                               mode(tce::IrqMode::kPolling), Expect::kNoInterrupts));
// Count 4 with the timer as a backstop: fewer interrupts than completions, none lost.
const ScenarioRegistrar kCoalesceCount(mode_scenario("irq_coalesce_count",
                                                     "coalescing by 4 completions: fewer interrupts than copies",
                                                     coalesce(4, 3000), Expect::kFewerInterrupts));
// A count never reached: only the timer (revision 2) or the driver's flush (rev1, E2)
// can complete the requests.
const ScenarioRegistrar kCoalesceTimer(mode_scenario("irq_coalesce_timer",
                                                     "coalescing by a 2000-cycle timer, count never reached: every "
                                                     "request completes (rev1: by the driver's E2 flush)",
                                                     coalesce(255, 2000), Expect::kCompletions));

}  // namespace
}  // namespace tandem
