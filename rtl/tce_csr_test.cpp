// Direct tests of the RTL's CSR semantics (spec section 2 and 3) through real AXI4-Lite
// handshakes on the Verilated model, on every RTL variant: no driver, no SystemC.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "checked_device.hpp"
#include "rtl_test_support.hpp"
#include "tce_regs.hpp"
#include "variants.hpp"

namespace r = tce::reg;
using tandem::AxiResp;
using tandem::CsrRequest;
using tandem::kRtlVariants;
using tandem::RtlVariant;

using Csr = tandem::CheckedDevice;

TEST_CASE("identity registers read their generated reset values") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    CHECK(csr.read(r::ID::kOffset) == r::ID::kReset);
    CHECK(r::get<r::VERSION::REVISION>(csr.read(r::VERSION::kOffset)) == v.revision);
    const std::uint32_t caps = csr.read(r::CAPS::kOffset);
    CHECK(r::get<r::CAPS::CHANNELS>(caps) == (v.revision == 1 ? r::kMaxChannels : v.channels));  // E1 lies
    CHECK(r::get<r::CAPS::VECTORS>(caps) == v.vectors);
    CHECK(r::get<r::CAPS::MAX_BURST_LOG2>(caps) == 4);
    CHECK(r::get<r::STATUS::IDLE>(csr.read(r::STATUS::kOffset)) == 1);
  }
}

TEST_CASE("SCRATCH holds every bit pattern written to it") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    for (unsigned bit = 0; bit < 32; ++bit) {
      CHECK(csr.write(r::SCRATCH::kOffset, 1u << bit) == AxiResp::kOkay);
      CHECK(csr.read(r::SCRATCH::kOffset) == 1u << bit);
    }
    CHECK(csr.write(r::SCRATCH::kOffset, 0xA5A5F00F) == AxiResp::kOkay);
    CHECK(csr.read(r::SCRATCH::kOffset) == 0xA5A5F00F);
  }
}

TEST_CASE("read-only registers answer SLVERR to a write and keep their value") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    for (const r::RegInfo& reg : r::kRegisters) {
      if (reg.access != r::Access::RO) continue;
      CAPTURE(std::string(reg.name));
      std::uint32_t before = 0;
      const AxiResp readable = csr.read(reg.offset, &before);
      if (readable == AxiResp::kDecErr) continue;  // not in this RTL revision yet
      CHECK(csr.write(reg.offset, ~before) == AxiResp::kSlvErr);
      CHECK(csr.read(reg.offset) == before);
    }
  }
}

TEST_CASE("an offset no register occupies answers DECERR and reads 0") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    std::uint32_t value = 1;
    CHECK(csr.read(0x030, &value) == AxiResp::kDecErr);
    CHECK(value == 0);
    CHECK(csr.write(0x030, 1) == AxiResp::kDecErr);
    CHECK(csr.read(0xFFC, &value) == AxiResp::kDecErr);
    if (v.revision != 1 && v.channels < r::kMaxChannels) {  // a channel the device lacks
      CHECK(csr.read(r::CH_CTRL::offset(v.channels), &value) == AxiResp::kDecErr);
    }
  }
}

TEST_CASE("a partial write strobe answers SLVERR with no effect") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    REQUIRE(csr.write(r::SCRATCH::kOffset, 0x11223344) == AxiResp::kOkay);
    CHECK(csr.write(r::SCRATCH::kOffset, 0xFFFFFFFF, 0x3) == AxiResp::kSlvErr);
    CHECK(csr.read(r::SCRATCH::kOffset) == 0x11223344);
  }
}

TEST_CASE("a doorbell past the ring answers SLVERR and is ignored") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    REQUIRE(csr.write(r::RING_SIZE_LOG2::offset(0), 3) == AxiResp::kOkay);  // 8 entries
    CHECK(csr.write(r::RING_TAIL::offset(0), 7) == AxiResp::kOkay);
    CHECK(csr.write(r::RING_TAIL::offset(0), 8) == AxiResp::kSlvErr);
    CHECK(csr.read(r::RING_TAIL::offset(0)) == 7);
  }
}

