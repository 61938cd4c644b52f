// What the TMR's scenarios share: the platform of a TCE and a TMR, and the bodies that the
// seeded bugs' scenarios run again on buggy RTL or a buggy driver.
#pragma once

#include <cstdint>

#include "scenario.hpp"
#include "tce_copies.hpp"
#include "tmr_timer.hpp"

namespace tandem::tmr_scenarios {

// Device 0 a TCE, device 1 a TMR of the RTL variant `tmr_variant`, unless `--variant` names
// another TMR variant (the correct RTL for a seeded bug's scenario: `--variant tmr`).
void beside_tce(PlatformConfig& c, const char* tmr_variant);

// Probes the TMR, failing the run (driver) when it cannot.
bool probe_tmr(ScenarioContext& ctx, tmr::TmrTimer& timer);
// Sleeps `cycles` cycles (1 ns each) in process context, taking interrupts: a wait for
// nothing, which ends at its timeout.
void idle(ScenarioContext& ctx, std::uint64_t cycles);
// A periodic timer of a seeded period counts its expiries while the TCE copies. Each
// expiry runs the callback once, and no more expiries are handled than periods went by.
void periodic_timer(ScenarioContext& ctx, tmr::IrqMode mode);
// The watchdog of a seeded period: kicked every half period it never barks; left alone it
// barks, no sooner than one period after it was enabled.
void watchdog(ScenarioContext& ctx, bool kicked);
// The watchdog fed only KICKs of other values than the magic one: it barks all the same,
// and BAD_KICKS counts them. `watch_count`: WDOG_COUNT read after each kick.
void bad_kicks(ScenarioContext& ctx, bool watch_count = true);
// LEVEL mode, the timer and the watchdog both running while a CPU keeps interrupts off
// until both events are pending: each handler then clears its own event, none is lost.
void both_pending(ScenarioContext& ctx);

}  // namespace tandem::tmr_scenarios
