// The one workload every speed variant runs (lean loop, harness, SystemC engine, pin-level
// SystemC): after reset, a ring of 8 descriptors on channel 0, then copies of `bytes` from
// a source at offset 1 to a destination at offset 6 (the realigner in the path), one
// descriptor each, the doorbell written and the descriptor's STATUS polled in memory every
// `poll_cycles` cycles until DONE. Written once, as a template over the side that runs it,
// so that every variant makes the same CSR writes and polls by the same rule: the same
// traffic, cycle for cycle (the benchmark checks that the cycle counts agree).
//
// A side provides: wait_cycles(n), write_csr(addr, value) -> bool (OKAY), alloc(bytes) ->
// bus address (HostMemory's layout), bytes(addr, len) -> CPU pointer, cycle().
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "tce_regs.hpp"

namespace tandem {

struct CopyTraffic {
  std::uint32_t bytes = 1u << 20;
  unsigned copies = 4;
  unsigned poll_cycles = 100;
  unsigned ring_log2 = 3;
};

// Takes "--bytes N" or "--copies N" into t; false for any other option.
inline bool traffic_option(const char* name, const char* value, CopyTraffic& t) {
  const unsigned long n = std::strtoul(value, nullptr, 0);
  if (std::strcmp(name, "--bytes") == 0) {
    t.bytes = static_cast<std::uint32_t>(n);
  } else if (std::strcmp(name, "--copies") == 0) {
    t.copies = static_cast<unsigned>(n);
  } else {
    return false;
  }
  return true;
}

// What a run measured: the cycle its copies began (setup done) and the cycle they ended.
struct CopySpan {
  std::uint64_t begin = 0, end = 0;
  bool ok = false;
};

template <typename Side, typename Mark>
CopySpan run_copies(Side& side, const CopyTraffic& t, Mark&& mark_start) {
  namespace r = tce::reg;
  CopySpan span;
  side.wait_cycles(8);  // reset (4 cycles) and a margin, on every side alike
  const unsigned slots = 1u << t.ring_log2;
  const std::uint64_t ring = side.alloc(std::size_t{slots} * r::desc::kBytes);
  const std::uint64_t src = side.alloc(t.bytes + 8) + 1;
  const std::uint64_t dst = side.alloc(t.bytes + 8) + 6;
  std::uint8_t* s = side.bytes(src, t.bytes);
  for (std::uint32_t i = 0; i < t.bytes; ++i) s[i] = static_cast<std::uint8_t>(i * 31 + (i >> 11));
  bool ok = side.write_csr(r::RING_BASE_LO::offset(0), static_cast<std::uint32_t>(ring)) &&
            side.write_csr(r::RING_BASE_HI::offset(0), static_cast<std::uint32_t>(ring >> 32)) &&
            side.write_csr(r::RING_SIZE_LOG2::offset(0), t.ring_log2) &&
            side.write_csr(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask) &&
            side.write_csr(r::CH_CTRL::offset(0), r::CH_CTRL::RUN::kMask);
  mark_start();
  span.begin = side.cycle();
  // A copy of n bytes takes about n / 7.5 cycles; four times that, plus room, bounds the wait.
  const std::uint64_t bound = 4ull * t.bytes / 7 / t.poll_cycles + 1000;
  for (unsigned i = 0; i < t.copies && ok; ++i) {
    const unsigned slot = i % slots;
    std::uint8_t* d = side.bytes(ring + std::uint64_t{slot} * r::desc::kBytes, r::desc::kBytes);
    std::memset(d, 0, r::desc::kBytes);
    std::memcpy(d + r::desc::kSrcOffset, &src, 8);
    std::memcpy(d + r::desc::kDstOffset, &dst, 8);
    std::memcpy(d + r::desc::kLenOffset, &t.bytes, 4);
    ok = side.write_csr(r::RING_TAIL::offset(0), (slot + 1) % slots);
    const std::uint8_t* status = d + r::desc::kStatusOffset;
    const std::uint32_t end_bits = r::desc::STATUS::DONE::kMask | r::desc::STATUS::ERR::kMask;
    std::uint64_t polls = 0;
    while (ok && (*status & end_bits) == 0) {
      ok = ++polls <= bound;
      side.wait_cycles(t.poll_cycles);
    }
    ok = ok && (*status & r::desc::STATUS::ERR::kMask) == 0;
  }
  span.end = side.cycle();
  span.ok = ok && std::memcmp(side.bytes(src, t.bytes), side.bytes(dst, t.bytes), t.bytes) == 0;
  return span;
}

}  // namespace tandem
