// The racy-path scenarios: each a small run of one of the driver's racy paths
// (support/racy_paths.hpp) on the release driver. The regression runs them over seeds and
// explores their interleavings (`tandem explore`) under a fixed budget.
#include "support/racy_paths.hpp"

namespace tandem {
namespace {

Scenario racy(const char* name, const char* summary, std::function<void(ScenarioContext&, SimCpu&)> body,
              std::function<void(PlatformConfig&)> configure = nullptr) {
  Scenario s{name, summary, "", std::move(configure), std::move(body)};
  s.explore = true;
  return s;
}

const ScenarioRegistrar kIsrSubmit(racy("race_isr_submit",
                                        "three copies submitted back to back on one channel: completions interrupt "
                                        "the submissions",
                                        racy::isr_vs_submit));
const ScenarioRegistrar kIsrBh(racy("race_isr_bh",
                                    "a short copy then a long one, pulse interrupts: the second completion meets "
                                    "the first bottom half",
                                    racy::isr_vs_bottom_half));
const ScenarioRegistrar kSmpSubmit(racy("race_smp_submit",
                                        "two CPUs submit two copies each through one driver, the interrupt on CPU 0",
                                        racy::smp_submit, racy::two_cpus));
const ScenarioRegistrar kWatchdog(racy("race_watchdog_completion",
                                       "interrupts coalesced by count: the watchdog finds the completions",
                                       racy::watchdog_vs_completion));
const ScenarioRegistrar kSuspend(racy("race_suspend_completion",
                                      "suspend while a copy is on the ring: it waits for the completion, then resume",
                                      racy::suspend_vs_completion));

}  // namespace
}  // namespace tandem
