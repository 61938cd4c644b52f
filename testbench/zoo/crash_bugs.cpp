// Bug-zoo scenarios whose bug crashes the process: no checker can judge such a run, so
// they expect none and are out of the regression (no variants); `tandem run` reports the
// crash (signal, backtrace, the run log up to it, exit code 4), which tests/crash_test.sh
// checks. On the release driver the same body passes quietly.
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

// A few copies on the default configuration: the first retired descriptor crashes the bug.
void copies(ScenarioContext& ctx, SimCpu&) {
  Copies all = seeded_copies(ctx, 3, 256, 4096);
  run_copies(ctx, all);
}

const Registrar kRetireDropsRequest("retire_drops_request",
                                    "the ring's retire step lets go of a descriptor's request before handing it on: "
                                    "the bottom half completes a null request and the process crashes (SIGSEGV)",
                                    {}, nullptr, copies, {});

}  // namespace
}  // namespace tandem::zoo
