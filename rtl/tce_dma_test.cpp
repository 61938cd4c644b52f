// Direct tests of the TCE's DMA, interrupt controller and power states (spec sections 4-8)
// on the Verilated RTL, driven through its buses by BareDevice: no driver, no SystemC.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "checked_device.hpp"
#include "crc32c_ref.hpp"
#include "rng.hpp"
#include "rtl_test_support.hpp"
#include "tce_regs.hpp"

namespace r = tce::reg;
using tandem::AxiResp;
using tandem::crc32c;
using BareDevice = tandem::CheckedDevice;
using tandem::Descriptor;
using tandem::HarnessConfig;
using tandem::test::Buffer;
using tandem::test::kVariants;
using tandem::test::variant;

namespace {

constexpr std::uint32_t kDone = r::desc::STATUS::DONE::kMask;
constexpr std::uint32_t kErr = r::desc::STATUS::ERR::kMask;
constexpr std::uint32_t kIrq = r::desc::CTRL::IRQ::kMask;
constexpr std::uint32_t kChain = r::desc::CTRL::CHAIN::kMask;
constexpr std::uint32_t kCrc = r::desc::CTRL::CRC::kMask;

std::uint32_t tag(std::uint32_t t) {
  return r::put<r::desc::CTRL::TAG>(t);
}
std::uint32_t code_of(std::uint32_t status) {
  return r::get<r::desc::STATUS::CODE>(status);
}

// One copy on channel 0 through a fresh descriptor; returns its write-back.
Descriptor copy_once(BareDevice& dev, unsigned slot, std::uint64_t src, std::uint64_t dst, std::uint32_t len,
                     std::uint32_t ctrl, std::uint64_t bound = 4'000'000) {
  dev.put(0, slot, {src, dst, len, ctrl});
  dev.doorbell(0, slot + 1);
  REQUIRE(dev.wait_descriptor(0, slot, bound));
  return dev.get(0, slot);
}

}  // namespace

TEST_CASE("copies of every source and destination alignment arrive byte for byte and nothing else changes") {
  for (const char* v : kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    BareDevice dev(variant(v));
    dev.setup_ring(0, 10);  // 1024 slots: room for all 704 copies at once
    tandem::Rng rng(1);
    const std::uint32_t lengths[] = {1, 2, 7, 8, 9, 63, 64, 65, 129, 1000, 4097};
    std::vector<std::pair<Buffer, Buffer>> bufs;
    unsigned slot = 0;
    for (unsigned sa = 0; sa < 8; ++sa) {
      for (unsigned da = 0; da < 8; ++da) {
        for (std::uint32_t len : lengths) {
          Buffer src(dev, len, sa, 0x00), dst(dev, len, da, 0xA5);
          for (std::uint32_t i = 0; i < len; ++i) src.data()[i] = static_cast<std::uint8_t>(rng.next());
          dev.put(0, slot, {src.bus, dst.bus, len, tag(slot)});
          bufs.emplace_back(src, dst);
          ++slot;
        }
      }
    }
    dev.doorbell(0, slot);  // all at once: they run back to back
    REQUIRE(dev.wait_descriptor(0, slot - 1, 2'000'000));
    for (unsigned i = 0; i < slot; ++i) {
      // Not a structured binding: CAPTURE captures in a lambda, which C++17 forbids for one.
      const auto& src = bufs[i].first;
      const auto& dst = bufs[i].second;
      CAPTURE(i);
      CAPTURE(src.len);
      const Descriptor d = dev.get(0, i);
      CHECK(d.status == (kDone | r::put<r::desc::STATUS::TAG>(i)));
      CHECK(std::memcmp(src.data(), dst.data(), src.len) == 0);
      CHECK(dst.guards_intact(0xA5));
    }
    // HEAD moves only after the write-back's response, a few cycles after DONE is in memory.
    CHECK(dev.run_until([&] { return dev.read(r::RING_HEAD::offset(0)) == slot; }, 100));
    CHECK(dev.harness().memory_port().violations().total() == 0);
  }
}

