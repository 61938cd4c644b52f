// The TMR's timer against its contract (devices/tmr/README.md, "Timer" and "Interrupts"):
// the exact edge of each expiry, one-shot and periodic, disable, LOAD while counting,
// LEVEL against PULSE, and quiescent_o.
#include <doctest/doctest.h>

#include <vector>

#include "tmr_bench.hpp"

using namespace tmr::test;

namespace {

// Starts the timer with LOAD = n; returns the edge of the CTRL write's handshake.
std::uint64_t start(TmrBench& tb, std::uint32_t n, std::uint32_t ctrl) {
  REQUIRE(tb.write(kLoad, n) == kOkay);
  REQUIRE(tb.write(kCtrl, ctrl | kEnable) == kOkay);
  return tb.handshake();
}

// The edges after which irq() showed vector 0, over `edges` edges.
std::vector<std::uint64_t> irq_edges(TmrBench& tb, unsigned edges) {
  std::vector<std::uint64_t> at;
  for (unsigned i = 0; i < edges; ++i) {
    if (tb.irq() & 1) at.push_back(tb.edges());
    tb.tick();
  }
  return at;
}

}  // namespace

TEST_CASE("a one-shot expires exactly LOAD + 1 edges after its start's handshake, then stops at 0") {
  for (std::uint32_t n : {1u, 2u, 7u, 40u}) {
    CAPTURE(n);
    TmrBench tb;
    REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
    const std::uint64_t h = start(tb, n, 0);
    const std::uint64_t seen = tb.wait_irq(0, 100);
    CHECK(seen == h + n + 1);
    CHECK(tb.read32(kStatus) == kExpired);
    CHECK(tb.read32(kCount) == 0);
    CHECK(tb.read32(kCtrl) == kEnable);  // the enable stays as written
    REQUIRE(tb.write(kStatus, kExpired) == kOkay);
    tb.ticks(3 * n + 10);
    CHECK(tb.read32(kStatus) == 0);  // no second expiry
    CHECK(tb.read32(kCount) == 0);
  }
}

TEST_CASE("COUNT reads LOAD after the start and counts down by one per edge") {
  TmrBench tb;
  const std::uint64_t h = start(tb, 1000, 0);
  const ReadResult first = tb.read(kCount);
  const std::uint64_t r1 = tb.handshake();
  tb.ticks(17);
  const std::uint32_t second = tb.read32(kCount);
  const std::uint64_t r2 = tb.handshake();
  // A read returns the count before its handshake's edge: LOAD at edge h + 1, one less per edge.
  CHECK(first.data == 1000 - (r1 - 1 - (h + 1)));
  CHECK(first.data - second == r2 - r1);
}

TEST_CASE("a periodic timer expires every LOAD edges, reloading LOAD (PULSE shows each event)") {
  TmrBench tb;
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  const std::uint64_t h = start(tb, 9, kPeriodic | kPulse);
  const std::vector<std::uint64_t> at = irq_edges(tb, 40);
  CHECK(at == std::vector<std::uint64_t>{h + 10, h + 19, h + 28, h + 37});
}

TEST_CASE("a disable mid-count freezes COUNT without an expiry, enabling again reloads LOAD") {
  TmrBench tb;
  start(tb, 30, 0);
  tb.ticks(5);
  REQUIRE(tb.write(kCtrl, 0) == kOkay);
  const std::uint32_t frozen = tb.read32(kCount);
  CHECK(frozen > 0);
  CHECK(frozen < 30);
  tb.ticks(100);
  CHECK(tb.read32(kCount) == frozen);
  CHECK(tb.read32(kStatus) == 0);
  const std::uint64_t h = start(tb, 30, 0);
  tb.ticks(2);
  const std::uint32_t count = tb.read32(kCount);
  CHECK(count == 30 - (tb.handshake() - 1 - (h + 1)));
}

TEST_CASE("LOAD written while counting leaves the count alone and takes effect at the next reload") {
  TmrBench tb;
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  const std::uint64_t h = start(tb, 20, kPeriodic | kPulse);
  REQUIRE(tb.write(kLoad, 5) == kOkay);
  const std::vector<std::uint64_t> at = irq_edges(tb, 40);
  REQUIRE(at.size() >= 3);
  CHECK(at[0] == h + 21);  // the running period kept its 20
  CHECK(at[1] == h + 26);  // then 5
  CHECK(at[2] == h + 31);
}

TEST_CASE("LOAD 0 starts nothing: no event, COUNT 0, quiescent") {
  TmrBench tb;
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  start(tb, 0, kPeriodic);
  tb.ticks(50);
  CHECK(tb.read32(kStatus) == 0);
  CHECK(tb.read32(kCount) == 0);
  CHECK(tb.quiescent());
}

TEST_CASE("LEVEL: the line stays high until STATUS is cleared, IRQ_ENABLE gates it, not STATUS") {
  TmrBench tb;
  start(tb, 4, 0);
  tb.ticks(20);
  CHECK(tb.read32(kStatus) == kExpired);  // latched whatever IRQ_ENABLE holds
  CHECK(tb.irq() == 0);
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  CHECK(tb.irq() == 1);
  tb.ticks(50);
  CHECK(tb.irq() == 1);
  REQUIRE(tb.write(kStatus, kExpired) == kOkay);
  CHECK(tb.irq() == 0);
}

TEST_CASE("PULSE: one cycle per event, and low while STATUS stays set") {
  TmrBench tb;
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  const std::uint64_t h = start(tb, 6, kPulse);
  CHECK(irq_edges(tb, 30) == std::vector<std::uint64_t>{h + 7});
  CHECK(tb.read32(kStatus) == kExpired);
  CHECK(tb.irq() == 0);
}

TEST_CASE("PULSE with the event disabled: no pulse, STATUS still latched") {
  TmrBench tb;
  start(tb, 6, kPulse);
  CHECK(irq_edges(tb, 30).empty());
  CHECK(tb.read32(kStatus) == kExpired);
}

TEST_CASE("quiescent_o: high when idle, low while counting, and while high nothing changes") {
  TmrBench tb;
  CHECK(tb.quiescent());
  REQUIRE(tb.write(kIrqEnable, kExpired) == kOkay);
  start(tb, 50, kPulse);
  tb.ticks(2);
  CHECK_FALSE(tb.quiescent());
  const std::uint64_t seen = tb.wait_irq(0, 100);
  REQUIRE(seen != 0);
  CHECK_FALSE(tb.quiescent());  // the pulse has yet to end
  tb.tick();
  CHECK(tb.quiescent());
  // Quiescent: over many edges no output moves and every register reads the same.
  std::vector<std::uint32_t> before;
  for (std::uint32_t off : {kCtrl, kLoad, kCount, kStatus, kIrqEnable, kWdogLoad, kWdogCount, kBadKicks}) {
    before.push_back(tb.read32(off));
  }
  for (int i = 0; i < 500; ++i) {
    REQUIRE(tb.quiescent());
    REQUIRE(tb.irq() == 0);
    tb.tick();
  }
  std::vector<std::uint32_t> after;
  for (std::uint32_t off : {kCtrl, kLoad, kCount, kStatus, kIrqEnable, kWdogLoad, kWdogCount, kBadKicks}) {
    after.push_back(tb.read32(off));
  }
  CHECK(before == after);
}
