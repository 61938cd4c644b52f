#include "host_memory.hpp"

#include <doctest/doctest.h>

#include <cstdint>

using tandem::HostMemory;

TEST_CASE("regions are mapped in whole pages above 4 GiB, with an unmapped page between") {
  HostMemory mem;
  const auto a = mem.alloc(100);
  const auto b = mem.alloc(5000);
  CHECK(a >= HostMemory::kFirstAddress);
  CHECK(a % 4096 == 0);
  CHECK(b % 4096 == 0);
  CHECK(mem.at(a + 100) != nullptr);  // the rest of the page is mapped, as by an IOMMU
  CHECK(mem.at(a + 4095) != nullptr);
  CHECK(mem.at(a + 4096) == nullptr);     // the page after is not
  CHECK(mem.at(a + 4092, 8) == nullptr);  // straddles the end
  CHECK(mem.at(a - 1) == nullptr);
  CHECK(b == a + 2 * 4096);
  CHECK(mem.at(b + 8191) != nullptr);  // 5000 bytes take two pages
  CHECK(mem.at(b + 8192) == nullptr);
}

TEST_CASE("beats honour byte strobes and refuse unmapped bytes whole") {
  HostMemory mem;
  const auto a = mem.alloc(4092);
  REQUIRE(mem.write_beat(a, 0x8877665544332211ull, 0xFF));
  REQUIRE(mem.write_beat(a, 0xAAAAAAAAAAAAAAAAull, 0x06));  // bytes 1 and 2 only
  std::uint64_t v = 0;
  REQUIRE(mem.read_beat(a, &v));
  CHECK(v == 0x8877665544AAAA11ull);
  const auto end = a + 4096 - 4;  // a beat whose upper half is past the page
  CHECK_FALSE(mem.write_beat(end, 0xFFFFFFFFFFFFFFFFull, 0xFF));
  std::uint8_t byte = 1;
  REQUIRE(mem.read(end, &byte, 1));
  CHECK(byte == 0);                                 // the refused beat changed nothing
  CHECK(mem.write_beat(end, 0xFFFFFFFFull, 0x0F));  // only mapped bytes strobed
  CHECK_FALSE(mem.read_beat(end, &v));
}

TEST_CASE("a freed region answers as unmapped") {
  HostMemory mem;
  const auto a = mem.alloc(64);
  CHECK(mem.free(a));
  CHECK(mem.at(a) == nullptr);
  CHECK_FALSE(mem.free(a));
}

TEST_CASE("a CPU pointer into a region maps back to its bus address, others to 0") {
  HostMemory mem;
  const auto a = mem.alloc(100);
  CHECK(mem.bus_of(mem.at(a + 10), 20) == a + 10);
  int on_stack = 0;
  CHECK(mem.bus_of(&on_stack, sizeof on_stack) == 0);
  CHECK(mem.bus_of(mem.at(a + 4000), 200) == 0);  // runs past the region
}

TEST_CASE("a length that would wrap the address space is refused, not wrapped into range") {
  HostMemory mem;
  const auto a = mem.alloc(100);
  // 8 + (SIZE_MAX - 4) wraps to 3, which a sum-based bound would take for a short access.
  CHECK(mem.at(a + 8, SIZE_MAX - 4) == nullptr);
  CHECK(mem.bus_of(mem.at(a + 8), SIZE_MAX) == 0);
  CHECK(mem.bus_of(mem.at(a + 8), SIZE_MAX - 4) == 0);
  CHECK(mem.bus_of(mem.at(a + 8), 16) == a + 8);
}

TEST_CASE("the region found last answers lookups again, within its bounds only, until freed") {
  HostMemory mem;
  const auto a = mem.alloc(4096);
  const auto b = mem.alloc(4096);
  REQUIRE(mem.at(a + 8, 8) != nullptr);  // a is now the region found last
  CHECK(mem.at(a + 4096 - 8, 8) == mem.at(a, 1) + 4096 - 8);
  CHECK(mem.at(a + 4096 - 4, 8) == nullptr);  // past its end, though it starts inside
  CHECK(mem.at(a - 1) == nullptr);            // below it
  CHECK(mem.at(a + 4096) == nullptr);         // the unmapped page after it
  CHECK(mem.at(a + 8, SIZE_MAX - 4) == nullptr);
  REQUIRE(mem.at(b) != nullptr);
  REQUIRE(mem.at(a) != nullptr);
  CHECK(mem.free(a));
  CHECK(mem.at(a) == nullptr);  // freed while it was the region found last
  CHECK(mem.at(a + 16, 8) == nullptr);
  CHECK(mem.at(b + 16, 8) != nullptr);
}

TEST_CASE("the two regions found last answer a copy's alternate lookups, within their bounds, until freed") {
  HostMemory mem;
  const auto src = mem.alloc(4096);
  const auto dst = mem.alloc(4096);
  const auto other = mem.alloc(4096);
  std::uint8_t* const s = mem.at(src, 4096);
  std::uint8_t* const d = mem.at(dst, 4096);
  REQUIRE(s != nullptr);
  REQUIRE(d != nullptr);
  for (unsigned i = 0; i < 4096; i += 8) {  // read a beat here, write one there, as a copy does
    CHECK(mem.at(src + i, 8) == s + i);
    CHECK(mem.at(dst + i, 8) == d + i);
  }
  CHECK(mem.at(src + 4096 - 4, 8) == nullptr);  // either one's end, while both are remembered
  CHECK(mem.at(dst + 4096 - 4, 8) == nullptr);
  CHECK(mem.at(src - 1) == nullptr);
  CHECK(mem.at(other + 8, 8) != nullptr);  // a third region: found, and remembered
  CHECK(mem.at(src + 8, 8) == s + 8);
  REQUIRE(mem.at(dst) == d);  // dst first, src second: free the second
  CHECK(mem.free(src));
  CHECK(mem.at(src + 8, 8) == nullptr);
  CHECK(mem.at(dst + 8, 8) == d + 8);
}