TEST_CASE("seeded random copies up to 1 MiB, crossing many 4 KiB boundaries, keep every AXI burst rule") {
  for (const char* var : kVariants) {
    const std::string variant_name = var;
    CAPTURE(variant_name);
    BareDevice dev(variant(var, 0));
    dev.setup_ring(0, 3);
    tandem::Rng rng(7);
    for (unsigned n = 0; n < 4; ++n) {
      const auto len = static_cast<std::uint32_t>(rng.range(64 * 1024, 1024 * 1024));
      Buffer src(dev, len, rng.range(0, 7), 0), dst(dev, len, rng.range(0, 7), 0x5A);
      for (std::uint32_t i = 0; i < len; ++i) src.data()[i] = static_cast<std::uint8_t>(rng.next());
      CAPTURE(len);
      const Descriptor d = copy_once(dev, n, src.bus, dst.bus, len, 0);
      CHECK((d.status & kDone) != 0);
      CHECK(std::memcmp(src.data(), dst.data(), len) == 0);
      CHECK(dst.guards_intact(0x5A));
    }
    const auto& v = dev.harness().memory_port().violations();
    CHECK(v.long_bursts == 0);
    CHECK(v.crossings == 0);
    CHECK(v.wlast == 0);
  }
}

TEST_CASE("CRC-32C matches RFC 3720's test vectors and a software reference over a chained stream") {
  BareDevice dev(variant("default"));
  dev.setup_ring(0, 4);
  std::uint8_t vectors[4][32];
  const std::uint32_t expected[4] = {0x8A9136AA, 0x62A8AB43, 0x46DD794E, 0x113FDB5C};
  for (int i = 0; i < 32; ++i) {
    vectors[0][i] = 0x00;
    vectors[1][i] = 0xFF;
    vectors[2][i] = static_cast<std::uint8_t>(i);
    vectors[3][i] = static_cast<std::uint8_t>(31 - i);
  }
  unsigned slot = 0;
  for (int v = 0; v < 4; ++v, ++slot) {
    Buffer src(dev, 32, 3, 0), dst(dev, 32, 5, 0);
    std::memcpy(src.data(), vectors[v], 32);
    const Descriptor d = copy_once(dev, slot, src.bus, dst.bus, 32, kCrc);
    CAPTURE(v);
    CHECK((d.status & kDone) != 0);
    CHECK(d.crc == expected[v]);
    CHECK(~crc32c(vectors[v], 32) == expected[v]);  // the reference agrees with the RFC
  }
  // A stream of three chained descriptors: each reports the CRC of the stream so far.
  const std::uint32_t lens[3] = {1000, 37, 4100};
  std::vector<std::uint8_t> stream;
  tandem::Rng rng(3);
  std::uint32_t state = 0xFFFFFFFF;
  for (int i = 0; i < 3; ++i, ++slot) {
    Buffer src(dev, lens[i], static_cast<std::size_t>(i), 0), dst(dev, lens[i], 7, 0);
    for (std::uint32_t b = 0; b < lens[i]; ++b) src.data()[b] = static_cast<std::uint8_t>(rng.next());
    state = crc32c(src.data(), lens[i], state);
    const Descriptor d = copy_once(dev, slot, src.bus, dst.bus, lens[i], kCrc | (i < 2 ? kChain : 0u));
    CAPTURE(i);
    CHECK(d.crc == ~state);
  }
  // After a descriptor without CHAIN, a new stream starts.
  Buffer src(dev, 32, 0, 0), dst(dev, 32, 0, 0);
  std::memcpy(src.data(), vectors[2], 32);
  CHECK(copy_once(dev, slot, src.bus, dst.bus, 32, kCrc).crc == expected[2]);
}

