// Bug-zoo races: seeded bugs no plain seeded run meets, because they need one event at one
// point of the driver's code. Each runs a racy path (support/racy_paths.hpp) and is proven
// by `tandem explore` finding a schedule where its checker fires first (tests/zoo_test.sh),
// so it is out of the plain regression (no variants).
#include "support/racy_paths.hpp"
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

Scenario race(const std::string& cls, std::string summary, std::string_view expect,
              std::function<void(ScenarioContext&, SimCpu&)> body,
              std::function<void(PlatformConfig&)> configure = nullptr) {
  Scenario s{"xfail_zoo_" + cls, std::move(summary), expect, std::move(configure), std::move(body), {}};
  s.proof = Scenario::Proof::kExplore;
  return s;
}

const ScenarioRegistrar kReadThenClear(race("read_then_clear",
                                            "the acknowledge moved to the bottom half, clearing what a second status "
                                            "read shows after the work: an event between the reads is lost",
                                            checker::kCompletion, racy::isr_vs_bottom_half));
// The watchdog finds the failed descriptor (interrupts coalesced) and fails its request, which
// recovery has already put back on the ring: it runs again from buffers unmapped for it.
const ScenarioRegistrar kFailAfterReset(race("fail_after_reset",
                                             "error recovery re-issues the channel's requests before failing the one "
                                             "at its head: the failed request runs again, from unmapped buffers",
                                             checker::kDmaFault, racy::watchdog_vs_completion));

// Each CPU's submission is under the lock throughout but for the write barrier: a submission
// of the other CPU that runs there publishes its descriptor, and the stale doorbell that
// follows leaves it out, or moves RING_TAIL back over it.
const ScenarioRegistrar kStaleDoorbell(race("stale_doorbell",
                                            "submit rings the doorbell with the tail it read before dropping the "
                                            "lock around the write barrier: a submission of the other CPU in "
                                            "between is left unpublished (two CPUs)",
                                            checker::kDescOwnership, racy::smp_submit_staggered, racy::two_cpus));
// CPU 1's watchdog picks the request at the ring's head before its sweep and fails it after
// the sweep whenever no timer was re-armed, whoever completed it meanwhile: when the
// completion's interrupt comes late, its sweep (or CPU 0's bottom half) completes it first.
const ScenarioRegistrar kWatchdogDoubleComplete(race("watchdog_double_complete",
                                                     "the watchdog picks the request to give up on before its sweep "
                                                     "and fails it after, though the sweep or the other CPU's bottom "
                                                     "half completed it meanwhile (two CPUs)",
                                                     checker::kCompletion, racy::smp_submit_staggered, racy::two_cpus));

}  // namespace
}  // namespace tandem::zoo
