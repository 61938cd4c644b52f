// Direct tests of how the DMA engine stops: bus errors and channel resets that arrive
// while a bus transaction waits for its handshake (AXI VALID and payload must hold), a
// reset in the very cycle of the write-back's response, and descriptors whose addresses
// do not fit the 48-bit bus.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "checked_device.hpp"
#include "rng.hpp"
#include "rtl_test_support.hpp"
#include "tce_regs.hpp"

namespace r = tce::reg;
using BareDevice = tandem::CheckedDevice;
using tandem::Descriptor;
using tandem::test::Buffer;
using tandem::test::kVariants;
using tandem::test::variant;

TEST_CASE("bus errors and resets under back-pressure never drop a VALID or change what it carries") {
  for (const char* v : kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    tandem::HarnessConfig cfg = variant(v, 3);
    cfg.mem.backpressure_percent = 60;  // AR, AW and W wait for READY most of the time
    cfg.mem.seed = 4;
    BareDevice dev(cfg);
    dev.setup_ring(0, 6);
    tandem::Rng rng(4);
    unsigned slot = 0;
    for (unsigned n = 0; n < 40 && !dev.harness().rtl_error(); ++n) {
      const auto len = static_cast<std::uint32_t>(rng.range(200, 3000));
      Buffer src(dev, len, rng.range(0, 7), 1), dst(dev, len, rng.range(0, 7), 2);
      // An error somewhere in the source or the destination, or a reset at a random cycle.
      const auto kind = rng.range(0, 2);
      const std::uint64_t at = rng.range(0, len - 1);
      if (kind == 0) dev.harness().memory_port().error_range(src.bus + at, src.bus + at + 1, true, false);
      if (kind == 1) dev.harness().memory_port().error_range(dst.bus + at, dst.bus + at + 1, false, true);
      dev.put(0, slot, {src.bus, dst.bus, len, 0});
      dev.doorbell(0, slot + 1);
      if (kind == 2) dev.harness().run(rng.range(5, 300));
      const bool ended = dev.wait_descriptor(0, slot, 200'000);
      if (kind == 2 || !ended || (dev.get(0, slot).status & r::desc::STATUS::ERR::kMask) != 0) {
        dev.write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask);
        REQUIRE(
            dev.run_until([&] { return r::get<r::STATUS::RESET_BUSY>(dev.read(r::STATUS::kOffset)) == 0; }, 200'000));
        slot = 0;
      } else {
        slot = (slot + 1) % 64;
      }
    }
    CHECK_FALSE(dev.harness().rtl_error());  // axi_ar_held, axi_aw_held, axi_w_held
  }
}

TEST_CASE("CH_CTRL.RESET in any cycle around the write-back, its B handshake included, empties the channel") {
  for (const char* v : kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    // Where the write-back's STATUS beat lands, on a device left alone.
    std::uint64_t beat = 0;
    {
      BareDevice dev(variant(v, 4));
      dev.setup_ring(0, 3);
      Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
      dev.harness().memory_port().on_write_beat = [&](std::uint64_t addr, std::uint8_t) {
        if (addr == dev.ring(0) + r::desc::kStatusOffset) beat = dev.cycle();
      };
      dev.put(0, 0, {src.bus, dst.bus, 64, 0});
      dev.doorbell(0, 1);
      REQUIRE(dev.run_until([&] { return dev.read(r::RING_HEAD::offset(0)) == 1; }, 2000));
      dev.harness().memory_port().on_write_beat = nullptr;
    }
    REQUIRE(beat != 0);
    // Then the same copy with RESET (RUN kept) written at each cycle from before the beat to
    // well after its response: RESET_BUSY clears, HEAD reads 0, and the ring is not read again.
    for (std::uint64_t at = beat - 4; at <= beat + 12; ++at) {
      CAPTURE(at);
      BareDevice dev(variant(v, 4));
      dev.setup_ring(0, 3);
      Buffer src(dev, 64, 0, 1), dst(dev, 64, 0, 0);
      unsigned fetches = 0;
      dev.harness().memory_port().on_burst = [&](bool write, std::uint64_t addr, std::uint64_t, std::uint64_t) {
        if (!write && addr >= dev.ring(0) && addr < dev.ring(0) + 8 * r::desc::kBytes) ++fetches;
      };
      dev.put(0, 0, {src.bus, dst.bus, 64, 0});
      dev.put(0, 1, {src.bus, dst.bus, 64, 0});  // stale: the device must never fetch it
      dev.doorbell(0, 1);
      tandem::CsrRequest reset;
      reset.write = true;
      reset.addr = r::CH_CTRL::offset(0);
      reset.data = r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask;
      while (dev.cycle() + 1 < at) dev.harness().run(1);
      dev.issue({&reset});
      dev.harness().run(100);
      const std::uint32_t status = dev.read(r::STATUS::kOffset);
      CHECK(r::get<r::STATUS::RESET_BUSY>(status) == 0);
      CHECK(dev.read(r::RING_HEAD::offset(0)) == 0);
      CHECK(dev.read(r::RING_TAIL::offset(0)) == 0);
      CHECK(fetches == 1);
      dev.harness().memory_port().on_burst = nullptr;
    }
  }
}

TEST_CASE("a descriptor with SRC or DST bits 63:48 set fails as malformed and writes nothing") {
  for (const char* v : kVariants) {
    const std::string variant_name = v;
    CAPTURE(variant_name);
    for (unsigned bit = 48; bit < 64; bit += 5) {
      for (int side = 0; side < 2; ++side) {
        CAPTURE(bit);
        CAPTURE(side);
        BareDevice dev(variant(v));
        dev.setup_ring(0, 2);
        Buffer src(dev, 100, 1, 0x33), dst(dev, 100, 2, 0x44);
        Descriptor d{src.bus, dst.bus, 100, r::put<r::desc::CTRL::TAG>(7)};
        (side == 0 ? d.src : d.dst) |= std::uint64_t{1} << bit;  // truncated, it would be a fine copy
        dev.put(0, 0, d);
        dev.doorbell(0, 1);
        REQUIRE(dev.wait_descriptor(0, 0, 2000));
        CHECK(dev.get(0, 0).status ==
              (r::desc::STATUS::ERR::kMask | r::put<r::desc::STATUS::CODE>(4) | r::put<r::desc::STATUS::TAG>(7)));
        CHECK(std::all_of(dst.data(), dst.data() + 100, [](std::uint8_t b) { return b == 0x44; }));
        CHECK(dst.guards_intact(0x44));
      }
    }
  }
}