TEST_CASE("each error code: write-back where possible, HALTED, CH_ERR, and recovery through CH_CTRL.RESET") {
  struct Case {
    const char* name;
    std::uint32_t code;
  };
  const Case cases[] = {{"descriptor fetch", 1}, {"source read", 2}, {"destination write", 3}, {"malformed", 4},
                        {"bad length", 5},       {"bad ring", 6},    {"write-back", 7}};
  for (const char* v : kVariants)
    for (const Case& c : cases) {
      const std::string variant_name = v;
      CAPTURE(variant_name);
      CAPTURE(c.name);
      CAPTURE(c.code);
      BareDevice dev(variant(v));
      Buffer src(dev, 256, 1, 0x11), dst(dev, 256, 2, 0x22);
      dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_ERR::mask(0));
      Descriptor d{src.bus, dst.bus, 256, tag(9)};
      if (c.code == 6) {
        dev.setup_ring(0, 3);
        dev.write(r::RING_SIZE_LOG2::offset(0), 13);  // invalid: halts on RUN
      } else {
        dev.setup_ring(0, 3);
      }
      if (c.code == 1) dev.harness().memory_port().error_range(dev.ring(0), dev.ring(0) + 256, true, false);
      if (c.code == 2) dev.harness().memory_port().error_range(src.bus, src.bus + 256, true, false);
      if (c.code == 3) dev.harness().memory_port().error_range(dst.bus + 100, dst.bus + 101, false, true);
      if (c.code == 4) d.ctrl |= 1u << 5;
      if (c.code == 5) d.len = 0;
      if (c.code == 7) dev.harness().memory_port().error_range(dev.ring(0) + 0x18, dev.ring(0) + 0x20, false, true);
      dev.put(0, 0, d);
      if (c.code != 6) dev.doorbell(0, 1);
      REQUIRE(dev.run_until([&] { return (dev.harness().irq_lines() & 1) != 0; }, 20'000));
      const std::uint32_t st = dev.read(r::CH_STATUS::offset(0));
      CHECK(r::get<r::CH_STATUS::HALTED>(st) == 1);
      CHECK(r::get<r::CH_STATUS::ERR_CODE>(st) == c.code);
      CHECK((dev.read(r::IRQ_STATUS::kOffset) & r::IRQ_STATUS::CH_ERR::mask(0)) != 0);
      CHECK(dev.read(r::RING_HEAD::offset(0)) == 0);  // the failed descriptor is not passed
      const std::uint32_t wb = dev.get(0, 0).status;
      if (c.code == 1 || c.code == 6 || c.code == 7) {
        CHECK(wb == 0);  // nowhere to write it, or the write itself failed
      } else {
        CHECK(wb == (kErr | r::put<r::desc::STATUS::CODE>(c.code) | r::put<r::desc::STATUS::TAG>(9)));
      }
      if (c.code == 4 || c.code == 5)
        CHECK(std::all_of(dst.data(), dst.data() + 256, [](auto b) { return b == 0x22; }));
      // Recovery: reset the channel, fix the cause, and the next descriptor goes through.
      if (c.code == 6) dev.write(r::RING_SIZE_LOG2::offset(0), 3);  // else RUN halts it again at once
      CHECK(dev.write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask) == AxiResp::kOkay);
      CHECK(r::get<r::CH_STATUS::HALTED>(dev.read(r::CH_STATUS::offset(0))) == 0);
      if (c.code == 1 || c.code == 2 || c.code == 3 || c.code == 7) continue;  // error ranges cannot be removed
      dev.write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH_ERR::mask(0));
      const Descriptor ok = copy_once(dev, 0, src.bus, dst.bus, 256, tag(10));
      CHECK(ok.status == (kDone | r::put<r::desc::STATUS::TAG>(10)));
      CHECK(std::memcmp(src.data(), dst.data(), 256) == 0);
    }
}

TEST_CASE("coalescing: by count, by timer, and on revision 1 the timer never fires (E2)") {
  for (const char* v : {"default", "rev1"}) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    const bool rev1 = std::strcmp(v, "rev1") == 0;
    SUBCASE("count 3: the line rises with the third completion") {
      BareDevice dev(variant(v));
      dev.setup_ring(0, 4);
      Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
      dev.write(r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::COUNT>(3));
      dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
      for (unsigned i = 0; i < 3; ++i) {
        copy_once(dev, i, src.bus, dst.bus, 64, kIrq);
        dev.harness().run(40);  // DONE is raised once the write-back's response came
        CHECK((dev.harness().irq_lines() & 1) == (i == 2 ? 1u : 0u));
      }
    }
    SUBCASE("timer 300: one completion signals about 300 cycles later") {
      BareDevice dev(variant(v));
      dev.setup_ring(0, 4);
      Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
      dev.write(r::IRQ_COALESCE::offset(0), r::put<r::IRQ_COALESCE::COUNT>(8) | r::put<r::IRQ_COALESCE::TIMER>(300));
      dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
      copy_once(dev, 0, src.bus, dst.bus, 64, kIrq);
      const std::uint64_t done_at = dev.cycle();
      const bool rose = dev.run_until([&] { return (dev.harness().irq_lines() & 1) != 0; }, 2000);
      if (rev1) {
        CHECK_FALSE(rose);  // E2: only the count works
      } else {
        REQUIRE(rose);
        CHECK(dev.cycle() - done_at >= 250);
        CHECK(dev.cycle() - done_at <= 320);
      }
    }
  }
}