TEST_CASE("IRQ_TEST raises events, IRQ_STATUS clears by W1C, IRQ_STATUS_RC clears what was pending") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    const std::uint32_t done = r::IRQ_STATUS::CH_DONE::mask(0), err = r::IRQ_STATUS::CH_ERR::mask(0);
    CHECK(csr.write(r::IRQ_TEST::kOffset, done | err) == AxiResp::kOkay);
    CHECK(csr.read(r::IRQ_TEST::kOffset) == 0);  // write-only reads 0
    CHECK(csr.read(r::IRQ_STATUS::kOffset) == (done | err));
    CHECK(csr.read(r::IRQ_PENDING::kOffset) == 0);  // nothing enabled
    CHECK(csr.harness().irq_lines() == 0);
    REQUIRE(csr.write(r::IRQ_ENABLE::kOffset, done) == AxiResp::kOkay);
    csr.harness().run(2);
    CHECK(csr.harness().irq_lines() == 1);  // level: high while an enabled event is latched
    CHECK(csr.read(r::IRQ_STATUS_RC::kOffset) == done);
    CHECK(csr.read(r::IRQ_STATUS::kOffset) == err);  // only the pending bit was cleared
    CHECK(csr.harness().irq_lines() == 0);
    CHECK(csr.write(r::IRQ_STATUS::kOffset, err) == AxiResp::kOkay);
    CHECK(csr.read(r::IRQ_STATUS::kOffset) == 0);
  }
}

TEST_CASE("a read and a write of one register in the same cycle: the read sees the old value") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    REQUIRE(csr.write(r::SCRATCH::kOffset, 0x1111) == AxiResp::kOkay);
    CsrRequest rd, wr;
    rd.addr = wr.addr = r::SCRATCH::kOffset;
    wr.write = true;
    wr.data = 0x2222;
    csr.issue({&rd, &wr});
    CHECK(rd.issued == wr.issued);
    CHECK(rd.data == 0x1111);
    CHECK(csr.read(r::SCRATCH::kOffset) == 0x2222);
  }
}

TEST_CASE("every CSR request is answered within 4 cycles of its handshake") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    for (const r::RegInfo& reg : r::kRegisters) {
      CsrRequest q;
      q.addr = reg.offset;
      csr.issue({&q});
      CAPTURE(std::string(reg.name));
      CHECK(q.completed - q.issued <= 4);
    }
  }
}

TEST_CASE("a protocol violation on the CSR bus fires its assertion") {
  tandem::BareDevice dev;  // unchecked: this one must fire
  CHECK_FALSE(dev.harness().rtl_error());
  dev.harness().csr().break_next_write();  // AWVALID dropped before its handshake
  CHECK(dev.write(r::SCRATCH::kOffset, 1) == AxiResp::kOkay);
  CHECK(dev.harness().rtl_error());
}

// From the register description: every register instance of every variant.
TEST_CASE("every register reads its reset value from the description") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    for (const r::RegInfo& reg : r::kRegisters) {
      for (unsigned i = 0; i < tandem::instances_of(reg, v); ++i) {
        const std::uint32_t offset = reg.offset + i * reg.stride;
        CAPTURE(std::string(reg.name));
        CAPTURE(i);
        std::uint32_t value = 0;
        const AxiResp resp = csr.read(offset, &value);
        CHECK(resp == AxiResp::kOkay);
        if (std::string(reg.name) == "VERSION" || std::string(reg.name) == "CAPS") continue;  // parameters
        CHECK(value == reg.reset);
      }
    }
  }
}

TEST_CASE("bit-bash: every RW field of every register holds each of its bits, and other fields stay put") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    csr.write(r::RING_SIZE_LOG2::offset(0), 12);  // so that any RING_TAIL value is in range
    for (const r::RegInfo& reg : r::kRegisters) {
      const std::string name = reg.name;
      if (name == "PM_CTRL") continue;  // 1 and 2 are refused by definition (power test)
      for (std::size_t f = 0; f < reg.field_count; ++f) {
        const r::FieldInfo& field = reg.fields[f];
        if (field.access != r::Access::RW) continue;
        for (unsigned b = 0; b < field.width; ++b) {
          if (name == "RING_SIZE_LOG2") continue;  // bashed below without leaving the ring invalid
          const std::uint32_t value = 1u << (field.lsb + b);
          CAPTURE(name);
          CAPTURE(field.name);
          CAPTURE(b);
          REQUIRE(csr.write(reg.offset, value) == AxiResp::kOkay);
          const std::uint32_t back = csr.read(reg.offset);
          std::uint32_t rw_mask = 0;
          for (std::size_t g = 0; g < reg.field_count; ++g) {
            if (reg.fields[g].access == r::Access::RW) {
              rw_mask |= ((reg.fields[g].width == 32 ? 0u : (1u << reg.fields[g].width)) - 1u) << reg.fields[g].lsb;
            }
          }
          CHECK(back == (value & rw_mask));
        }
        csr.write(reg.offset, name == "RING_SIZE_LOG2" ? 12 : 0);
      }
    }
    const unsigned last = v.channels - 1;  // channel 0's size stays valid for the doorbell bash
    for (unsigned log2 = 1; log2 <= 12; ++log2) {
      CHECK(csr.write(r::RING_SIZE_LOG2::offset(last), log2) == AxiResp::kOkay);
      CHECK(csr.read(r::RING_SIZE_LOG2::offset(last)) == log2);
    }
  }
}

