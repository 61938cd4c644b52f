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
    CHECK(DeviceFilter(kTmrFirst, "tce").takes(e));
    CHECK(DeviceFilter(kTmrFirst, "tmr").takes(e));
  }
}

TEST_CASE("an event about a device reaches only the checkers of its kind") {
  Event e{EventKind::kDeviceIrq};
  e.device = 0;
  CHECK(DeviceFilter(kTmrFirst, "tmr").takes(e));
  CHECK_FALSE(DeviceFilter(kTmrFirst, "tce").takes(e));
  e.device = 1;
  CHECK(DeviceFilter(kTmrFirst, "tce").takes(e));
  CHECK_FALSE(DeviceFilter(kTmrFirst, "tmr").takes(e));
  e.device = 2;  // no such device: nobody's
  CHECK_FALSE(DeviceFilter(kTmrFirst, "tce").takes(e));
}

TEST_CASE("a filter that knows no platform takes every device, and one that does says whether it has any of its kind") {
  Event e{EventKind::kDeviceIrq};
  e.device = 3;
  CHECK(DeviceFilter({}, "tce").takes(e));
  CHECK(DeviceFilter(kTmrFirst, "tce").any());
  CHECK_FALSE(DeviceFilter({"tce", "tce"}, "tmr").any());
}

}  // namespace
}  // namespace tandem
