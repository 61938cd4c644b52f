// Which checkers see an event: those of its device's kind, and every one for an event about
// no device, whatever kind device 0 is.
#include "device_filter.hpp"

#include <doctest/doctest.h>

namespace tandem {
namespace {

const std::vector<std::string> kTmrFirst = {"tmr", "tce"};

TEST_CASE("an event about no device reaches the checkers of every kind, also when device 0 is not a TCE") {
  for (const EventKind kind :
       {EventKind::kIrqLine, EventKind::kIrqTaken, EventKind::kHalCall, EventKind::kRtlAssertion, EventKind::kRunEnd}) {
    const Event e{kind};  // as the platform publishes them: no device set
    CHECK(e.device == kNoDevice);
    CHECK(judged_by(e, kTmrFirst, "tce"));
    CHECK(judged_by(e, kTmrFirst, "tmr"));
  }
}

TEST_CASE("an event about a device reaches only the checkers of its kind") {
  Event e{EventKind::kDeviceIrq};
  e.device = 0;
  CHECK(judged_by(e, kTmrFirst, "tmr"));
  CHECK_FALSE(judged_by(e, kTmrFirst, "tce"));
  e.device = 1;
  CHECK(judged_by(e, kTmrFirst, "tce"));
  CHECK_FALSE(judged_by(e, kTmrFirst, "tmr"));
  e.device = 2;  // no such device: nobody's
  CHECK_FALSE(judged_by(e, kTmrFirst, "tce"));
}

}  // namespace
}  // namespace tandem
