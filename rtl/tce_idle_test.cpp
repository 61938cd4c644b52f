// tce_top's quiescent_o on the Verilated RTL, under seeded random traffic (copies with and
// without interrupts, bus errors, coalescing by count and timer, LEVEL and PULSE vectors,
// software events and clears, channel and soft resets, a bad ring size, power cycles):
// whenever it is high, the model's whole state stays as it is while no request comes (the
// property a simulator that skips quiescent cycles rests on: a claim of quiet while a
// timer, a wake-up or a pulse still runs changes the state digest within a cycle); and a
// device that skips its quiescent cycles ends every step of that traffic in the cycle,
// state, interrupt lines and memory of one that evaluates every cycle, back-pressure on; so
// does one that evaluates the clock edge alone while its CSR port holds still.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "checked_device.hpp"
#include "rng.hpp"
#include "rtl_test_support.hpp"
#include "tce_regs.hpp"
#include "verilated_device.hpp"

namespace r = tce::reg;
using BareDevice = tandem::CheckedDevice;
using tandem::HarnessConfig;
using tandem::Rng;

namespace {

constexpr unsigned kRingLog2 = 4;

// Seeded random traffic on one device. `wait(n)` lets n cycles pass between actions: the
// tests decide how.
class Traffic {
 public:
  Traffic(BareDevice& dev, unsigned channels, std::uint64_t seed, std::function<void(std::uint64_t)> wait)
      : dev_(dev), channels_(channels), rng_(seed), wait_(std::move(wait)) {
    src_ = dev_.memory().alloc(kArena);
    dst_ = dev_.memory().alloc(kArena);
    bad_ = dev_.memory().alloc(kArena);
    dev_.harness().memory_port().error_range(bad_, bad_ + kArena, true, true);
    setup();
  }

  void action() {
    switch (rng_.range(0, 9)) {
      case 0:
      case 1:
      case 2: copy(); break;
      case 3: configure_irqs(); break;
      case 4: dev_.write(r::IRQ_TEST::kOffset, pick_events()); break;
      case 5:
        if (rng_.range(0, 1) == 0)
          dev_.write(r::IRQ_STATUS::kOffset, pick_events());
        else
          dev_.read(r::IRQ_STATUS_RC::kOffset);
        break;
      case 6: reset_channel(static_cast<unsigned>(rng_.range(0, channels_ - 1))); break;
      case 7: bad_ring(); break;
      case 8: power_cycle(); break;
      default: soft_reset(); break;
    }
    wait_(rng_.range(0, 600));
  }

 private:
  static constexpr std::uint64_t kArena = 64 * 1024;

