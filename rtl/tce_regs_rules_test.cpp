// Register-block rules that once went wrong, each checked on every RTL variant through
// real AXI4-Lite handshakes: RC and W1C in one cycle, PM_CTRL writes during a wake-up,
// erratum E1's phantom channels, and SOFT_RESET against the description's reset values.
#include <doctest/doctest.h>

#include <string>

#include "checked_device.hpp"
#include "tce_regs.hpp"
#include "variants.hpp"

namespace r = tce::reg;
using tandem::AxiResp;
using tandem::CsrRequest;
using tandem::kRtlVariants;
using tandem::RtlVariant;

namespace {

using Csr = tandem::CheckedDevice;

constexpr std::uint32_t kD0 = static_cast<std::uint32_t>(r::PmState::kD0);
constexpr std::uint32_t kD3 = static_cast<std::uint32_t>(r::PmState::kD3);

// Power state, identity and parameters: what SOFT_RESET keeps (spec section 3, CTRL).
bool kept_by_soft_reset(const std::string& name) {
  return name == "ID" || name == "VERSION" || name == "CAPS" || name == "PM_CTRL" || name == "PM_STATUS";
}

// Writes SOFT_RESET, waits for STATUS.RESET_BUSY to drop, and checks every register the
// reset covers against the description.
void soft_reset_and_check(Csr& csr, const RtlVariant& v) {
  REQUIRE(csr.write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask) == AxiResp::kOkay);
  REQUIRE(csr.run_until([&] { return r::get<r::STATUS::RESET_BUSY>(csr.read(r::STATUS::kOffset)) == 0; }, 100'000));
  for (const r::RegInfo& reg : r::kRegisters) {
    if (kept_by_soft_reset(reg.name)) continue;
    for (unsigned i = 0; i < tandem::instances_of(reg, v); ++i) {
      CAPTURE(std::string(reg.name));
      CAPTURE(i);
      std::uint32_t value = 0;
      CHECK(csr.read(reg.offset + i * reg.stride, &value) == AxiResp::kOkay);
      CHECK(value == reg.reset);
    }
  }
}

}  // namespace

TEST_CASE("an IRQ_STATUS_RC read and an IRQ_STATUS W1C write in one cycle clear everything the read returned") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    const std::uint32_t done = r::IRQ_STATUS::CH_DONE::mask(0), err = r::IRQ_STATUS::CH_ERR::mask(0);
    REQUIRE(csr.write(r::IRQ_ENABLE::kOffset, done | err) == AxiResp::kOkay);
    REQUIRE(csr.write(r::IRQ_TEST::kOffset, done | err) == AxiResp::kOkay);
    CsrRequest rc, w1c;
    rc.addr = r::IRQ_STATUS_RC::kOffset;
    w1c.write = true;
    w1c.addr = r::IRQ_STATUS::kOffset;
    w1c.data = err;
    csr.issue({&rc, &w1c});
    REQUIRE(rc.completed == w1c.completed);  // the rule is about one cycle
    CHECK(rc.data == (done | err));
    CHECK(csr.read(r::IRQ_STATUS::kOffset) == 0);
  }
}

TEST_CASE("a wake-up takes 64 cycles whatever PM_CTRL writes come meanwhile, and they change nothing") {
  for (const RtlVariant& v : kRtlVariants) {
    for (const std::uint32_t meanwhile : {kD0, kD3}) {
      CAPTURE(std::string(v.name));
      CAPTURE(meanwhile);
      Csr csr(tandem::config_of(v));
      REQUIRE(csr.write(r::PM_CTRL::kOffset, kD3) == AxiResp::kOkay);
      REQUIRE(r::get<r::PM_STATUS::STATE>(csr.read(r::PM_STATUS::kOffset)) == kD3);
      CsrRequest wake;
      wake.write = true;
      wake.addr = r::PM_CTRL::kOffset;
      wake.data = kD0;
      csr.issue({&wake});
      // The wake-up starts when its write is taken; 64 cycles later it is over. Writes come
      // until shortly before that (a write after it would be a new request), reads after.
      std::uint64_t last_busy = wake.completed, first_done = 0;
      unsigned writes = 0;
      for (int i = 0; i < 200 && first_done == 0; ++i) {
        if (csr.cycle() + 8 < wake.completed + 64) {
          CHECK(csr.write(r::PM_CTRL::kOffset, meanwhile) == AxiResp::kOkay);
          ++writes;
        }
        CsrRequest s;
        s.addr = r::PM_STATUS::kOffset;
        csr.issue({&s});
        if (r::get<r::PM_STATUS::TRANSITION_BUSY>(s.data)) {
          last_busy = s.completed;
        } else {
          first_done = s.completed;
          CHECK(r::get<r::PM_STATUS::STATE>(s.data) == kD0);
          CHECK(r::get<r::PM_STATUS::PM_REFUSED>(s.data) == 0);
        }
      }
      CHECK(writes >= 8);
      REQUIRE(first_done != 0);
      // A read is answered within a few cycles of sampling: the end is seen within 4 cycles.
      CHECK(last_busy <= wake.completed + 64);
      CHECK(first_done >= wake.completed + 62);
      CHECK(first_done <= wake.completed + 64 + 4);
      CHECK(csr.read(r::PM_CTRL::kOffset) == kD0);  // the writes during the wake-up left no trace
    }
  }
}

