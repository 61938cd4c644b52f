// Direct tests of interrupt coalescing (spec section 5) on the Verilated RTL: the timer runs
// from the first unsignalled event and later events neither restart nor stop it; a
// software clear of status bits neither resets nor advances the count.
#include <doctest/doctest.h>

#include <string>

#include "checked_device.hpp"
#include "rtl_test_support.hpp"
#include "tce_regs.hpp"

namespace r = tce::reg;
using BareDevice = tandem::CheckedDevice;
using tandem::test::variant;

namespace {

constexpr std::uint32_t kDone0 = r::IRQ_STATUS::CH_DONE::mask(0);

// Raises CH0_DONE through IRQ_TEST `n` times back to back; returns the cycle of the first
// write's answer, or 0 if the line rose before the last one.
std::uint64_t raise_events(BareDevice& dev, unsigned n) {
  std::uint64_t first = 0;
  for (unsigned i = 0; i < n; ++i) {
    dev.write(r::IRQ_TEST::kOffset, kDone0);
    if (i == 0) first = dev.cycle();
    if ((dev.harness().irq_lines() & 1) != 0) return 0;
  }
  return first;
}

}  // namespace

TEST_CASE("the coalescing timer fires on time however many events keep coming inside its window") {
  for (const char* v : {"default", "ch1", "ch4"}) {  // revision 1 has no timer (E2)
    for (unsigned events : {1u, 255u, 256u, 300u}) {
      const std::string variant_name = v;
      CAPTURE(variant_name);
      CAPTURE(events);
      BareDevice dev(variant(v));
      dev.write(r::IRQ_ENABLE::kOffset, kDone0);
      dev.write(r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::TIMER>(3000));  // no count
      const std::uint64_t first = raise_events(dev, events);
      REQUIRE(first != 0);  // not before the timer
      REQUIRE(dev.run_until([&] { return (dev.harness().irq_lines() & 1) != 0; }, 4000));
      // The answer trails the write's handshake by a cycle, the line trails the timer by one.
      CHECK(dev.cycle() >= first + 3000 - 4);
      CHECK(dev.cycle() <= first + 3000 + 4);
    }
  }
}

TEST_CASE("a software clear of status bits neither resets nor advances the coalescing count") {
  for (const char* v : tandem::test::kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    BareDevice dev(variant(v));
    dev.write(r::IRQ_ENABLE::kOffset, kDone0);
    dev.write(r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::COUNT>(4));
    REQUIRE(raise_events(dev, 3) != 0);
    dev.write(r::IRQ_STATUS::kOffset, kDone0);  // W1C: the three stay counted
    dev.harness().run(10);
    CHECK((dev.harness().irq_lines() & 1) == 0);
    dev.write(r::IRQ_TEST::kOffset, kDone0);  // the fourth
    CHECK(dev.run_until([&] { return (dev.harness().irq_lines() & 1) != 0; }, 10));
    // And an RC read is a software clear too: three more, cleared, then the fourth signals.
    dev.write(r::IRQ_STATUS::kOffset, kDone0);
    REQUIRE(dev.run_until([&] { return (dev.harness().irq_lines() & 1) == 0; }, 10));
    REQUIRE(raise_events(dev, 3) != 0);
    CHECK(dev.read(r::IRQ_STATUS_RC::kOffset) == kDone0);
    dev.write(r::IRQ_TEST::kOffset, kDone0);
    CHECK(dev.run_until([&] { return (dev.harness().irq_lines() & 1) != 0; }, 10));
  }
}