TEST_CASE("W1S bits read 0 and act once: CH_CTRL.RESET empties the ring registers") {
  for (const RtlVariant& v : kRtlVariants) {
    CAPTURE(std::string(v.name));
    Csr csr(tandem::config_of(v));
    csr.write(r::RING_SIZE_LOG2::offset(0), 4);
    csr.write(r::RING_TAIL::offset(0), 9);
    CHECK(csr.write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask) == AxiResp::kOkay);
    CHECK(csr.read(r::CH_CTRL::offset(0)) == 0);
    CHECK(csr.read(r::RING_TAIL::offset(0)) == 0);
    CHECK(csr.read(r::RING_HEAD::offset(0)) == 0);
    CHECK(csr.read(r::RING_SIZE_LOG2::offset(0)) == 4);  // configuration stays
  }
}

TEST_CASE("an IRQ_STATUS_RC read beside an IRQ_STATUS W1C in the same cycle clears exactly what it returned") {
  for (const char* v : tandem::test::kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    Csr csr(tandem::test::variant(v));
    const std::uint32_t bits =
        r::IRQ_STATUS::CH_DONE::mask(0) | r::IRQ_STATUS::CH_ERR::mask(0) | r::IRQ_STATUS::PM_DONE::kMask;
    csr.write(r::IRQ_ENABLE::kOffset, bits);
    csr.write(r::IRQ_TEST::kOffset, bits);
    CsrRequest rc, w1c;
    rc.addr = r::IRQ_STATUS_RC::kOffset;
    w1c.write = true;
    w1c.addr = r::IRQ_STATUS::kOffset;
    w1c.data = r::IRQ_STATUS::CH_DONE::mask(0);  // one of the three
    csr.issue({&rc, &w1c});
    CHECK(rc.completed == w1c.completed);  // the two met in one cycle
    CHECK(rc.data == bits);
    CHECK(csr.read(r::IRQ_STATUS::kOffset) == 0);
  }
}

TEST_CASE("a wake-up takes exactly 64 cycles whatever PM_CTRL writes arrive meanwhile, and D3 requests are ignored") {
  for (const char* v : tandem::test::kVariants) {
    for (unsigned writes : {0u, 5u, 20u}) {
      const std::string variant_name = v;
      CAPTURE(variant_name);
      CAPTURE(writes);
      Csr csr(tandem::test::variant(v));
      REQUIRE(csr.write(r::PM_CTRL::kOffset, 3) == AxiResp::kOkay);
      REQUIRE(r::get<r::PM_STATUS::STATE>(csr.read(r::PM_STATUS::kOffset)) == 3);
      CsrRequest wake;
      wake.write = true;
      wake.addr = r::PM_CTRL::kOffset;
      csr.issue({&wake});
      // PM_CTRL writes back to back (D3 and D0 requests), watching for the PM_DONE event.
      std::vector<CsrRequest> during(writes);
      std::uint64_t done_at = 0;
      unsigned sent = 0;
      while (done_at == 0 && csr.cycle() < wake.completed + 200) {
        if (sent < writes && csr.harness().csr().idle()) {
          during[sent].write = true;
          during[sent].addr = r::PM_CTRL::kOffset;
          during[sent].data = sent % 2 == 0 ? 3 : 0;
          csr.harness().csr().submit(&during[sent++]);
        }
        csr.harness().run(1);
        if ((*csr.harness().probes().irq_events & r::IRQ_STATUS::PM_DONE::kMask) != 0) done_at = csr.cycle();
      }
      while (!csr.harness().csr().idle()) csr.harness().run(1);
      csr.harness().csr().completed().clear();
      CHECK(sent == writes);
      for (const CsrRequest& q : during) CHECK(q.resp == AxiResp::kOkay);
      // TRANSITION_BUSY for the 64 cycles after the write's handshake (a cycle before its answer).
      CHECK(done_at == wake.completed + 64);
      const std::uint32_t pm = csr.read(r::PM_STATUS::kOffset);
      CHECK(r::get<r::PM_STATUS::STATE>(pm) == 0);
      CHECK(r::get<r::PM_STATUS::TRANSITION_BUSY>(pm) == 0);
      CHECK(csr.read(r::PM_CTRL::kOffset) == 0);
    }
  }
}
