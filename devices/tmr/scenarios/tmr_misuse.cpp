// The TMR beside a TCE, used in ways its driver alone never does: a client kicking the
// watchdog with wrong values, and both events pending at once behind a CPU that keeps
// interrupts off.
#include <fmt/core.h>

#include <algorithm>

#include "tmr_regs.hpp"
#include "tmr_scenarios.hpp"

namespace tandem::tmr_scenarios {

void bad_kicks(ScenarioContext& ctx, bool watch_count) {
  constexpr unsigned kKicks = 6;
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tce::Hal& hal = ctx.platform().hal(kTmr);
  tmr::TmrTimer timer(hal, {});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(2000, 5000));
  if (timer.wdog_enable(period, nullptr) != 0) ctx.fail(checker::kDriver, "watchdog enable failed");
  // Every third of a period a KICK of another value: none of them reloads the watchdog.
  for (unsigned i = 0; i < kKicks; ++i) {
    idle(ctx, period / 3);
    auto value = static_cast<std::uint32_t>(ctx.rng().next());
    if (value == tmr::kKickMagic) value = 0;
    hal.write32(tmr::reg::KICK::kOffset, value);
    if (watch_count) (void)hal.read32(tmr::reg::WDOG_COUNT::kOffset);  // a client watching: the checkers judge it
  }
  if (timer.barks() == 0) {
    ctx.fail(checker::kScenario, fmt::format("fed {} bad kicks over two periods, it never barked", kKicks));
  }
  if (const std::uint32_t counted = hal.read32(tmr::reg::BAD_KICKS::kOffset); counted != kKicks) {
    ctx.fail(checker::kScenario, fmt::format("BAD_KICKS reads {} after {} bad kicks", counted, kKicks));
  }
  timer.wdog_disable();
  timer.remove();
  copies.finish();
}

void both_pending(ScenarioContext& ctx) {
  constexpr std::uint32_t kBoth = tmr::reg::STATUS::EXPIRED::kMask | tmr::reg::STATUS::BARK::kMask;
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tce::Hal& hal = ctx.platform().hal(kTmr);
  tmr::TmrTimer timer(hal, {tmr::IrqMode::kLevel});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(1500, 3000));
  const auto wdog_period = static_cast<std::uint32_t>(ctx.rng().range(1500, 3000));
  if (timer.start(period, true, nullptr) != 0 || timer.wdog_enable(wdog_period, nullptr) != 0) {
    ctx.fail(checker::kDriver, "timer or watchdog start failed");
  }
  {
    // Busy with interrupts off (each read is a HAL call: bounded by their count).
    tce::SpinLock busy;
    const tce::IrqLockGuard guard(hal, busy);
    for (int i = 0; i < 2000 && (hal.read32(tmr::reg::STATUS::kOffset) & kBoth) != kBoth; ++i) {
    }
  }
  const std::uint64_t bound = 40ull * std::max(period, wdog_period);
  if (hal.wait_until([&] { return timer.expiries() > 0 && timer.barks() > 0; }, bound) != 0) {
    ctx.fail(checker::kScenario,
             fmt::format("both events pending: {} expiries and {} barks handled", timer.expiries(), timer.barks()));
  }
  timer.stop();
  timer.wdog_disable();
  timer.remove();
  copies.finish();
}

namespace {

const ScenarioRegistrar kBadKicks({"tmr_wdog_bad_kicks",
                                   "TMR beside a TCE: a watchdog kicked only with wrong values barks all the same", "",
                                   [](PlatformConfig& c) { beside_tce(c, "tmr"); },
                                   [](ScenarioContext& ctx, SimCpu&) { bad_kicks(ctx); }});
const ScenarioRegistrar kBadKicksUnwatched({"tmr_wdog_bad_kicks_unwatched",
                                            "TMR beside a TCE: the same bad kicks, WDOG_COUNT never read: the "
                                            "watchdog's line is all there is to judge",
                                            "", [](PlatformConfig& c) { beside_tce(c, "tmr"); },
                                            [](ScenarioContext& ctx, SimCpu&) { bad_kicks(ctx, false); }});
const ScenarioRegistrar kBothPending({"tmr_level_both_pending",
                                      "TMR beside a TCE: LEVEL, an expiry and a bark pending at once, each handler "
                                      "clears its own",
                                      "", [](PlatformConfig& c) { beside_tce(c, "tmr"); },
                                      [](ScenarioContext& ctx, SimCpu&) { both_pending(ctx); }});

}  // namespace
}  // namespace tandem::tmr_scenarios