TEST_CASE("LEVEL stays high until the status is cleared, and PULSE is one cycle per new event") {
  BareDevice dev(variant("default"));
  const auto high_cycles = [&](unsigned window) {
    unsigned n = 0;
    for (unsigned i = 0; i < window; ++i) {
      dev.harness().run(1);
      n += dev.harness().irq_lines() & 1;
    }
    return n;
  };
  dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
  dev.write(r::IRQ_TEST::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
  CHECK(high_cycles(50) == 50);  // level: until someone clears it
  dev.write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
  CHECK(high_cycles(20) == 0);
  dev.write(r::IRQ_MODE::kOffset, 1);
  unsigned pulses = 0;
  for (int i = 0; i < 2; ++i) {
    tandem::CsrRequest q;
    q.write = true;
    q.addr = r::IRQ_TEST::kOffset;
    q.data = r::IRQ_STATUS::CH_DONE::mask(0);
    dev.harness().csr().submit(&q);
    for (int c = 0; c < 20; ++c) {
      dev.harness().run(1);
      pulses += dev.harness().irq_lines() & 1;
    }
    dev.harness().csr().completed().clear();
  }
  CHECK(pulses == 1);  // the second event found its bit still set: no new pulse
}

TEST_CASE("power: D3 is refused while busy, loses context, answers SLVERR with all ones, and wakes in 64 cycles") {
  BareDevice dev(variant("default", 50));
  dev.setup_ring(0, 3);
  Buffer src(dev, 64 * 1024, 0, 1), dst(dev, 64 * 1024, 0, 0);
  dev.put(0, 0, {src.bus, dst.bus, 64 * 1024, 0});
  dev.doorbell(0, 1);
  dev.harness().run(100);
  CHECK(dev.write(r::PM_CTRL::kOffset, 3) == AxiResp::kOkay);
  std::uint32_t pm = dev.read(r::PM_STATUS::kOffset);
  CHECK(r::get<r::PM_STATUS::PM_REFUSED>(pm) == 1);
  CHECK(r::get<r::PM_STATUS::STATE>(pm) == 0);
  REQUIRE(dev.wait_descriptor(0, 0, 1'000'000));
  REQUIRE(dev.run_until([&] { return r::get<r::STATUS::IDLE>(dev.read(r::STATUS::kOffset)) == 1; }, 500));

  dev.write(r::SCRATCH::kOffset, 0x12345678);
  dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::PM_DONE::kMask);
  CHECK(dev.write(r::PM_CTRL::kOffset, 1) == AxiResp::kSlvErr);  // only D0 and D3 exist
  CHECK(dev.write(r::PM_CTRL::kOffset, 3) == AxiResp::kOkay);
  pm = dev.read(r::PM_STATUS::kOffset);
  CHECK(r::get<r::PM_STATUS::STATE>(pm) == 3);
  CHECK(r::get<r::PM_STATUS::PM_REFUSED>(pm) == 0);
  std::uint32_t v = 0;
  CHECK(dev.read(r::SCRATCH::kOffset, &v) == AxiResp::kSlvErr);
  CHECK(v == 0xFFFFFFFF);
  CHECK(dev.write(r::IRQ_TEST::kOffset, 1) == AxiResp::kSlvErr);
  CHECK(dev.read(r::ID::kOffset) == r::ID::kReset);  // the power domain stays reachable

  CHECK(dev.write(r::PM_CTRL::kOffset, 0) == AxiResp::kOkay);
  const std::uint64_t woke = dev.cycle();
  CHECK(r::get<r::PM_STATUS::TRANSITION_BUSY>(dev.read(r::PM_STATUS::kOffset)) == 1);
  REQUIRE(dev.run_until([&] { return r::get<r::PM_STATUS::STATE>(dev.read(r::PM_STATUS::kOffset)) == 0; }, 500));
  CHECK(dev.cycle() - woke >= 64);
  CHECK(dev.cycle() - woke <= 64 + 8);
  CHECK(dev.read(r::SCRATCH::kOffset) == 0);  // context lost
  CHECK(dev.read(r::RING_SIZE_LOG2::offset(0)) == 0);
  CHECK(dev.read(r::IRQ_STATUS::kOffset) == r::IRQ_STATUS::PM_DONE::kMask);
}