TEST_CASE("registers of channels the device lacks: silent on revision 1 (erratum E1), DECERR on revision 2") {
  for (const RtlVariant& v : kRtlVariants) {
    Csr csr(tandem::config_of(v));
    for (const r::RegInfo& reg : r::kRegisters) {
      if (reg.count == 1 || std::string(reg.name) == "IRQ_COALESCE") continue;
      for (unsigned c = v.channels; c < reg.count; ++c) {
        CAPTURE(std::string(v.name));
        CAPTURE(std::string(reg.name));
        CAPTURE(c);
        const std::uint32_t offset = reg.offset + c * reg.stride;
        const AxiResp expected = v.revision == 1 ? AxiResp::kOkay : AxiResp::kDecErr;
        CHECK(csr.write(offset, 0xFFFFFFFF) == expected);
        std::uint32_t value = 1;
        CHECK(csr.read(offset, &value) == expected);
        CHECK(value == 0);
      }
    }
  }
}

TEST_CASE("after SOFT_RESET every register but identity and power state reads its described reset value") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    // Leave a trace everywhere: a completed descriptor on each channel, every event latched,
    // every RW register written.
    const std::uint64_t src = csr.memory().alloc(64), dst = csr.memory().alloc(64);
    for (unsigned c = 0; c < v.channels; ++c) {
      csr.setup_ring(c, 2);
      csr.put(c, 0, {src, dst, 64, r::desc::CTRL::IRQ::kMask});
      csr.doorbell(c, 1);
      REQUIRE(csr.wait_descriptor(c, 0, 10'000));
    }
    REQUIRE(csr.write(r::IRQ_TEST::kOffset, 0xFFFFFFFF) == AxiResp::kOkay);
    REQUIRE(csr.write(r::SCRATCH::kOffset, 0x5A5A5A5A) == AxiResp::kOkay);
    REQUIRE(csr.write(r::IRQ_ENABLE::kOffset, 0xFFFFFFFF) == AxiResp::kOkay);
    REQUIRE(csr.write(r::IRQ_VEC_MAP::kOffset, 0x5555) == AxiResp::kOkay);
    REQUIRE(csr.write(r::IRQ_MODE::kOffset, 1) == AxiResp::kOkay);
    for (unsigned i = 0; i < v.vectors; ++i)
      REQUIRE(csr.write(r::IRQ_COALESCE::offset(i), 0x00100004) == AxiResp::kOkay);
    REQUIRE(r::get<r::CH_STATUS::COMPLETED>(csr.read(r::CH_STATUS::offset(0))) == 1);

    soft_reset_and_check(csr, v);
  }
}

TEST_CASE("SOFT_RESET during a copy lets its bursts finish, then resets everything, and the device works on") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    const std::uint32_t len = 64 * 1024;
    const std::uint64_t src = csr.memory().alloc(len), dst = csr.memory().alloc(len);
    for (unsigned c = 0; c < v.channels; ++c) {
      csr.setup_ring(c, 2);
      csr.put(c, 0, {src, dst, len, r::desc::CTRL::IRQ::kMask});
      csr.doorbell(c, 1);
    }
    csr.harness().run(500);
    REQUIRE(r::get<r::STATUS::IDLE>(csr.read(r::STATUS::kOffset)) == 0);  // mid-copy
    soft_reset_and_check(csr, v);
    // The engine restarted cleanly: a new copy completes (the CheckedDevice also checks
    // that no bus assertion fired on the way).
    csr.setup_ring(0, 2);
    csr.put(0, 0, {src, dst, 64, 0});
    csr.doorbell(0, 1);
    REQUIRE(csr.wait_descriptor(0, 0, 10'000));
    CHECK(csr.get(0, 0).status == r::desc::STATUS::DONE::kMask);
  }
}
