#include "dma_requests.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <map>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {

constexpr std::uint64_t kRing = 0x1'0000'0000;

// A ring of 8 slots on channel 0 in a flat fake memory, and the bus events a copy makes.
struct Bench {
  std::map<std::uint64_t, unsigned char> bytes;
  DmaRequests requests{[this](std::uint64_t addr, void* out, std::size_t len) {
    for (std::size_t i = 0; i < len; ++i) static_cast<unsigned char*>(out)[i] = bytes[addr + i];
    return true;
  }};
  std::uint16_t tag = 1;

  Bench() {
    requests.csr_write(0, r::RING_BASE_LO::offset(0), static_cast<std::uint32_t>(kRing), 0);
    requests.csr_write(0, r::RING_BASE_HI::offset(0), 1, 0);
    requests.csr_write(0, r::RING_SIZE_LOG2::offset(0), 3, 0);
  }
  void put32(std::uint64_t addr, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[addr + i] = static_cast<unsigned char>(v >> (8 * i));
  }
  std::uint64_t slot(unsigned i) const { return kRing + 32 * i; }
  void write_desc(unsigned i, std::uint32_t len, bool chain) {
    put32(slot(i) + r::desc::kLenOffset, len);
    put32(slot(i) + r::desc::kCtrlOffset, r::put<r::desc::CTRL::TAG>(tag) | r::put<r::desc::CTRL::CHAIN>(chain));
    put32(slot(i) + r::desc::kStatusOffset, 0);
  }
  void doorbell(unsigned tail, std::uint64_t cycle) { requests.csr_write(0, r::RING_TAIL::offset(0), tail, cycle); }
  void fetch(unsigned i, std::uint64_t cycle) { requests.fetched(0, 0, i, slot(i), cycle); }
  // The write-back starts at `cycle` and lands with `status`; the next event reads it.
  void write_back(unsigned i, std::uint64_t cycle, std::uint32_t status) {
    requests.device_write(0, slot(i) + r::desc::kStatusOffset, 8, cycle);
    put32(slot(i) + r::desc::kStatusOffset, status);
    requests.settle();
  }
  std::uint32_t done() const { return r::put<r::desc::STATUS::DONE>(1) | r::put<r::desc::STATUS::TAG>(tag); }
};

}  // namespace

TEST_CASE("a chained request counts its bytes from its doorbell to its last write-back") {
  Bench b;
  b.write_desc(0, 1000, true);
  b.write_desc(1, 24, false);
  b.doorbell(2, 100);
  b.fetch(0, 110);
  b.write_back(0, 300, b.done());  // not the request's last descriptor
  CHECK(b.requests.samples().empty());
  b.fetch(1, 320);
  b.write_back(1, 400, b.done());
  REQUIRE(b.requests.samples().size() == 1);
  CHECK(b.requests.samples()[0] == DmaSample{1024, 300});
}

TEST_CASE("a request starts at the doorbell that published it, not at a later one") {
  Bench b;
  b.write_desc(0, 64, false);
  b.doorbell(1, 100);
  b.write_desc(1, 64, false);
  b.doorbell(2, 150);  // publishes slot 1 only
  b.fetch(0, 160);
  b.write_back(0, 200, b.done());
  b.fetch(1, 210);
  b.write_back(1, 260, b.done());
  REQUIRE(b.requests.samples().size() == 2);
  CHECK(b.requests.samples()[0].cycles == 100);
  CHECK(b.requests.samples()[1].cycles == 110);
}

TEST_CASE("a request that ended in an error, or whose channel was reset, is no sample") {
  Bench b;
  b.write_desc(0, 64, false);
  b.doorbell(1, 10);
  b.fetch(0, 20);
  b.write_back(0, 50, r::put<r::desc::STATUS::ERR>(1) | r::put<r::desc::STATUS::TAG>(b.tag));
  b.write_desc(1, 64, false);
  b.doorbell(2, 60);
  b.fetch(1, 70);
  b.requests.csr_write(0, r::CH_CTRL::offset(0), r::put<r::CH_CTRL::RESET>(1), 80);
  b.write_back(1, 90, b.done());
  CHECK(b.requests.samples().empty());
}

TEST_CASE("only the first samples of a run are kept") {
  Bench b;
  DmaRequests few(
      [&b](std::uint64_t addr, void* out, std::size_t len) {
        for (std::size_t i = 0; i < len; ++i) static_cast<unsigned char*>(out)[i] = b.bytes[addr + i];
        return true;
      },
      1);
  few.csr_write(0, r::RING_SIZE_LOG2::offset(0), 3, 0);
  for (unsigned i = 0; i < 3; ++i) {
    b.write_desc(i, 8, false);
    few.fetched(0, 0, i, b.slot(i), 10 * i);
    few.device_write(0, b.slot(i) + r::desc::kStatusOffset, 8, 10 * i + 5);
    b.put32(b.slot(i) + r::desc::kStatusOffset, b.done());
    few.settle();
  }
  CHECK(few.samples().size() == 1);
}

}  // namespace tandem
