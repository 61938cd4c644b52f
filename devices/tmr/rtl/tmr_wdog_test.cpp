// The TMR's watchdog against its contract (devices/tmr/README.md, "Watchdog"): a bark when
// not kicked, none when kicked in time, wrong kick values counted and ignored.
#include <doctest/doctest.h>

#include "tmr_bench.hpp"

using namespace tmr::test;

namespace {

std::uint64_t start_wdog(TmrBench& tb, std::uint32_t n) {
  REQUIRE(tb.write(kIrqEnable, kBark) == kOkay);
  REQUIRE(tb.write(kWdogLoad, n) == kOkay);
  REQUIRE(tb.write(kCtrl, kWdogEn | kPulse) == kOkay);
  return tb.handshake();
}

}  // namespace

TEST_CASE("not kicked, the watchdog barks WDOG_LOAD + 1 edges after its start, then every WDOG_LOAD") {
  TmrBench tb;
  const std::uint64_t h = start_wdog(tb, 12);
  const std::uint64_t first = tb.wait_irq(1, 100);
  CHECK(first == h + 13);
  tb.tick();
  CHECK(tb.wait_irq(1, 100) == first + 12);
  CHECK(tb.read32(kStatus) == kBark);
}

TEST_CASE("kicked in time with the magic value, the watchdog never barks") {
  TmrBench tb;
  start_wdog(tb, 30);
  for (int i = 0; i < 20; ++i) {
    tb.ticks(15);
    REQUIRE(tb.write(kKick, kMagic) == kOkay);
    REQUIRE((tb.irq() & 2) == 0);
  }
  CHECK(tb.read32(kStatus) == 0);
  CHECK(tb.read32(kBadKicks) == 0);
}

TEST_CASE("a kick reloads WDOG_COUNT on the edge after its handshake") {
  TmrBench tb;
  start_wdog(tb, 1000);
  tb.ticks(100);
  REQUIRE(tb.write(kKick, kMagic) == kOkay);
  const std::uint64_t k = tb.handshake();
  const std::uint32_t count = tb.read32(kWdogCount);
  CHECK(count == 1000 - (tb.handshake() - 1 - (k + 1)));
}

TEST_CASE("a wrong kick value is ignored and counted: the watchdog barks on time") {
  TmrBench tb;
  const std::uint64_t h = start_wdog(tb, 40);
  tb.ticks(10);
  REQUIRE(tb.write(kKick, kMagic ^ 1) == kOkay);
  REQUIRE(tb.write(kKick, 0) == kOkay);  // a write of 0 is a (wrong) kick too
  CHECK(tb.wait_irq(1, 100) == h + 41);
  CHECK(tb.read32(kBadKicks) == 2);
}

TEST_CASE("a kick while the watchdog is disabled does nothing, disabling stops the barks") {
  TmrBench tb;
  REQUIRE(tb.write(kWdogLoad, 10) == kOkay);
  REQUIRE(tb.write(kKick, kMagic) == kOkay);
  tb.ticks(40);
  CHECK(tb.read32(kWdogCount) == 0);
  CHECK(tb.read32(kStatus) == 0);
  CHECK(tb.quiescent());
  start_wdog(tb, 10);
  tb.ticks(5);
  CHECK_FALSE(tb.quiescent());  // an enabled watchdog always counts
  REQUIRE(tb.write(kCtrl, 0) == kOkay);
  REQUIRE(tb.write(kStatus, kBark) == kOkay);
  tb.ticks(60);
  CHECK(tb.read32(kStatus) == 0);
}
