#include "store_buffer.hpp"

#include <doctest/doctest.h>

#include <array>
#include <vector>

using tandem::HostMemory;
using tandem::StoreBuffer;

TEST_CASE("CPU writes reach memory only when drained, and device writes reach the CPU at once") {
  HostMemory mem;
  StoreBuffer sb(mem, 1, 100);
  const auto bus = mem.alloc(64);
  std::uint8_t* cpu = sb.add_region(bus, 64);
  cpu[0] = 0x11;
  CHECK(*mem.at(bus) == 0);  // still in the store buffer
  const std::uint64_t due = sb.notice_writes(1000);
  CHECK(due > 1000);
  CHECK(due <= 1101);
  sb.drain_due(due - 1);
  CHECK(*mem.at(bus) == 0);
  sb.drain_due(due);
  CHECK(*mem.at(bus) == 0x11);

  cpu[1] = 0x22;
  sb.notice_writes(2000);
  sb.drain_all();  // a barrier
  CHECK(*mem.at(bus + 1) == 0x22);
  CHECK(sb.bytes_pending() == 0);

  // The device writes bytes 0..3; byte 2 the CPU has written too and not drained yet.
  cpu[2] = 0x33;
  sb.notice_writes(3000);
  REQUIRE(mem.write_beat(bus, 0xDDCCBBAAull, 0x0F));
  sb.device_wrote(bus, 0x0F);
  CHECK(cpu[0] == 0xAA);
  CHECK(cpu[1] == 0xBB);
  CHECK(cpu[2] == 0x33);  // the CPU sees its own pending write
  CHECK(cpu[3] == 0xDD);
  sb.drain_all();
  CHECK(*mem.at(bus + 2) == 0x33);  // and it lands after the device's
}

TEST_CASE("store buffers are per CPU: a barrier drains its own CPU's writes only") {
  HostMemory mem;
  StoreBuffer sb(mem, 1, 100);
  const auto bus = mem.alloc(64);
  std::uint8_t* view = sb.add_region(bus, 64);
  view[0] = 1;
  sb.notice_writes(10, 0);  // CPU 0 wrote byte 0
  view[8] = 2;
  sb.notice_writes(11, 1);  // CPU 1 wrote byte 8
  sb.drain_cpu(1);
  CHECK(*mem.at(bus) == 0);
  CHECK(*mem.at(bus + 8) == 2);
  sb.drain_cpu(0);
  CHECK(*mem.at(bus) == 1);
}

TEST_CASE("each run of bytes a CPU newly wrote is reported once, with its region") {
  HostMemory mem;
  StoreBuffer sb(mem, 1, 100);
  const auto bus = mem.alloc(64);
  std::uint8_t* cpu = sb.add_region(bus, 64);
  std::vector<std::array<std::uint64_t, 4>> seen;  // cpu, region, addr, len
  sb.on_written = [&](unsigned c, std::uint64_t region, std::uint64_t addr, std::uint64_t len) {
    seen.push_back({c, region, addr, len});
  };
  cpu[4] = cpu[5] = cpu[6] = 1;  // a run of 3
  cpu[63] = 2;                   // a run that ends the region
  sb.notice_writes(10, 1);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == std::array<std::uint64_t, 4>{1, bus, bus + 4, 3});
  CHECK(seen[1] == std::array<std::uint64_t, 4>{1, bus, bus + 63, 1});
  cpu[7] = 3;  // next to pending bytes: only the new one is news
  sb.notice_writes(20, 0);
  REQUIRE(seen.size() == 3);
  CHECK(seen[2] == std::array<std::uint64_t, 4>{0, bus, bus + 7, 1});
}

TEST_CASE("writes stay buffered at least the minimum delay, whatever the seed") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    HostMemory mem;
    StoreBuffer sb(mem, seed, 2000, 1500);
    const auto bus = mem.alloc(64);
    sb.add_region(bus, 64)[0] = 0x11;
    const std::uint64_t due = sb.notice_writes(1000);
    CHECK(due >= 2500);
    CHECK(due <= 3001);
  }
}

TEST_CASE("a held CPU's writes wait past their time, drain at its barrier, and drain once released") {
  HostMemory mem;
  StoreBuffer sb(mem, 1, 100);
  const auto bus = mem.alloc(64);
  std::uint8_t* cpu = sb.add_region(bus, 64);
  cpu[0] = 0x11;              // CPU 0's
  CHECK(sb.holds_writes(0));  // written, not noticed yet: still the writer's
  const std::uint64_t due = sb.notice_writes(1000, 0);
  cpu[1] = 0x22;  // CPU 1's
  sb.notice_writes(1000, 1);
  CHECK(sb.holds_writes(0));
  CHECK(sb.holds_writes(1));
  CHECK_FALSE(sb.holds_writes(2));

  sb.hold(0, true);
  CHECK(sb.next_due() != 0);  // CPU 1's byte still has its time
  sb.drain_due(due + 200);
  CHECK(*mem.at(bus) == 0);         // held past its time
  CHECK(*mem.at(bus + 1) == 0x22);  // another CPU's is not held
  CHECK(sb.next_due() == 0);        // nothing to wake the drain for while held
  sb.hold(0, false);
  sb.drain_due(due + 201);
  CHECK(*mem.at(bus) == 0x11);

  cpu[2] = 0x33;
  sb.notice_writes(2000, 0);
  sb.hold(0, true);
  sb.drain_cpu(0);  // a barrier drains even a held CPU's writes
  CHECK(*mem.at(bus + 2) == 0x33);
  CHECK_FALSE(sb.holds_writes(0));
}

TEST_CASE("the store buffer's digest follows its views and what is pending, not the time") {
  HostMemory mem;
  StoreBuffer a(mem, 1, 100), b(mem, 1, 100);
  const auto bus = mem.alloc(64);
  std::uint8_t* va = a.add_region(bus, 64);
  std::uint8_t* vb = b.add_region(bus, 64);
  CHECK(a.digest(0) == b.digest(500));
  va[3] = 1;
  CHECK(a.digest(0) != b.digest(0));
  vb[3] = 1;
  a.notice_writes(100, 0);
  b.notice_writes(600, 0);  // the same delay, 500 cycles later
  CHECK(a.digest(150) == b.digest(650));
  CHECK(a.digest(150) != b.digest(150));
}
