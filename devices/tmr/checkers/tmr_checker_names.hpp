// The names the TMR's own checkers fail a run under (devices/tmr/checkers/), for scenarios
// that prove them (Scenario::expect).
#pragma once

#include <string_view>

namespace tandem::checker {

inline constexpr std::string_view kTmrPeriod = "tmr_period";
inline constexpr std::string_view kTmrIrqMode = "tmr_irq_mode";
inline constexpr std::string_view kTmrWatchdog = "tmr_watchdog";

}  // namespace tandem::checker