  void setup() {
    for (unsigned c = 0; c < channels_; ++c) {
      dev_.setup_ring(c, kRingLog2);
      tail_[c] = 0;
    }
  }
  std::uint32_t pick_events() { return static_cast<std::uint32_t>(rng_.range(0, 0x1FF)); }
  void copy() {
    const auto c = static_cast<unsigned>(rng_.range(0, channels_ - 1));
    const auto len = static_cast<std::uint32_t>(rng_.range(1, 4096));
    const bool fail = rng_.range(0, 5) == 0;
    const std::uint64_t src = (fail ? bad_ : src_) + rng_.range(0, kArena - len);
    const std::uint64_t dst = dst_ + rng_.range(0, kArena - len);
    const std::uint32_t ctrl = static_cast<std::uint32_t>(rng_.range(0, 1)) * r::desc::CTRL::IRQ::kMask |
                               static_cast<std::uint32_t>(rng_.range(0, 1)) * r::desc::CTRL::CRC::kMask;
    dev_.put(c, tail_[c], {src, dst, len, ctrl});
    tail_[c] = (tail_[c] + 1) % (1u << kRingLog2);
    dev_.doorbell(c, tail_[c]);
  }
  void configure_irqs() {
    dev_.write(r::IRQ_ENABLE::kOffset, pick_events());
    dev_.write(r::IRQ_VEC_MAP::kOffset, static_cast<std::uint32_t>(rng_.next()));
    dev_.write(r::IRQ_MODE::kOffset, static_cast<std::uint32_t>(rng_.range(0, 15)));
    for (unsigned v = 0; v < r::kMaxVectors; ++v) {
      const auto count = static_cast<std::uint32_t>(rng_.range(0, 4));
      const std::uint32_t timer = rng_.range(0, 1) == 0 ? 0 : static_cast<std::uint32_t>(rng_.range(20, 700));
      dev_.write(r::IRQ_COALESCE::offset(v),
                 r::put<r::IRQ_COALESCE::COUNT>(count) | r::put<r::IRQ_COALESCE::TIMER>(timer));
    }
  }
  void reset_channel(unsigned c) {
    dev_.write(r::CH_CTRL::offset(c), r::CH_CTRL::RUN::kMask | r::CH_CTRL::RESET::kMask);
    tail_[c] = 0;
  }
  void bad_ring() {  // halts the channel on RUN (ERR_CODE 6); a reset and the size restore it
    const auto c = static_cast<unsigned>(rng_.range(0, channels_ - 1));
    dev_.write(r::RING_SIZE_LOG2::offset(c), 0);
    wait_(rng_.range(0, 100));
    dev_.write(r::RING_SIZE_LOG2::offset(c), kRingLog2);
    reset_channel(c);
  }
  void power_cycle() {  // D3 is refused while busy; either way, wake up and set up again
    dev_.write(r::PM_CTRL::kOffset, 3);
    wait_(rng_.range(0, 200));
    dev_.write(r::PM_CTRL::kOffset, 0);
    wait_(rng_.range(0, 200));
    dev_.run_until([&] { return (dev_.read(r::PM_STATUS::kOffset) & r::PM_STATUS::TRANSITION_BUSY::kMask) == 0; }, 200);
    setup();
  }
  void soft_reset() {
    dev_.write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
    dev_.run_until([&] { return (dev_.read(r::STATUS::kOffset) & r::STATUS::RESET_BUSY::kMask) == 0; }, 20'000);
    setup();
  }

  BareDevice& dev_;
  unsigned channels_;
  Rng rng_;
  std::function<void(std::uint64_t)> wait_;
  std::uint64_t src_ = 0, dst_ = 0, bad_ = 0;
  unsigned tail_[r::kMaxChannels] = {};
};

HarnessConfig config(const char* variant) {
  return tandem::test::variant(variant, 7);
}

// RTL variants with the quiet terms of every generate branch (slowtiming: the late read
// answer and the interrupt delay line).
constexpr const char* kQuietVariants[] = {"default", "rev1", "ch1", "ch4", "slowtiming"};

unsigned channels_of(const char* variant) {
  return tandem::find_variant(variant)->channels;
}

}  // namespace

TEST_CASE("a quiescent device changes no state until a request comes") {
  constexpr unsigned kSettle = 2;
  constexpr unsigned kHold = 8;  // a wrong claim shows in the next cycle: these are margin
  for (const char* v : kQuietVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    BareDevice dev(config(v));
    tandem::DeviceHarness& h = dev.harness();
    std::uint64_t claims = 0, busy = 0, wrong = 0;
    const auto wait = [&](std::uint64_t n) {
      for (std::uint64_t i = 0; i < n;) {
        if (!h.quiescent()) {
          ++busy;
          h.step();
          ++i;
          continue;
        }
        ++claims;
        // The CSR master zeroes the payload of the request it just finished, and the
        // assertions sample their inputs' past values: those follow within kSettle cycles.
        for (unsigned k = 0; k < kSettle; ++k, ++i) h.step();
        const std::uint64_t before = h.state_digest();
        for (unsigned k = 0; k < kHold; ++k, ++i) {
          h.step();
          if (h.state_digest() != before || !h.quiescent()) {
            ++wrong;
            break;
          }
        }
      }
    };
    Traffic traffic(dev, channels_of(v), 11, wait);
    for (int a = 0; a < 150 && wrong == 0; ++a) traffic.action();
    INFO("quiescent claimed " << claims << " times, not quiescent in " << busy << " cycles");
    CHECK(wrong == 0);
    CHECK(claims > 100);
    CHECK(busy > 1000);
  }
}

namespace {

// Runs the same seeded traffic on a device configured `fast` and on one configured `ref`,
// with memory back-pressure (READYs toggling while the device is quiet), and requires the
// same cycle, interrupt lines, model state and memory after every step. Each device waits in
// runs that stop early at whatever the platform could observe (a CSR answer, an interrupt
// edge), as the engine's do. Then `after` looks at both.
void side_by_side(const char* v, HarnessConfig fast, HarnessConfig ref, std::uint64_t seed,
                  const std::function<void(BareDevice&, BareDevice&)>& after) {
  fast.mem.backpressure_percent = ref.mem.backpressure_percent = 25;
  BareDevice a(fast), b(ref);
  const auto waiter = [](BareDevice& d) {
    return [&d](std::uint64_t n) {
      for (std::uint64_t left = n; left != 0;) left -= d.harness().run(left);
    };
  };
  Traffic ta(a, channels_of(v), seed, waiter(a)), tb(b, channels_of(v), seed, waiter(b));
  for (int i = 0; i < 150; ++i) {
    ta.action();
    tb.action();
    CAPTURE(i);
    REQUIRE(a.cycle() == b.cycle());
    REQUIRE(a.harness().irq_lines() == b.harness().irq_lines());
    REQUIRE(a.harness().same_state(b.harness()));
    REQUIRE(a.memory().digest() == b.memory().digest());
  }
  after(a, b);
}

}  // namespace

TEST_CASE("skipping quiescent cycles ends every step where evaluating them does") {
  for (const char* v : kQuietVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    HarnessConfig step = config(v);
    step.idle_skip = false;
    side_by_side(v, config(v), step, 5, [](BareDevice& a, BareDevice& b) {
      INFO(a.harness().skipped() << " of " << a.cycle() << " cycles skipped");
      CHECK(a.harness().skipped() * 4 > a.cycle());  // the comparison covers many skipped spans
      CHECK(b.harness().skipped() == 0);
    });
  }
}

TEST_CASE("evaluating the clock edge alone while the CSR port holds still ends every step where two evaluations do") {
  for (const char* v : kQuietVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    HarnessConfig once = config(v), twice = config(v);
    once.idle_skip = twice.idle_skip = false;  // every cycle evaluated: once or twice
    twice.edge_alone = false;
    side_by_side(v, once, twice, 9, [](BareDevice& a, BareDevice& b) {
      INFO(a.harness().single_evaluations() << " of " << a.cycle() << " cycles evaluated once");
      CHECK(a.harness().single_evaluations() * 2 > a.cycle());  // the comparison covers most cycles
      CHECK(b.harness().single_evaluations() == 0);
    });
  }
}
