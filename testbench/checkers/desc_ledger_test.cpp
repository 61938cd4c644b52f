// The descriptor ledger on synthetic bus traffic: who owns which slot after doorbells,
// write-backs, HEAD reads and resets.
#include "desc_ledger.hpp"

#include <doctest/doctest.h>

#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

constexpr std::uint64_t kBase = 0x1'0000'4000;

// Device 0, channel 1: a ring of 4 slots at kBase.
DescLedger configured() {
  DescLedger l;
  l.csr_write(0, r::RING_BASE_LO::offset(1), static_cast<std::uint32_t>(kBase), 10);
  l.csr_write(0, r::RING_BASE_HI::offset(1), static_cast<std::uint32_t>(kBase >> 32), 11);
  l.csr_write(0, r::RING_SIZE_LOG2::offset(1), 2, 12);
  return l;
}

std::uint64_t slot(unsigned i) {
  return kBase + i * DescLedger::kSlotBytes;
}

TEST_CASE("a doorbell hands the slots up to the tail to the device, a write-back hands one back") {
  DescLedger l = configured();
  CHECK(l.owned_in(slot(0), 32).empty());
  l.csr_write(0, r::RING_TAIL::offset(1), 2, 100);
  CHECK(l.owned(0, 1, 0));
  CHECK(l.owned(0, 1, 1));
  CHECK_FALSE(l.owned(0, 1, 2));
  CHECK_FALSE(l.owned(0, 0, 0));  // another channel
  const auto hit = l.owned_in(slot(1) + 0x10, 4);
  REQUIRE(hit.size() == 1);
  CHECK(hit[0].index == 1);
  CHECK(hit[0].channel == 1);
  CHECK(hit[0].addr == slot(1));
  CHECK(hit[0].published == 100);
  l.device_write(0, slot(0) + r::desc::kStatusOffset, 8);  // not fetched: a write-back from before
  CHECK(l.owned(0, 1, 0));
  l.device_fetch(0, 1, 0);
  l.device_fetch(0, 1, 1);
  l.device_write(0, slot(0) + r::desc::kStatusOffset, 8);  // STATUS and CRC of slot 0
  CHECK_FALSE(l.owned(0, 1, 0));
  CHECK(l.owned(0, 1, 1));
  l.device_write(1, slot(1) + r::desc::kStatusOffset, 8);  // another device's write changes nothing
  CHECK(l.owned(0, 1, 1));
  l.device_write(0, slot(1), 16);  // not the STATUS word
  CHECK(l.owned(0, 1, 1));
}

TEST_CASE("a doorbell wraps around the ring") {
  DescLedger l = configured();
  l.csr_write(0, r::RING_TAIL::offset(1), 3, 1);
  for (unsigned i = 0; i < 3; ++i) {
    l.device_fetch(0, 1, i);
    l.device_write(0, slot(i) + r::desc::kStatusOffset, 8);
  }
  l.csr_write(0, r::RING_TAIL::offset(1), 1, 2);
  CHECK(l.owned(0, 1, 3));
  CHECK(l.owned(0, 1, 0));
  CHECK_FALSE(l.owned(0, 1, 1));
  CHECK_FALSE(l.owned(0, 1, 2));
  CHECK(l.owned_in(kBase, 4 * DescLedger::kSlotBytes).size() == 2);
}

TEST_CASE("a RING_HEAD read returns the slots before HEAD") {
  DescLedger l = configured();
  l.csr_write(0, r::RING_TAIL::offset(1), 3, 1);
  l.csr_read(0, r::RING_HEAD::offset(1), 2);
  CHECK_FALSE(l.owned(0, 1, 0));
  CHECK_FALSE(l.owned(0, 1, 1));
  CHECK(l.owned(0, 1, 2));
}

