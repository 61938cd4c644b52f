// DeviceHarness evaluates the model once per cycle where that is exact, twice elsewhere.
// The proof: the same seeded traffic (CSR reads and writes of every kind, doorbells of
// copies on two channels, interrupt acknowledges, back-pressure) on a harness that
// evaluates every cycle twice and on one that may evaluate once, stepped in lockstep:
// every variable of the model, the interrupt lines and each CSR answer must agree after
// every cycle, and host memory at the end.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <deque>

#include "device_harness.hpp"
#include "rng.hpp"
#include "tce_regs.hpp"

namespace {

namespace r = tce::reg;
using tandem::CsrRequest;
using tandem::DeviceHarness;
using tandem::HarnessConfig;
using tandem::HostMemory;

struct Side {
  explicit Side(bool two_evals, const std::string& variant) : h(mem, config(two_evals, variant)) {}
  static HarnessConfig config(bool two_evals, const std::string& variant) {
    HarnessConfig c;
    c.variant = variant;
    c.two_evals = two_evals;
    c.mem.backpressure_percent = 20;
    c.mem.read_latency = 3;
    c.mem.write_latency = 5;
    return c;
  }
  HostMemory mem;
  DeviceHarness h;
  std::deque<CsrRequest> requests;  // stable addresses while on the bus
};

// Steps both sides one cycle; false (with a failed CHECK) where they differ.
bool step_both(Side& a, Side& b) {
  a.h.step();
  b.h.step();
  CHECK(a.h.state_digest() == b.h.state_digest());
  CHECK(a.h.irq_lines() == b.h.irq_lines());
  const auto& da = a.h.csr().completed();
  const auto& db = b.h.csr().completed();
  REQUIRE(da.size() == db.size());
  for (std::size_t i = 0; i < da.size(); ++i) {
    CHECK(da[i]->data == db[i]->data);
    CHECK(da[i]->resp == db[i]->resp);
    CHECK(da[i]->completed == db[i]->completed);
  }
  a.h.csr().completed().clear();
  b.h.csr().completed().clear();
  return a.h.state_digest() == b.h.state_digest();
}

void submit_both(Side& a, Side& b, bool write, std::uint32_t addr, std::uint32_t data) {
  for (Side* s : {&a, &b}) {
    CsrRequest& q = s->requests.emplace_back();
    q.write = write;
    q.addr = addr;
    q.data = data;
    s->h.csr().submit(&q, s->h.cycle());
  }
}

void run_lockstep(const std::string& variant, std::uint64_t seed) {
  Side a(true, variant), b(false, variant);
  tandem::Rng rng(seed);
  constexpr unsigned kLog2 = 3, kSlots = 1u << kLog2;
  std::uint64_t ring[2] = {}, src = 0, dst = 0;
  for (Side* s : {&a, &b}) {
    ring[0] = s->mem.alloc(kSlots * r::desc::kBytes);
    ring[1] = s->mem.alloc(kSlots * r::desc::kBytes);
    src = s->mem.alloc(8192);
    dst = s->mem.alloc(8192);
    for (unsigned i = 0; i < 8192; ++i) s->mem.at(src)[i] = static_cast<std::uint8_t>(i * 13 + 5);
  }
  unsigned tail[2] = {0, 0};
  // Set-up, then random traffic; each request waits for the one before (as a CPU would).
  std::deque<std::pair<std::uint32_t, std::uint32_t>> writes;
  for (unsigned c = 0; c < 2; ++c) {
    writes.push_back({r::RING_BASE_LO::offset(c), static_cast<std::uint32_t>(ring[c])});
    writes.push_back({r::RING_BASE_HI::offset(c), static_cast<std::uint32_t>(ring[c] >> 32)});
    writes.push_back({r::RING_SIZE_LOG2::offset(c), kLog2});
    writes.push_back({r::CH_CTRL::offset(c), r::CH_CTRL::RUN::kMask});
  }
  writes.push_back({r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask});
  writes.push_back({r::IRQ_ENABLE::kOffset, 0x1FF});
  const std::uint32_t reads[] = {r::ID::kOffset,          r::STATUS::kOffset,       r::IRQ_STATUS::kOffset,
                                 r::IRQ_PENDING::kOffset, r::CH_STATUS::offset(0),  r::RING_HEAD::offset(1),
                                 r::SCRATCH::kOffset,     r::IRQ_STATUS_RC::kOffset};
  unsigned copies = 0;
  for (std::uint64_t n = 0; n < 30'000; ++n) {
    if (a.h.csr().idle() && rng.range(0, 9) == 0) {
      const unsigned pick = static_cast<unsigned>(rng.range(0, 9));
      if (!writes.empty()) {
        submit_both(a, b, true, writes.front().first, writes.front().second);
        writes.pop_front();
      } else if (pick < 3) {
        submit_both(a, b, false, reads[rng.range(0, std::size(reads) - 1)], 0);
      } else if (pick < 5) {
        submit_both(a, b, true, r::IRQ_STATUS::kOffset, static_cast<std::uint32_t>(rng.range(0, 0x1FF)));
      } else if (pick < 6) {
        submit_both(a, b, true, r::SCRATCH::kOffset, static_cast<std::uint32_t>(rng.next()));
      } else {
        // A copy of random length and alignment on a random channel, then its doorbell.
        const unsigned c = static_cast<unsigned>(rng.range(0, 1));
        const std::uint64_t s_addr = src + rng.range(0, 7), d_addr = dst + rng.range(0, 7);
        const std::uint32_t len = static_cast<std::uint32_t>(rng.range(1, 4000));
        for (Side* s : {&a, &b}) {
          std::uint8_t* d = s->mem.at(ring[c] + std::uint64_t{tail[c]} * r::desc::kBytes, r::desc::kBytes);
          std::memset(d, 0, r::desc::kBytes);
          std::memcpy(d + r::desc::kSrcOffset, &s_addr, 8);
          std::memcpy(d + r::desc::kDstOffset, &d_addr, 8);
          std::memcpy(d + r::desc::kLenOffset, &len, 4);
        }
        tail[c] = (tail[c] + 1) % kSlots;
        submit_both(a, b, true, r::RING_TAIL::offset(c), tail[c]);
        ++copies;
      }
    }
    if (!step_both(a, b)) {
      FAIL("the two harnesses differ after cycle " << a.h.cycle());
    }
  }
  CHECK(copies > 20);
  CHECK(a.mem.digest() == b.mem.digest());
  CHECK_FALSE(a.h.rtl_error());
}

}  // namespace

TEST_CASE("one model evaluation per cycle leaves the state two leave, cycle by cycle") {
  SUBCASE("default") {
    run_lockstep("default", 11);
  }
  SUBCASE("ch4") {
    run_lockstep("ch4", 12);
  }
  SUBCASE("rev1") {
    run_lockstep("rev1", 13);
  }
}
