#include "device_facts.hpp"

#include <doctest/doctest.h>

#include "tce_regs.hpp"

using tandem::DeviceFacts;
namespace r = tce::reg;

TEST_CASE("a 32-byte read at a slot of a configured ring is that slot's descriptor fetch") {
  DeviceFacts f;
  unsigned state = 0, channel = 9, index = 9;
  f.csr_access(true, r::RING_BASE_LO::offset(1), 0x2000'0040, &state);
  f.csr_access(true, r::RING_BASE_HI::offset(1), 0x1, &state);
  f.csr_access(true, r::RING_SIZE_LOG2::offset(1), 3, &state);  // 8 slots
  const std::uint64_t base = 0x1'2000'0040;
  REQUIRE(f.descriptor_fetch(base + 5 * 32, 32, &channel, &index));
  CHECK(channel == 1);
  CHECK(index == 5);
  CHECK_FALSE(f.descriptor_fetch(base + 8 * 32, 32, &channel, &index));      // past the ring
  CHECK_FALSE(f.descriptor_fetch(base + 5 * 32, 64, &channel, &index));      // not a descriptor's size
  CHECK_FALSE(f.descriptor_fetch(base + 5 * 32 + 8, 32, &channel, &index));  // not at a slot
  CHECK_FALSE(f.descriptor_fetch(base - 32, 32, &channel, &index));
}

TEST_CASE("a soft reset forgets the rings") {
  DeviceFacts f;
  unsigned state = 0, channel = 0, index = 0;
  f.csr_access(true, r::RING_BASE_LO::offset(0), 0x4000, &state);
  f.csr_access(true, r::RING_SIZE_LOG2::offset(0), 2, &state);
  CHECK(f.descriptor_fetch(0x4000, 32, &channel, &index));
  f.csr_access(true, r::CTRL::kOffset, r::put<r::CTRL::SOFT_RESET>(1), &state);
  CHECK_FALSE(f.descriptor_fetch(0x4000, 32, &channel, &index));
}

TEST_CASE("PM_STATUS reads report each change of power state once") {
  DeviceFacts f;
  unsigned state = 7;
  CHECK_FALSE(f.csr_access(false, r::PM_STATUS::kOffset, 0, &state));  // D0, as out of reset
  CHECK(f.csr_access(false, r::PM_STATUS::kOffset, r::put<r::PM_STATUS::STATE>(3), &state));
  CHECK(state == 3);
  CHECK_FALSE(f.csr_access(false, r::PM_STATUS::kOffset, r::put<r::PM_STATUS::STATE>(3), &state));
  CHECK_FALSE(f.csr_access(true, r::PM_CTRL::kOffset, 0, &state));  // a request is no transition
  CHECK(f.csr_access(false, r::PM_STATUS::kOffset, r::PM_STATUS::TRANSITION_BUSY::kMask, &state));
  CHECK(state == 0);
}