TEST_CASE("resets and a freed ring return every slot") {
  DescLedger l = configured();
  l.csr_write(0, r::RING_TAIL::offset(1), 3, 1);
  SUBCASE("channel reset: HEAD = TAIL = 0") {
    l.csr_write(0, r::CH_CTRL::offset(1), r::put<r::CH_CTRL::RESET>(1) | r::put<r::CH_CTRL::RUN>(1), 2);
    CHECK(l.owned_in(kBase, 128).empty());
    l.csr_write(0, r::RING_TAIL::offset(1), 1, 3);  // counts from 0 again
    CHECK(l.owned(0, 1, 0));
    CHECK_FALSE(l.owned(0, 1, 1));
    CHECK_FALSE(l.owned(0, 1, 3));  // not from the tail before the reset
  }
  SUBCASE("a write-back draining after a channel reset returns no slot published since") {
    l.device_fetch(0, 1, 0);
    l.csr_write(0, r::CH_CTRL::offset(1), r::put<r::CH_CTRL::RESET>(1), 2);
    l.csr_write(0, r::RING_TAIL::offset(1), 1, 3);
    l.device_write(0, slot(0) + r::desc::kStatusOffset, 8);
    CHECK(l.owned(0, 1, 0));
  }
  SUBCASE("a run bit alone resets nothing") {
    l.csr_write(0, r::CH_CTRL::offset(1), r::put<r::CH_CTRL::RUN>(1), 2);
    CHECK(l.owned(0, 1, 2));
  }
  SUBCASE("soft reset forgets the ring") {
    l.csr_write(0, r::CTRL::kOffset, r::put<r::CTRL::SOFT_RESET>(1), 2);
    CHECK(l.owned_in(kBase, 128).empty());
    CHECK_FALSE(l.slot_at(kBase, 4).has_value());
  }
  SUBCASE("its memory freed") {
    l.freed(0, kBase);
    CHECK(l.owned_in(kBase, 128).empty());
  }
}

TEST_CASE("a doorbell that hands over every slot, or leaves written slots out, says so") {
  DescLedger l = configured();
  l.cpu_write(slot(0), 96);  // three descriptors
  auto d = l.csr_write(0, r::RING_TAIL::offset(1), 3, 1);
  REQUIRE(d.has_value());
  CHECK(d->channel == 1);
  CHECK(d->old_tail == 0);
  CHECK(d->tail == 3);
  CHECK(d->left_out == 0);
  CHECK_FALSE(d->overfull);
  SUBCASE("a fourth slot published while the device owns the first: TAIL == HEAD") {
    CHECK(l.cpu_write(slot(3), 32).empty());
    d = l.csr_write(0, r::RING_TAIL::offset(1), 0, 2);
    REQUIRE(d.has_value());
    CHECK(d->overfull);
  }
  SUBCASE("a slot written but left out of the doorbell") {
    for (unsigned i = 0; i < 3; ++i) {
      l.device_fetch(0, 1, i);
      l.device_write(0, slot(i) + r::desc::kStatusOffset, 8);
    }
    l.cpu_write(slot(3), 32);  // slots 3 and 0, then TAIL stays at 3: nothing published
    l.cpu_write(slot(0) + 8, 8);
    d = l.csr_write(0, r::RING_TAIL::offset(1), 3, 2);
    REQUIRE(d.has_value());
    CHECK(d->left_out == 2);
    CHECK_FALSE(d->overfull);
  }
  SUBCASE("a write to a slot the device owns is reported, not counted as written") {
    const auto owned = l.cpu_write(slot(1), 4);
    REQUIRE(owned.size() == 1);
    CHECK(owned[0].index == 1);
    d = l.csr_write(0, r::RING_TAIL::offset(1), 3, 2);
    CHECK(d->left_out == 0);
  }
  CHECK_FALSE(l.csr_write(0, r::RING_BASE_LO::offset(1), 0, 3).has_value());
}

TEST_CASE("only configured rings count") {
  DescLedger l;
  l.csr_write(0, r::RING_TAIL::offset(0), 1, 1);  // no size yet: nothing published
  CHECK_FALSE(l.owned(0, 0, 0));
  CHECK_FALSE(l.configured(0, 0));
  l = configured();
  CHECK(l.configured(0, 1));
  CHECK_FALSE(l.configured(0, 0));
  CHECK_FALSE(l.configured(1, 1));
  const auto at = l.slot_at(slot(3) + 31, 1);
  REQUIRE(at.has_value());
  CHECK(at->device == 0);
  CHECK(at->channel == 1);
  CHECK(at->index == 3);
  CHECK(l.slot_at(kBase - 4, 8)->index == 0);
  CHECK_FALSE(l.slot_at(slot(4), 1).has_value());
  CHECK_FALSE(l.slot_at(kBase - 1, 1).has_value());
}

}  // namespace
}  // namespace tandem