TEST_CASE("revision 1 shows erratum E1: CAPS says 4 channels and phantom channels accept writes, read 0") {
  BareDevice rev1(variant("rev1"));
  CHECK(r::get<r::VERSION::REVISION>(rev1.read(r::VERSION::kOffset)) == 1);
  CHECK(r::get<r::CAPS::CHANNELS>(rev1.read(r::CAPS::kOffset)) == 4);
  CHECK(rev1.write(r::RING_SIZE_LOG2::offset(3), 5) == AxiResp::kOkay);
  std::uint32_t v = 1;
  CHECK(rev1.read(r::RING_SIZE_LOG2::offset(3), &v) == AxiResp::kOkay);
  CHECK(v == 0);
  CHECK(rev1.write(r::RING_SIZE_LOG2::offset(1), 5) == AxiResp::kOkay);  // a real channel keeps it
  CHECK(rev1.read(r::RING_SIZE_LOG2::offset(1)) == 5);

  BareDevice rev2(variant("default"));
  CHECK(r::get<r::CAPS::CHANNELS>(rev2.read(r::CAPS::kOffset)) == 2);
  CHECK(rev2.read(r::RING_SIZE_LOG2::offset(3), &v) == AxiResp::kDecErr);
}

TEST_CASE("one channel and four: every channel copies, and channels with work take turns") {
  SUBCASE("NUM_CH = 1") {
    BareDevice dev(variant("ch1"));
    CHECK(r::get<r::CAPS::CHANNELS>(dev.read(r::CAPS::kOffset)) == 1);
    dev.setup_ring(0, 2);
    Buffer src(dev, 777, 3, 9), dst(dev, 777, 6, 0);
    CHECK((copy_once(dev, 0, src.bus, dst.bus, 777, 0).status & kDone) != 0);
    CHECK(std::memcmp(src.data(), dst.data(), 777) == 0);
  }
  SUBCASE("NUM_CH = 4: round robin") {
    BareDevice dev(variant("ch4"));
    CHECK(r::get<r::CAPS::CHANNELS>(dev.read(r::CAPS::kOffset)) == 4);
    std::vector<Buffer> bufs;
    for (unsigned c = 0; c < 4; ++c) {
      dev.setup_ring(c, 3);
      for (unsigned s = 0; s < 4; ++s) {
        bufs.emplace_back(dev, 512, c, static_cast<std::uint8_t>(16 * c + s));
        bufs.emplace_back(dev, 512, s, 0);
        dev.put(c, s, {bufs[bufs.size() - 2].bus, bufs.back().bus, 512, 0});
      }
    }
    for (unsigned c = 0; c < 4; ++c) dev.doorbell(c, 4);
    // Completion order: with all four channels busy, each gets one descriptor per round.
    std::vector<unsigned> order;
    unsigned seen[4] = {};
    REQUIRE(dev.run_until(
        [&] {
          for (unsigned c = 0; c < 4; ++c) {
            while (seen[c] < 4 && (dev.get(c, seen[c]).status & kDone) != 0) {
              order.push_back(c);
              ++seen[c];
            }
          }
          return order.size() == 16;
        },
        200'000));
    for (unsigned i = 0; i + 4 <= 16; i += 4) {
      std::vector<unsigned> round(order.begin() + i, order.begin() + i + 4);
      std::sort(round.begin(), round.end());
      CHECK(round == std::vector<unsigned>{0, 1, 2, 3});
    }
    for (std::size_t i = 0; i < bufs.size(); i += 2) CHECK(std::memcmp(bufs[i].data(), bufs[i + 1].data(), 512) == 0);
  }
}

// Bound on one descriptor with memory answering within 10 cycles: fetch and write-back
// (well under 200 cycles) plus at most 2 cycles per 8 bytes copied.
std::uint64_t descriptor_bound(std::uint32_t len) {
  return 200 + 2ull * (len / 8 + 2);
}

TEST_CASE("fuzz: thousands of random descriptors all end DONE or ERR within the bound, writing nowhere else") {
  for (const char* v : kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    BareDevice dev(variant(v));
    dev.setup_ring(0, 12);
    const std::size_t arena_len = 16 * 1024;
    const std::uint64_t arena = dev.memory().alloc(arena_len);
    std::uint8_t* mem = dev.memory().at(arena, arena_len);
    tandem::Rng rng(11);
    for (std::size_t i = 0; i < arena_len; ++i) mem[i] = static_cast<std::uint8_t>(rng.next());
    std::vector<std::uint8_t> before(mem, mem + arena_len);
    const std::uint8_t* ring = dev.memory().at(dev.ring(0), 4096 * 32);
    unsigned ok = 0, errors = 0, slot = 0;
    for (unsigned n = 0; n < 2000; ++n) {
      Descriptor d;
      d.src = arena + rng.range(0, arena_len);
      d.dst = arena + rng.range(0, arena_len);
      d.len = static_cast<std::uint32_t>(rng.range(0, 2000));
      if (rng.range(0, 9) == 0) d.src += 0x100000;  // unmapped
      if (rng.range(0, 9) == 0) d.dst -= 0x100000;
      if (rng.range(0, 19) == 0) d.len = 0x2000000;  // too long
      d.ctrl = static_cast<std::uint32_t>(rng.next()) & (rng.range(0, 9) == 0 ? 0xFFFFFFFF : 0xFFFF0007);
      // Stay clear of overlapping copies: what they leave depends on the order of beats.
      const bool overlap = d.src < d.dst + d.len && d.dst < d.src + d.len;
      if (overlap) d.dst = d.src + d.len;
      dev.put(0, slot, d);
      dev.doorbell(0, (slot + 1) % 4096);
      CAPTURE(n);
      REQUIRE(dev.wait_descriptor(0, slot, descriptor_bound(std::min<std::uint32_t>(d.len, 0x1000000))));
      const std::uint32_t st = dev.get(0, slot).status;
      // Nothing outside the destination changed; a failed or malformed one wrote nothing.
      const bool done = (st & kDone) != 0;
      const bool dst_in = d.dst >= arena && d.dst + d.len <= arena + arena_len;
      for (std::size_t i = 0; i < arena_len; ++i) {
        const std::uint64_t a = arena + i;
        const bool in_dst = a >= d.dst && a < d.dst + d.len;
        if (!(in_dst && (done || code_of(st) == 2 || code_of(st) == 3)) && mem[i] != before[i]) {
          FAIL("byte at arena offset " << i << " changed outside the destination (status " << st << ")");
        }
      }
      if (done) {
        ++ok;
        CHECK(dst_in);
      } else {
        ++errors;
        CHECK(code_of(st) >= 2);
        dev.write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask);
      }
      slot = done ? (slot + 1) % 4096 : 0;  // a reset starts the ring again at 0
      std::memcpy(before.data(), mem, arena_len);
      (void)ring;
    }
    MESSAGE(variant_name << ": " << ok << " descriptors done, " << errors << " failed as they should");
    CHECK(ok > 100);
    CHECK(errors > 100);
    CHECK(dev.harness().memory_port().violations().total() == 0);
  }
}

TEST_CASE("rings wrap, a full ring is processed to its end, and the longest copy (16 MiB) is accepted") {
  BareDevice dev(variant("default", 0));
  dev.setup_ring(0, 2);  // 4 slots: at most 3 owned by the device
  Buffer src(dev, 4096, 1, 7), dst(dev, 4096, 2, 0);
  unsigned tail = 0;
  for (unsigned round = 0; round < 4; ++round) {
    for (unsigned i = 0; i < 3; ++i) {  // fill the ring: TAIL + 1 == HEAD
      dev.put(0, tail, {src.bus, dst.bus, 100 + round * 3 + i, tag(tail)});
      tail = (tail + 1) % 4;
    }
    dev.doorbell(0, tail);
    REQUIRE(dev.run_until([&] { return dev.read(r::RING_HEAD::offset(0)) == tail; }, 20'000));
  }
  CHECK(r::get<r::CH_STATUS::COMPLETED>(dev.read(r::CH_STATUS::offset(0))) == 12);

  const std::uint32_t max = r::desc::kMaxLen;
  const std::uint64_t big_src = dev.memory().alloc(max), big_dst = dev.memory().alloc(max);
  std::uint8_t* s = dev.memory().at(big_src, max);
  for (std::uint32_t i = 0; i < max; i += 4093) s[i] = static_cast<std::uint8_t>(i >> 12);
  const Descriptor d = copy_once(dev, tail, big_src, big_dst, max, 0, 3'000'000);
  CHECK((d.status & kDone) != 0);
  CHECK(std::memcmp(s, dev.memory().at(big_dst, max), max) == 0);
}

TEST_CASE("reads run ahead: several read bursts are in flight, and read and write beats move in the same cycles") {
  BareDevice dev(variant("default", 50));
  dev.setup_ring(0, 2);
  Buffer src(dev, 64 * 1024, 0, 3), dst(dev, 64 * 1024, 0, 0);
  copy_once(dev, 0, src.bus, dst.bus, 64 * 1024, 0);
  CHECK(dev.harness().memory_port().max_reads_outstanding() >= 2);
  CHECK(dev.harness().memory_port().overlap_cycles() > 4000);  // most of the 8192 beats
}

TEST_CASE("IRQ_VEC_MAP routes an event to its vector, and nothing else") {
  BareDevice dev(variant("default"));
  dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0) | r::IRQ_STATUS::CH_DONE::mask(1));
  // CH_DONE(0) -> vector 1; CH_DONE(1) stays on vector 0.
  dev.write(r::IRQ_VEC_MAP::kOffset, r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_DONE::lsb(0), 1));
  dev.write(r::IRQ_TEST::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
  dev.harness().run(3);
  CHECK(dev.harness().irq_lines() == 2u);
  dev.write(r::IRQ_TEST::kOffset, r::IRQ_STATUS::CH_DONE::mask(1));
  dev.harness().run(3);
  CHECK(dev.harness().irq_lines() == 3u);
  dev.write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
  dev.harness().run(3);
  CHECK(dev.harness().irq_lines() == 1u);
}

TEST_CASE("without ENABLE or BUS_MASTER the device touches no memory, and SOFT_RESET starts it afresh") {
  BareDevice dev(variant("default"));
  dev.setup_ring(0, 2);
  Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
  dev.write(r::CTRL::kOffset, r::CTRL::ENABLE::kMask);  // no bus mastering
  dev.put(0, 0, {src.bus, dst.bus, 64, 0});
  dev.doorbell(0, 1);
  dev.harness().run(2000);
  CHECK(dev.get(0, 0).status == 0);
  CHECK(dev.harness().memory_port().beats_read() == 0);
  dev.write(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask);
  REQUIRE(dev.wait_descriptor(0, 0, 2000));
  dev.write(r::SCRATCH::kOffset, 0xABCD);
  CHECK(dev.write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask) == AxiResp::kOkay);
  CHECK(dev.read(r::CTRL::kOffset) == 0);  // W1S reads 0, and ENABLE went with the reset
  CHECK(dev.read(r::SCRATCH::kOffset) == 0);
  CHECK(dev.read(r::RING_BASE_LO::offset(0)) == 0);
}

