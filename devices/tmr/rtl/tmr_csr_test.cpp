// The TMR's CSR port against its contract (devices/tmr/README.md, "Bus rules"): every
// access type, unmapped offsets and partial strobes.
#include <doctest/doctest.h>

#include "tmr_bench.hpp"

using namespace tmr::test;

TEST_CASE("ID reads its constant, a write to it answers SLVERR and changes nothing") {
  TmrBench tb;
  CHECK(tb.read(kId).data == 0x7A4E0713u);
  CHECK(tb.read(kId).resp == kOkay);
  CHECK(tb.write(kId, 0) == kSlvErr);
  CHECK(tb.read32(kId) == 0x7A4E0713u);
}

TEST_CASE("RW registers read 0 after reset and keep what is written, within their fields") {
  TmrBench tb;
  for (std::uint32_t off : {kCtrl, kLoad, kIrqEnable, kWdogLoad}) CHECK(tb.read32(off) == 0);
  CHECK(tb.write(kLoad, 0xDEADBEEF) == kOkay);
  CHECK(tb.write(kWdogLoad, 0x12345678) == kOkay);
  CHECK(tb.write(kIrqEnable, 0xFFFFFFFF) == kOkay);
  CHECK(tb.write(kCtrl, kPeriodic | kPulse) == kOkay);
  CHECK(tb.read32(kLoad) == 0xDEADBEEF);
  CHECK(tb.read32(kWdogLoad) == 0x12345678);
  CHECK(tb.read32(kIrqEnable) == (kExpired | kBark));  // bits beyond the fields read 0
  CHECK(tb.read32(kCtrl) == (kPeriodic | kPulse));
}

TEST_CASE("RO counters: a write answers SLVERR and changes nothing") {
  TmrBench tb;
  for (std::uint32_t off : {kCount, kWdogCount, kBadKicks}) {
    CHECK(tb.write(off, 0x55) == kSlvErr);
    CHECK(tb.read(off).data == 0);
    CHECK(tb.read(off).resp == kOkay);
  }
}

TEST_CASE("KICK is write-only: it reads 0 with OKAY") {
  TmrBench tb;
  CHECK(tb.write(kKick, kMagic) == kOkay);
  const ReadResult r = tb.read(kKick);
  CHECK(r.data == 0);
  CHECK(r.resp == kOkay);
}

TEST_CASE("STATUS is W1C: a written 1 clears only its bit, a written 0 nothing") {
  TmrBench tb;
  // Both events: a one-shot of 3 cycles and a watchdog of 4, then the watchdog stopped.
  CHECK(tb.write(kLoad, 3) == kOkay);
  CHECK(tb.write(kWdogLoad, 4) == kOkay);
  CHECK(tb.write(kCtrl, kEnable | kWdogEn) == kOkay);
  tb.ticks(10);
  CHECK(tb.write(kCtrl, 0) == kOkay);
  REQUIRE(tb.read32(kStatus) == (kExpired | kBark));
  CHECK(tb.write(kStatus, 0) == kOkay);
  CHECK(tb.read32(kStatus) == (kExpired | kBark));
  CHECK(tb.write(kStatus, kExpired) == kOkay);
  CHECK(tb.read32(kStatus) == kBark);
  CHECK(tb.write(kStatus, kBark) == kOkay);
  CHECK(tb.read32(kStatus) == 0);
}

TEST_CASE("an unmapped offset answers DECERR both ways and reads 0") {
  TmrBench tb;
  for (std::uint32_t off : {0x028u, 0x100u, 0xFFCu}) {
    CHECK(tb.write(off, 1) == kDecErr);
    CHECK(tb.read(off).resp == kDecErr);
    CHECK(tb.read(off).data == 0);
  }
}

TEST_CASE("a write with WSTRB other than 0xF answers SLVERR and changes nothing") {
  TmrBench tb;
  CHECK(tb.write(kLoad, 0x11223344, 0x3) == kSlvErr);
  CHECK(tb.read32(kLoad) == 0);
  CHECK(tb.write(kKick, 0x1234, 0x1) == kSlvErr);
  tb.ticks(2);
  CHECK(tb.read32(kBadKicks) == 0);  // a refused write is no kick, not even a bad one
}
