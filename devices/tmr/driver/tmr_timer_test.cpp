// The TMR driver against the strict mock HAL: every register access in order.
#include "tmr_timer.hpp"

#include <doctest/doctest.h>

#include <cerrno>

#include "testing/mock_hal.hpp"
#include "tmr_regs.hpp"

using tce::IrqReturn;
using tce::testing::MockHal;
using namespace tmr;

namespace {

constexpr std::uint32_t kId = 0x7A4E0713, kExpired = 1, kBark = 2, kEnable = 1, kPeriodic = 2, kPulse = 4, kWdogEn = 8;
constexpr std::uint32_t kCtrl = reg::CTRL::kOffset, kLoad = reg::LOAD::kOffset, kStatus = reg::STATUS::kOffset,
                        kIrqEnable = reg::IRQ_ENABLE::kOffset, kWdogLoad = reg::WDOG_LOAD::kOffset;

void expect_probe(MockHal& hal, std::uint32_t ctrl) {
  hal.expect_read(reg::ID::kOffset, kId);
  hal.expect_write(kCtrl, ctrl);
  hal.expect_write(kIrqEnable, 0);
  hal.expect_write(kStatus, kExpired | kBark);
}

void expect_remove(MockHal& hal) {
  hal.expect_write(kCtrl, 0);
  hal.expect_write(kIrqEnable, 0);
}

// A probed driver whose test ends with remove(): every expected access done, nothing else.
struct Probed {
  Probed(TmrConfig config = {}) : timer(hal, config) {
    expect_probe(hal, config.mode == IrqMode::kPulse ? kPulse : 0);
    REQUIRE(timer.probe() == 0);
  }
  ~Probed() {
    expect_remove(hal);
    timer.remove();
    CHECK(hal.leaks() == 0);
    CHECK(hal.problems().empty());
  }
  MockHal hal;
  TmrTimer timer;
};

// start() stops first, then loads and enables.
void expect_start(MockHal& hal, std::uint32_t cycles, std::uint32_t ctrl_after, std::uint32_t irq_enable_after) {
  hal.expect_write(kCtrl, ctrl_after & ~(kEnable | kPeriodic));
  hal.expect_write(kIrqEnable, irq_enable_after & ~kExpired);
  hal.expect_write(kStatus, kExpired);
  hal.expect_write(kLoad, cycles);
  hal.expect_write(kIrqEnable, irq_enable_after);
  hal.expect_write(kCtrl, ctrl_after);
}

}  // namespace

TEST_CASE("probe checks ID, quiets the device and takes both vectors, remove undoes it") {
  MockHal hal;
  {
    TmrTimer timer(hal, {});
    expect_probe(hal, 0);
    REQUIRE(timer.probe() == 0);
    CHECK(hal.live_irqs() == 2);
    CHECK(hal.trigger_of(0) == tce::Trigger::kLevelHigh);
    CHECK(timer.probe() == -EBUSY);
    expect_remove(hal);
  }
  CHECK(hal.leaks() == 0);
  CHECK(hal.problems().empty());
}

TEST_CASE("probe of another ID fails with -ENODEV, writing nothing and taking nothing") {
  MockHal hal;
  TmrTimer timer(hal, {});
  hal.expect_read(reg::ID::kOffset, 0x7A4E0C0E);  // a TCE
  CHECK(timer.probe() == -ENODEV);
  CHECK(hal.live_irqs() == 0);
  CHECK(timer.start(10, false, {}) == -EINVAL);
  CHECK(hal.problems().empty());
}

TEST_CASE("probe unwinds the first vector when the second cannot be taken") {
  MockHal hal;
  hal.request_irq_rc = -EBUSY;
  hal.request_irq_fails_from = 1;
  TmrTimer timer(hal, {});
  expect_probe(hal, 0);
  CHECK(timer.probe() == -EBUSY);
  CHECK(hal.live_irqs() == 0);
  CHECK(hal.problems().empty());
}

