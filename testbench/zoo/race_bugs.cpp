// Bug-zoo races: seeded bugs no plain seeded run meets, because they need one event at one
// point of the driver's code. Each runs a racy path (support/racy_paths.hpp) and is proven
// by `tandem explore` finding a schedule where its checker fires first (tests/zoo_test.sh),
// so it is out of the plain regression (no variants).
#include "support/racy_paths.hpp"
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

Scenario race(const std::string& cls, std::string summary, std::string_view expect,
              std::function<void(ScenarioContext&, SimCpu&)> body) {
  Scenario s{"xfail_zoo_" + cls, std::move(summary), expect, nullptr, std::move(body), {}};
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

}  // namespace
}  // namespace tandem::zoo
