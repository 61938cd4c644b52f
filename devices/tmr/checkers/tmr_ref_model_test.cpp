// The contract's model against the contract's own statements (devices/tmr/README.md,
// sections 4 to 6), edge by edge.
#include "tmr_ref_model.hpp"

#include <doctest/doctest.h>

#include <random>

#include "tmr_regs.hpp"

namespace tandem::tmr_check {
namespace {

namespace r = tmr::reg;
constexpr std::uint32_t kMagic = 0x4B1C4B1C;
constexpr std::uint32_t kEnable = r::CTRL::ENABLE::kMask, kPeriodic = r::CTRL::PERIODIC::kMask,
                        kPulse = r::CTRL::IRQ_MODE::kMask, kWdog = r::CTRL::WDOG_EN::kMask;

// Steps to edge `edge - 1`, then takes `offset` := `value` at edge `edge`.
void write_at(TmrRefModel& m, std::uint64_t edge, std::uint32_t offset, std::uint32_t value) {
  while (m.edge() + 1 < edge) m.step();
  const TmrRefModel::Write w{offset, value};
  m.step(&w, 1);
}

// The edges, from the model's next on, at which `vector`'s line is high, up to `last`.
std::vector<std::uint64_t> high_edges(TmrRefModel& m, unsigned vector, std::uint64_t last) {
  std::vector<std::uint64_t> out;
  while (m.edge() < last) {
    m.step();
    if (m.line(vector)) out.push_back(m.edge());
  }
  return out;
}

TEST_CASE("a start at edge E expires at E + 1 + LOAD, then every LOAD edges when periodic") {
  TmrRefModel m;
  write_at(m, 5, r::LOAD::kOffset, 10);
  write_at(m, 7, r::IRQ_ENABLE::kOffset, 1);
  write_at(m, 20, r::CTRL::kOffset, kEnable | kPeriodic | kPulse);
  m.step();
  CHECK(m.read(r::COUNT::kOffset) == 10);  // loaded at E + 1
  // PULSE: high for the one cycle after each expiry edge.
  CHECK(high_edges(m, 0, 60) == std::vector<std::uint64_t>{31, 41, 51});
  CHECK(m.read(r::STATUS::kOffset) == r::STATUS::EXPIRED::kMask);  // latched all the same
}

TEST_CASE("one-shot: COUNT stops at 0 with ENABLE still set, and a new start needs ENABLE to rise") {
  TmrRefModel m;
  write_at(m, 1, r::LOAD::kOffset, 4);
  write_at(m, 2, r::CTRL::kOffset, kEnable);
  while (m.edge() < 7) m.step();
  CHECK(m.read(r::STATUS::kOffset) == r::STATUS::EXPIRED::kMask);  // edge 2 + 1 + 4
  CHECK(m.read(r::COUNT::kOffset) == 0);
  while (m.edge() < 100) m.step();
  CHECK(m.read(r::COUNT::kOffset) == 0);
  CHECK(m.read(r::CTRL::kOffset) == kEnable);
}

TEST_CASE("LEVEL: up from the expiry until the W1C write, an event beating its own clear") {
  TmrRefModel m;
  write_at(m, 1, r::LOAD::kOffset, 3);
  write_at(m, 2, r::IRQ_ENABLE::kOffset, 1);
  write_at(m, 3, r::CTRL::kOffset, kEnable | kPeriodic);
  m.step();  // 4: loaded
  m.step();
  m.step();
  CHECK_FALSE(m.line(0));
  m.step();  // 7 = 3 + 1 + 3
  CHECK(m.line(0));
  write_at(m, 9, r::STATUS::kOffset, r::STATUS::BARK::kMask);  // another bit: no effect
  CHECK(m.line(0));
  write_at(m, 10, r::STATUS::kOffset, r::STATUS::EXPIRED::kMask);  // 10 is also the next expiry
  CHECK(m.line(0));
  write_at(m, 11, r::STATUS::kOffset, r::STATUS::EXPIRED::kMask);
  CHECK_FALSE(m.line(0));
  write_at(m, 13, r::IRQ_ENABLE::kOffset, 0);  // masked: the event latches, the line stays low
  CHECK(high_edges(m, 0, 30).empty());
  CHECK(m.read(r::STATUS::kOffset) == r::STATUS::EXPIRED::kMask);
}

TEST_CASE("disabling mid-count freezes COUNT after that edge, and enabling again restarts from LOAD") {
  TmrRefModel m;
  write_at(m, 1, r::LOAD::kOffset, 100);
  write_at(m, 2, r::CTRL::kOffset, kEnable);
  write_at(m, 10, r::CTRL::kOffset, 0);  // COUNT still moves at 10
  CHECK(m.read(r::COUNT::kOffset) == 100 - 7);
  while (m.edge() < 50) m.step();
  CHECK(m.read(r::COUNT::kOffset) == 93);
  write_at(m, 51, r::LOAD::kOffset, 0);
  write_at(m, 52, r::CTRL::kOffset, kEnable);  // LOAD 0: stays stopped, no event
  while (m.edge() < 80) m.step();
  CHECK(m.read(r::COUNT::kOffset) == 0);
  CHECK(m.read(r::STATUS::kOffset) == 0);
}

TEST_CASE("the watchdog: barks every WDOG_LOAD edges unless kicked with the magic value") {
  TmrRefModel m;
  write_at(m, 1, r::WDOG_LOAD::kOffset, 20);
  write_at(m, 2, r::IRQ_ENABLE::kOffset, 2);
  write_at(m, 3, r::CTRL::kOffset, kWdog | kPulse);
  // Kicks at 15 and 30 reload at 16 and 31: no bark until 31 + 20.
  write_at(m, 15, r::KICK::kOffset, kMagic);
  CHECK(m.edge() == 15);
  write_at(m, 30, r::KICK::kOffset, kMagic);
  write_at(m, 40, r::KICK::kOffset, 0x1234);  // not the magic: counted, no reload
  CHECK(high_edges(m, 1, 80) == std::vector<std::uint64_t>{51, 71});
  CHECK(m.read(r::BAD_KICKS::kOffset) == 1);
  CHECK(m.read(r::STATUS::kOffset) == r::STATUS::BARK::kMask);
}

TEST_CASE("a kick wins over a bark due at the same edge, and kicks while WDOG_EN is clear do nothing") {
  TmrRefModel m;
  write_at(m, 1, r::WDOG_LOAD::kOffset, 10);
  write_at(m, 2, r::IRQ_ENABLE::kOffset, 2);
  write_at(m, 3, r::CTRL::kOffset, kWdog);    // loads at 4: the bark is due at 14
  write_at(m, 13, r::KICK::kOffset, kMagic);  // acted on at 14
  m.step();
  CHECK(m.edge() == 14);
  CHECK_FALSE(m.line(1));
  CHECK(m.read(r::WDOG_COUNT::kOffset) == 10);
  write_at(m, 20, r::CTRL::kOffset, 0);
  const std::uint32_t frozen = m.read(r::WDOG_COUNT::kOffset);
  write_at(m, 22, r::KICK::kOffset, kMagic);
  while (m.edge() < 40) m.step();
  CHECK(m.read(r::WDOG_COUNT::kOffset) == frozen);
  CHECK(m.read(r::BAD_KICKS::kOffset) == 0);
}

TEST_CASE("a period of 1 gives adjoining pulses") {
  TmrRefModel m;
  write_at(m, 1, r::LOAD::kOffset, 1);
  write_at(m, 2, r::IRQ_ENABLE::kOffset, 1);
  write_at(m, 3, r::CTRL::kOffset, kEnable | kPeriodic | kPulse);
  CHECK(high_edges(m, 0, 8) == std::vector<std::uint64_t>{5, 6, 7, 8});
}

TEST_CASE("skip() is stepping edge by edge, and edges_to_rise() finds the next rise") {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    TmrRefModel stepped, skipped;
    for (int w = 0; w < 12; ++w) {
      const std::uint32_t offsets[] = {r::CTRL::kOffset,      r::LOAD::kOffset, r::IRQ_ENABLE::kOffset,
                                       r::WDOG_LOAD::kOffset, r::KICK::kOffset, r::STATUS::kOffset};
      const TmrRefModel::Write write{offsets[rng() % 6], static_cast<std::uint32_t>(rng() % 40)};
      const std::uint64_t gap = rng() % 200;
      const TmrRefModel before = stepped;
      const std::uint64_t rise = before.edges_to_rise(0, gap + 1);
      std::uint64_t first_rise = 0;
      for (std::uint64_t i = 0; i < gap; ++i) {
        const bool was = stepped.line(0);
        stepped.step();
        if (first_rise == 0 && stepped.line(0) && !was) first_rise = i + 1;
      }
      CHECK((rise <= gap ? rise : 0) == first_rise);
      while (skipped.edge() < stepped.edge()) {
        if (skipped.skip(stepped.edge() - skipped.edge()) == 0) skipped.step();
      }
      stepped.step(&write, 1);
      skipped.step(&write, 1);
      for (std::uint32_t off = 0; off <= r::BAD_KICKS::kOffset; off += 4) CHECK(stepped.read(off) == skipped.read(off));
      CHECK(stepped.line(0) == skipped.line(0));
      CHECK(stepped.line(1) == skipped.line(1));
    }
  }
}

}  // namespace
}  // namespace tandem::tmr_check
