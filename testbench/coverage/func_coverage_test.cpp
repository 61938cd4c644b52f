#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "coverage_summary.hpp"
#include "func_collector.hpp"
#include "func_waivers.hpp"
#include "tce_regs.hpp"

namespace tandem::cov {
namespace {

namespace r = tce::reg;

bool has_bin(const std::string& key) {
  const auto& bins = all_bins();
  return std::any_of(bins.begin(), bins.end(), [&](const Bin& b) { return b.key() == key; });
}

// Drives a collector with the events a platform would publish.
struct Feed {
  FuncCollector c;
  std::uint64_t cycle = 0;
  unsigned device = kNoDevice;  // the device the events below are of
  void csr(bool write, std::uint32_t offset, std::uint32_t data, std::uint8_t resp = 0, int cpu = 0,
           std::uint32_t latched = 0) {
    Event e{EventKind::kCsrAccess};
    e.cycle = ++cycle;
    e.cpu = cpu;
    e.write = write;
    e.addr = offset;
    e.data = data;
    e.resp = resp;
    e.device = device;
    c.on(e, latched);
  }
  void context(const char* what) {
    Event e{EventKind::kContext};
    e.cpu = 0;
    e.what = what;
    c.on(e);
  }
  void power(unsigned state) {
    Event e{EventKind::kPowerState};
    e.device = device;
    e.data = state;
    c.on(e);
  }
  void fetch(unsigned channel) {
    Event e{EventKind::kDescFetch};
    e.device = device;
    e.line = channel;
    c.on(e);
  }
  bool hit(const std::string& key) const {
    const auto it = c.counts().find(key);
    return it != c.counts().end() && it->second > 0;
  }
};

TEST_CASE("the model has a bin per register field and each access its type allows") {
  CHECK(has_bin("register/CTRL.ENABLE:read"));
  CHECK(has_bin("register/CTRL.ENABLE:write"));
  CHECK(has_bin("register/CTRL.SOFT_RESET:write"));
  CHECK_FALSE(has_bin("register/CTRL.SOFT_RESET:read"));        // W1S reads 0
  CHECK_FALSE(has_bin("register/IRQ_STATUS_RC.EVENTS:write"));  // RC: a write is SLVERR
  CHECK_FALSE(has_bin("register/IRQ_TEST.EVENTS:read"));        // WO reads 0
  CHECK(has_bin("register/IRQ_STATUS.CH_ERR[3]:write"));        // a field array, element by element
  CHECK(has_bin("register/IRQ_COALESCE.TIMER:write"));
  CHECK(has_bin("error/WRITEBACK:recovered"));
  CHECK_FALSE(has_bin("error/NONE:raised"));
  CHECK(has_bin("power/D3->D0"));
  CHECK(has_bin("irq_cause/PM_DONE:coalesced"));
  // Each field element once per access: as many bins as the description's elements allow.
  std::size_t expected = 0, got = 0;
  for (const r::RegInfo& reg : r::kRegisters) {
    for (std::size_t f = 0; f < reg.field_count; ++f) {
      const r::Access a = reg.fields[f].access;
      expected += (a == r::Access::RW || a == r::Access::W1C) ? 2 : 1;
    }
  }
  for (const Bin& b : all_bins()) got += b.group == std::string(kRegister) ? 1 : 0;
  CHECK(got == expected);
}

TEST_CASE("a register bin flips on the driver's access and stays off otherwise") {
  Feed f;
  f.csr(true, r::CTRL::kOffset, r::CTRL::ENABLE::kMask);
  CHECK(f.hit("register/CTRL.ENABLE:write"));
  CHECK(f.hit("register/CTRL.BUS_MASTER:write"));        // a stored field is written whatever its value
  CHECK_FALSE(f.hit("register/CTRL.SOFT_RESET:write"));  // an action field only by a 1
  CHECK_FALSE(f.hit("register/CTRL.ENABLE:read"));
  f.csr(true, r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
  CHECK(f.hit("register/CTRL.SOFT_RESET:write"));
  // Refused accesses and accesses by no CPU count for nothing.
  f.csr(false, r::SCRATCH::kOffset, 0, 2);
  f.csr(false, r::SCRATCH::kOffset, 0, 0, -1);
  CHECK_FALSE(f.hit("register/SCRATCH.VALUE:read"));
  f.csr(false, r::CH_STATUS::offset(1), 0);
  CHECK(f.hit("register/CH_STATUS.ERR_CODE:read"));
}

TEST_CASE("another kind's device counts in no bin, though it has registers at the TCE's offsets") {
  Feed f{FuncCollector(DeviceFilter({"tmr", "tce"}, FuncCollector::kKind))};
  f.device = 0;  // the TMR: its STATUS sits at the TCE's CTRL offset, its COUNT at SCRATCH's
  f.csr(true, r::CTRL::kOffset, r::CTRL::ENABLE::kMask);
  f.csr(false, r::SCRATCH::kOffset, 0);
  f.csr(false, r::PM_STATUS::kOffset, r::PM_STATUS::PM_REFUSED::kMask);
  f.power(3);
  f.fetch(0);
  CHECK(f.c.counts().empty());
  f.device = 1;  // the TCE
  f.csr(true, r::CTRL::kOffset, r::CTRL::ENABLE::kMask);
  CHECK(f.hit("register/CTRL.ENABLE:write"));
  CHECK_FALSE(f.hit("register/SCRATCH.VALUE:read"));
  f.power(3);
  CHECK(f.hit("power/D0->D3"));
}

TEST_CASE("an interrupt cause is binned by the mode it reached the driver in") {
  Feed f;
  const std::uint32_t done0 = r::IRQ_STATUS::CH_DONE::mask(0), err1 = r::IRQ_STATUS::CH_ERR::mask(1);
  f.context("process");
  f.csr(false, r::IRQ_STATUS::kOffset, done0);  // polled: its enable is off
  CHECK(f.hit("irq_cause/CH_DONE:polling"));
  f.csr(true, r::IRQ_ENABLE::kOffset, err1);
  f.csr(false, r::IRQ_STATUS::kOffset, err1);  // enabled, outside a handler: no mode to bin
  CHECK_FALSE(f.hit("irq_cause/CH_ERR:polling"));
  CHECK_FALSE(f.hit("irq_cause/CH_ERR:level"));
  f.context("isr");
  f.csr(false, r::IRQ_STATUS::kOffset, err1);
  CHECK(f.hit("irq_cause/CH_ERR:level"));
  CHECK_FALSE(f.hit("irq_cause/CH_ERR:pulse"));
  CHECK_FALSE(f.hit("irq_cause/CH_ERR:coalesced"));
  // Event 3 (CH_ERR(1)) to vector 1, which pulses and coalesces by count.
  f.csr(true, r::IRQ_VEC_MAP::kOffset, r::IRQ_VEC_MAP::VEC::put(3, 1));
  f.csr(true, r::IRQ_MODE::kOffset, 0b10);
  f.csr(true, r::IRQ_COALESCE::offset(1), r::put<r::IRQ_COALESCE::COUNT>(4));
  f.csr(false, r::IRQ_STATUS::kOffset, err1);
  CHECK(f.hit("irq_cause/CH_ERR:pulse"));
  CHECK(f.hit("irq_cause/CH_ERR:coalesced"));
  f.csr(false, r::IRQ_STATUS_RC::kOffset, r::IRQ_STATUS::PM_DONE::kMask);
  CHECK(f.hit("irq_cause/PM_DONE:rc"));
  CHECK_FALSE(f.hit("irq_cause/PM_DONE:level"));
}

TEST_CASE("an event latched with its enable off counts as polled") {
  Feed f;
  const std::uint32_t done1 = r::IRQ_STATUS::CH_DONE::mask(1), pm = r::IRQ_STATUS::PM_DONE::kMask;
  f.csr(true, r::IRQ_ENABLE::kOffset, done1);
  f.csr(false, r::CH_STATUS::offset(1), 0, 0, 0, done1);  // enabled: it signals, nobody polls it
  CHECK_FALSE(f.hit("irq_cause/CH_DONE:polling"));
  f.csr(false, r::PM_STATUS::kOffset, 0, 0, 0, done1 | pm);
  CHECK(f.hit("irq_cause/PM_DONE:polling"));
  CHECK_FALSE(f.hit("irq_cause/CH_DONE:polling"));
  f.csr(true, r::IRQ_ENABLE::kOffset, 0);
  f.csr(false, r::CH_STATUS::offset(1), 0, 0, 0, done1);
  CHECK(f.hit("irq_cause/CH_DONE:polling"));
  CHECK_FALSE(f.hit("irq_cause/CH_ERR:polling"));
}

TEST_CASE("an error is raised by a halt and recovered when the reset channel works again") {
  Feed f;
  const std::uint32_t halted = r::CH_STATUS::HALTED::kMask | r::put<r::CH_STATUS::ERR_CODE>(2);
  f.csr(false, r::CH_STATUS::offset(1), r::put<r::CH_STATUS::ERR_CODE>(2));  // not halted: nothing
  CHECK_FALSE(f.hit("error/SRC_READ:raised"));
  f.csr(false, r::CH_STATUS::offset(1), halted);
  CHECK(f.hit("error/SRC_READ:raised"));
  f.fetch(1);  // no reset yet: the halt is not recovered
  CHECK_FALSE(f.hit("error/SRC_READ:recovered"));
  f.csr(true, r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask);  // another channel's reset
  f.fetch(1);
  CHECK_FALSE(f.hit("error/SRC_READ:recovered"));
  f.csr(true, r::CH_CTRL::offset(1), r::CH_CTRL::RESET::kMask);
  f.fetch(0);
  CHECK_FALSE(f.hit("error/SRC_READ:recovered"));
  f.fetch(1);
  CHECK(f.hit("error/SRC_READ:recovered"));
  CHECK_FALSE(f.hit("error/DST_WRITE:raised"));
}

TEST_CASE("power transitions and a refused D3") {
  Feed f;
  f.power(0);
  CHECK(f.c.counts().empty());
  f.power(3);
  CHECK(f.hit("power/D0->D3"));
  CHECK_FALSE(f.hit("power/D3->D0"));
  f.power(0);
  CHECK(f.hit("power/D3->D0"));
  CHECK_FALSE(f.hit("power/D3_refused"));
  f.csr(false, r::PM_STATUS::kOffset, r::PM_STATUS::PM_REFUSED::kMask);
  CHECK(f.hit("power/D3_refused"));
}

TEST_CASE("the errata paths follow the revision the driver read") {
  Feed f;
  f.csr(true, r::RING_SIZE_LOG2::offset(3), 1);  // revision not known yet: no E1 path
  f.csr(false, r::RING_SIZE_LOG2::offset(3), 0);
  CHECK_FALSE(f.hit("quirk/E1_channels_by_readback"));
  f.csr(false, r::VERSION::kOffset, 1);
  CHECK(f.hit("quirk/rev1_errata"));
  CHECK_FALSE(f.hit("quirk/rev2_no_quirks"));
  f.csr(true, r::RING_SIZE_LOG2::offset(1), 1);
  f.csr(false, r::RING_SIZE_LOG2::offset(1), 1);
  CHECK(f.hit("quirk/E1_channels_by_readback"));
  CHECK_FALSE(f.hit("quirk/E1_missing_channel"));
  f.csr(true, r::RING_SIZE_LOG2::offset(2), 1);
  f.csr(false, r::RING_SIZE_LOG2::offset(2), 0);
  CHECK(f.hit("quirk/E1_missing_channel"));
  f.csr(true, r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::COUNT>(3) | r::put<r::IRQ_COALESCE::TIMER>(9));
  CHECK_FALSE(f.hit("quirk/E2_timer_left_off"));
  Event fire{EventKind::kTimer};
  fire.what = kTimerFire;
  f.c.on(fire);
  CHECK_FALSE(f.hit("quirk/E2_flush_timer"));
  f.csr(true, r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::COUNT>(3));
  CHECK(f.hit("quirk/E2_timer_left_off"));
  f.c.on(fire);
  CHECK(f.hit("quirk/E2_flush_timer"));
}

TEST_CASE("runs' counts merge, and the summary lists each bin missed with its waiver") {
  Counts a{{"power/D0->D3", 2}, {"register/CTRL.ENABLE:write", 1}};
  Counts b{{"power/D0->D3", 1}, {"power/D3->D0", 4}};
  const std::string path = "func_coverage_test.txt";
  REQUIRE(write_counts(path, a));
  Counts merged;
  REQUIRE(read_counts(path, &merged));
  REQUIRE(read_counts("no-such-file.txt", &merged));  // a run that wrote none hit nothing
  merge(merged, b);
  std::remove(path.c_str());
  CHECK(merged["power/D0->D3"] == 3);
  CHECK(merged["power/D3->D0"] == 4);
  CHECK(merged["register/CTRL.ENABLE:write"] == 1);
  const std::vector<GroupCoverage> groups = summarize(merged);
  const auto power = std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.group == "power"; });
  REQUIRE(power != groups.end());
  CHECK(power->hit == 2);
  CHECK(power->total == 3);
  REQUIRE(power->missed.size() == 1);
  CHECK(power->missed[0].first == "D3_refused");
  const auto quirk = std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.group == "quirk"; });
  REQUIRE(quirk != groups.end());
  const auto other = std::find_if(quirk->missed.begin(), quirk->missed.end(),
                                  [](const auto& m) { return m.first == "other_revision"; });
  REQUIRE(other != quirk->missed.end());
  CHECK_FALSE(other->second.empty());  // waived, with its reason
}

TEST_CASE("every waiver names a bin of the model, with a reason") {
  for (const Waiver& w : waivers()) {
    INFO(w.bin);
    CHECK(has_bin(w.bin));
    CHECK(std::string(w.reason).size() > 20);
  }
}

}  // namespace
}  // namespace tandem::cov