TEST_CASE("start and stop: arguments checked first, a start is always afresh") {
  Probed t;
  CHECK(t.timer.start(0, false, {}) == -EINVAL);  // no register touched
  expect_start(t.hal, 100, kEnable | kPeriodic, kExpired);
  CHECK(t.timer.start(100, true, {}) == 0);
  expect_start(t.hal, 7, kEnable, kExpired);
  CHECK(t.timer.start(7, false, {}) == 0);
  t.hal.expect_write(kCtrl, 0);
  t.hal.expect_write(kIrqEnable, 0);
  t.hal.expect_write(kStatus, kExpired);
  t.timer.stop();
}

TEST_CASE("LEVEL: the handler clears exactly what it saw and runs the callback, nothing set is not mine") {
  Probed t;
  MockHal& hal = t.hal;
  int calls = 0;
  expect_start(hal, 50, kEnable, kExpired);
  REQUIRE(t.timer.start(50, false, [&] { ++calls; }) == 0);
  // Both events latched: the timer's handler acknowledges EXPIRED only.
  hal.expect_read(kStatus, kExpired | kBark);
  hal.expect_write(kStatus, kExpired);
  CHECK(hal.fire_irq(0) == IrqReturn::kHandled);
  CHECK(calls == 1);
  CHECK(t.timer.expiries() == 1);
  // A shared line raised by someone else: not mine, nothing written.
  hal.expect_read(kStatus, kBark);
  CHECK(hal.fire_irq(0) == IrqReturn::kNone);
  CHECK(calls == 1);
  hal.expect_read(kStatus, 0);
  CHECK(hal.fire_irq(1) == IrqReturn::kNone);
  CHECK(t.timer.barks() == 0);
  CHECK(!hal.lock_held());
}

TEST_CASE("PULSE: edge-triggered vectors, each interrupt one event, no register access") {
  Probed t({IrqMode::kPulse, 3, 5});
  CHECK(t.hal.trigger_of(3) == tce::Trigger::kEdgeRising);
  CHECK(t.hal.trigger_of(5) == tce::Trigger::kEdgeRising);
  int calls = 0;
  expect_start(t.hal, 9, kPulse | kEnable | kPeriodic, kExpired);
  REQUIRE(t.timer.start(9, true, [&] { ++calls; }) == 0);
  for (int i = 0; i < 3; ++i) CHECK(t.hal.fire_irq(3) == IrqReturn::kHandled);
  CHECK(calls == 3);
  CHECK(t.timer.expiries() == 3);
}

TEST_CASE("wait_expiries is bounded: -ETIMEDOUT with no expiry, 0 once the handler ran") {
  Probed t({IrqMode::kPulse, 0, 1});
  CHECK(t.timer.wait_expiries(1, 10'000) == -ETIMEDOUT);
  CHECK(t.hal.now_ns() >= 10'000);
  t.hal.start_timer(3'000, [&] { (void)t.hal.fire_irq(0); });  // the expiry arrives meanwhile
  CHECK(t.timer.wait_expiries(1, 1'000'000) == 0);
  CHECK(t.hal.now_ns() < 20'000);
}

TEST_CASE("watchdog: enable, kick with the magic value, bark handled, disable") {
  Probed t;
  MockHal& hal = t.hal;
  CHECK(t.timer.wdog_enable(0, {}) == -EINVAL);
  int barks = 0;
  hal.expect_write(kWdogLoad, 500);
  hal.expect_write(kIrqEnable, kBark);
  hal.expect_write(kCtrl, kWdogEn);
  REQUIRE(t.timer.wdog_enable(500, [&] { ++barks; }) == 0);
  hal.expect_write(reg::KICK::kOffset, kKickMagic);
  t.timer.kick();
  hal.expect_read(kStatus, kBark);
  hal.expect_write(kStatus, kBark);
  CHECK(hal.fire_irq(1) == IrqReturn::kHandled);
  CHECK(barks == 1);
  CHECK(t.timer.barks() == 1);
  hal.expect_write(kCtrl, 0);
  hal.expect_write(kIrqEnable, 0);
  hal.expect_write(kStatus, kBark);
  t.timer.wdog_disable();
}
