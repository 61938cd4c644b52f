// Seeded bugs in the TMR, each caught first by one of its checkers on every seed: RTL bugs
// as variants Verilated from a patched copy of its RTL (devices/tmr/rtl_bugs/, named
// tmr_<bug>), a driver bug as a patched copy of its driver (devices/tmr/zoo/). Each runs a
// correct scenario's body; `--variant tmr` (or `--release-driver`) runs it on the correct
// RTL (driver), where the checker stays quiet.
#include "tmr_checker_names.hpp"
#include "tmr_scenarios.hpp"

namespace tandem::tmr_scenarios {
namespace {

// A scenario of `body` on the TMR variant `variant`, expecting `checker` first.
Scenario on_rtl(const char* name, const char* summary, std::string_view checker, const char* variant,
                void (*body)(ScenarioContext&)) {
  Scenario s{name, summary, checker, [variant](PlatformConfig& c) { beside_tce(c, variant); },
             [body](ScenarioContext& ctx, SimCpu&) { body(ctx); }};
  s.variants = {variant};
  return s;
}

const ScenarioRegistrar kPeriodEarly(on_rtl(
    "xfail_tmr_period_early",
    "RTL bug: the timer expires at COUNT 2, a cycle early (periods of LOAD - 1): tmr_period must catch it",
    checker::kTmrPeriod, "tmr_period_early", [](ScenarioContext& ctx) { periodic_timer(ctx, tmr::IrqMode::kLevel); }));
const ScenarioRegistrar kLevelPulses(
    on_rtl("xfail_tmr_level_self_clears",
           "RTL bug: IRQ_MODE decoded inverted, a LEVEL line falls a cycle after its event with STATUS still set: "
           "tmr_irq_mode must catch it",
           checker::kTmrIrqMode, "tmr_mode_inverted",
           [](ScenarioContext& ctx) { periodic_timer(ctx, tmr::IrqMode::kLevel); }));
const ScenarioRegistrar kPulseHeld(
    on_rtl("xfail_tmr_pulse_held",
           "RTL bug: IRQ_MODE decoded inverted, a PULSE line is held like a LEVEL one: tmr_irq_mode must catch it",
           checker::kTmrIrqMode, "tmr_mode_inverted",
           [](ScenarioContext& ctx) { periodic_timer(ctx, tmr::IrqMode::kPulse); }));
const ScenarioRegistrar kAnyKick(on_rtl(
    "xfail_tmr_any_kick",
    "RTL bug: a KICK of any value reloads the watchdog, so bad kicks keep it from barking: tmr_watchdog must catch it",
    checker::kTmrWatchdog, "tmr_any_kick", [](ScenarioContext& ctx) { bad_kicks(ctx); }));
// The same bug with nobody reading WDOG_COUNT: only the watchdog's line shows it, by not rising.
const ScenarioRegistrar kAnyKickUnwatched(
    on_rtl("xfail_tmr_any_kick_no_bark",
           "RTL bug: a KICK of any value reloads the watchdog, and nobody reads its count: its line never rises "
           "where the contract has a bark; tmr_watchdog must catch it",
           checker::kTmrWatchdog, "tmr_any_kick", [](ScenarioContext& ctx) { bad_kicks(ctx, false); }));

// A driver bug: the LEVEL handlers acknowledge with a read-modify-write of STATUS, clearing
// the other vector's pending event with their own.
Scenario rmw_ack() {
  Scenario s{"xfail_tmr_rmw_ack",
             "driver bug (devices/tmr/zoo/tmr_rmw_ack.patch): a LEVEL handler writes back all of STATUS, clearing "
             "the other vector's event: tmr_irq_mode must catch it",
             checker::kTmrIrqMode, [](PlatformConfig& c) { beside_tce(c, "tmr"); },
             [](ScenarioContext& ctx, SimCpu&) { both_pending(ctx); }};
  s.driver = "tmr_rmw_ack";
  return s;
}
const ScenarioRegistrar kRmwAck(rmw_ack());

}  // namespace
}  // namespace tandem::tmr_scenarios
