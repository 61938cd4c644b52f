// The TMR beside a TCE on one platform (device 0 the TCE, device 1 the TMR): its driver's
// periodic timer counts expiries through its interrupt handler, in LEVEL and PULSE mode,
// while the TCE copies; its watchdog barks only when not kicked in time.
#include "tmr_scenarios.hpp"

#include <fmt/core.h>

#include "verilated_device.hpp"

namespace tandem::tmr_scenarios {

void beside_tce(PlatformConfig& c, const char* tmr_variant) {
  // `--variant` names the TMR's RTL when it names a TMR variant (a seeded bug's scenario
  // runs on the correct RTL so); the TCE is always the default one.
  const DeviceVariant* v = find_variant(c.variant);
  c.device_list = {{"tce", "default"}, {"tmr", v != nullptr && v->kind == "tmr" ? c.variant : tmr_variant}};
}

namespace {
void two_kinds(PlatformConfig& c) {
  beside_tce(c, "tmr");
}
}  // namespace

bool probe_tmr(ScenarioContext& ctx, tmr::TmrTimer& timer) {
  if (int rc = timer.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe of the TMR failed: {}", rc));
    return false;
  }
  return true;
}

void periodic_timer(ScenarioContext& ctx, tmr::IrqMode mode) {
  constexpr unsigned kExpiries = 6;
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tmr::TmrTimer timer(ctx.platform().hal(kTmr), {mode});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(1500, 4000));
  unsigned callbacks = 0;
  const std::uint64_t started = ctx.platform().cycle();
  if (timer.start(period, true, [&callbacks] { ++callbacks; }) != 0) ctx.fail(checker::kDriver, "timer start failed");
  if (timer.wait_expiries(kExpiries, 40ull * kExpiries * period) != 0) {
    ctx.fail(checker::kIrqMode, fmt::format("{} of {} expiries handled", timer.expiries(), kExpiries));
  }
  timer.stop();
  const std::uint64_t elapsed = ctx.platform().cycle() - started;
  if (callbacks != timer.expiries() || timer.expiries() > elapsed / period + 1) {
    ctx.fail(checker::kIrqMode, fmt::format("{} callbacks, {} expiries in {} cycles of period {}", callbacks,
                                            timer.expiries(), elapsed, period));
  }
  ctx.note(fmt::format("{} expiries of period {} in {} cycles", timer.expiries(), period, elapsed));
  timer.remove();
  copies.finish();
}

void idle(ScenarioContext& ctx, std::uint64_t cycles) {
  (void)ctx.platform().hal(kTmr).wait_until([] { return false; }, cycles);
}

void watchdog(ScenarioContext& ctx, bool kicked) {
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tmr::TmrTimer timer(ctx.platform().hal(kTmr), {});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(2000, 5000));
  std::uint64_t first_bark = 0;
  const std::uint64_t enabled = ctx.platform().cycle();
  if (timer.wdog_enable(period, [&] {
        if (first_bark == 0) first_bark = ctx.platform().cycle();
      }) != 0) {
    ctx.fail(checker::kDriver, "watchdog enable failed");
  }
  if (kicked) {
    for (int i = 0; i < 8; ++i) {
      idle(ctx, period / 2);
      timer.kick();
    }
    if (timer.barks() != 0)
      ctx.fail(checker::kScenario, fmt::format("kicked in time, it barked {} times", timer.barks()));
  } else {
    const int rc = ctx.platform().hal(kTmr).wait_until([&] { return timer.barks() > 0; }, 40ull * period);
    if (rc != 0) ctx.fail(checker::kScenario, "never kicked, it never barked");
    if (rc == 0 && first_bark < enabled + period) {
      ctx.fail(checker::kScenario,
               fmt::format("barked {} cycles after enable, period {}", first_bark - enabled, period));
    }
  }
  timer.wdog_disable();
  timer.remove();
  copies.finish();
}

namespace {

const ScenarioRegistrar kLevel({"tmr_periodic_level",
                                "TMR beside a TCE: a periodic timer, LEVEL lines, counts expiries while the TCE copies",
                                "", two_kinds,
                                [](ScenarioContext& ctx, SimCpu&) { periodic_timer(ctx, tmr::IrqMode::kLevel); }});
const ScenarioRegistrar kPulse({"tmr_periodic_pulse",
                                "TMR beside a TCE: a periodic timer, PULSE lines, counts expiries while the TCE copies",
                                "", two_kinds,
                                [](ScenarioContext& ctx, SimCpu&) { periodic_timer(ctx, tmr::IrqMode::kPulse); }});
const ScenarioRegistrar kKicked({"tmr_wdog_kicked", "TMR beside a TCE: a watchdog kicked every half period never barks",
                                 "", two_kinds, [](ScenarioContext& ctx, SimCpu&) { watchdog(ctx, true); }});
const ScenarioRegistrar kBark({"tmr_wdog_bark", "TMR beside a TCE: a watchdog never kicked barks after its period", "",
                               two_kinds, [](ScenarioContext& ctx, SimCpu&) { watchdog(ctx, false); }});

}  // namespace
}  // namespace tandem::tmr_scenarios