TEST_CASE("a hardware event in the same cycle as a W1C of its status bit wins") {
  // Find the cycle E at which the copy's DONE event lands, then clear the bit at cycles
  // around E, each time on a fresh device: the bit survives exactly when the clear came
  // no later than the event.
  auto run = [](std::uint64_t clear_at, std::uint64_t* event, std::uint64_t* cleared) {
    BareDevice dev(variant("default", 0));
    dev.setup_ring(0, 2);
    Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
    dev.write(r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
    dev.put(0, 0, {src.bus, dst.bus, 64, kIrq});
    dev.doorbell(0, 1);
    tandem::CsrRequest clear;
    clear.write = true;
    clear.addr = r::IRQ_STATUS::kOffset;
    clear.data = r::IRQ_STATUS::CH_DONE::mask(0);
    *event = 0;
    for (int i = 0; i < 400; ++i) {
      if (dev.cycle() + 1 == clear_at) dev.harness().csr().submit(&clear);
      dev.harness().run(1);
      if (*event == 0 && (dev.harness().irq_lines() & 1)) *event = dev.cycle() - 1;
    }
    *cleared = clear.issued;
    dev.harness().csr().completed().clear();
    return (dev.read(r::IRQ_STATUS::kOffset) & r::IRQ_STATUS::CH_DONE::mask(0)) != 0;
  };
  std::uint64_t event = 0, cleared = 0;
  run(~0ull, &event, &cleared);
  REQUIRE(event != 0);
  bool same_cycle_seen = false;
  for (std::uint64_t at = event - 3; at <= event + 3; ++at) {
    std::uint64_t e = 0, c = 0;
    const bool set = run(at, &e, &c);
    CAPTURE(at);
    CAPTURE(e);
    CAPTURE(c);
    CHECK(set == (c <= e));
    same_cycle_seen = same_cycle_seen || c == e;
  }
  CHECK(same_cycle_seen);
}

TEST_CASE("every variant copies, computes CRC and recovers from errors the same way") {
  for (const char* v : {"default", "rev1", "ch1", "ch4"}) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    BareDevice dev(variant(v));
    const unsigned channels = std::strcmp(v, "ch1") == 0 ? 1 : std::strcmp(v, "ch4") == 0 ? 4 : 2;
    tandem::Rng rng(5);
    for (unsigned c = 0; c < channels; ++c) {
      dev.setup_ring(c, 3);
      const auto len = static_cast<std::uint32_t>(rng.range(1, 3000));
      Buffer src(dev, len, rng.range(0, 7), 0), dst(dev, len, rng.range(0, 7), 0xEE);
      for (std::uint32_t i = 0; i < len; ++i) src.data()[i] = static_cast<std::uint8_t>(rng.next());
      dev.put(c, 0, {src.bus, dst.bus, len, kCrc});
      dev.put(c, 1, {src.bus, dst.bus, 0, 0});  // bad length: halts the channel
      dev.doorbell(c, 2);
      REQUIRE(dev.wait_descriptor(c, 1, 100'000));
      CHECK(dev.get(c, 0).crc == ~crc32c(src.data(), len));
      CHECK(std::memcmp(src.data(), dst.data(), len) == 0);
      CHECK(dst.guards_intact(0xEE));
      CHECK(code_of(dev.get(c, 1).status) == 5);
      // STATUS is in memory before the channel has the write-back's response and halts.
      REQUIRE(dev.run_until([&] { return r::get<r::CH_STATUS::HALTED>(dev.read(r::CH_STATUS::offset(c))) == 1; }, 200));
      CHECK(dev.write(r::CH_CTRL::offset(c), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask) == AxiResp::kOkay);
      CHECK(dev.read(r::CH_STATUS::offset(c)) == r::put<r::CH_STATUS::COMPLETED>(1));
    }
  }
}

TEST_CASE("under heavy random back-pressure on every channel, copies keep every byte and every AXI rule") {
  HarnessConfig cfg = variant("default", 5);
  cfg.mem.backpressure_percent = 50;
  cfg.mem.seed = 9;
  BareDevice dev(cfg);
  dev.setup_ring(0, 4);
  tandem::Rng rng(9);
  for (unsigned n = 0; n < 12; ++n) {
    const auto len = static_cast<std::uint32_t>(rng.range(1, 20000));
    Buffer src(dev, len, rng.range(0, 7), 0), dst(dev, len, rng.range(0, 7), 0x77);
    for (std::uint32_t i = 0; i < len; ++i) src.data()[i] = static_cast<std::uint8_t>(rng.next());
    CAPTURE(len);
    const Descriptor d = copy_once(dev, n, src.bus, dst.bus, len, kCrc);
    CHECK((d.status & kDone) != 0);
    CHECK(d.crc == ~crc32c(src.data(), len));
    CHECK(std::memcmp(src.data(), dst.data(), len) == 0);
    CHECK(dst.guards_intact(0x77));
  }
  CHECK(dev.harness().memory_port().violations().total() == 0);
}
