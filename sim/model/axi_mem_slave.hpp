// Cycle-level AXI4 slave in front of host memory, on a device's memory port (AxiPins): INCR bursts,
// byte strobes, a fixed latency per burst, DECERR for unmapped bytes, and a fault hook
// that corrupts one written beat (to prove that the scoreboard notices).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include "bus_pins.hpp"
#include "host_memory.hpp"
#include "rng.hpp"

namespace tandem {

struct MemConfig {
  unsigned read_latency = 10;   // cycles from AR handshake to the first R beat
  unsigned write_latency = 10;  // cycles from the last W beat to B
  unsigned max_outstanding = 8;
  // Seeded random back-pressure: in each cycle each READY the memory drives is low, and
  // each VALID it could raise is held back, with this probability (percent). A VALID once
  // raised stays up until its handshake, as AXI requires. Each choice is a pure function of
  // (seed, channel, cycle), so skipping idle cycles leaves later ones as they were.
  unsigned backpressure_percent = 0;
  std::uint64_t seed = 1;
};

class AxiMemSlave {
 public:
  AxiMemSlave(const AxiPins& pins, MemoryBus& memory, MemConfig config) : p_(pins), mem_(memory), cfg_(config) {}

  void drive(std::uint64_t cycle);
  void sample(std::uint64_t cycle);
  bool idle() const { return reads_.empty() && writes_.empty() && resps_.empty(); }

  // Fault: invert the n-th data beat written from now on (0 = the next).
  void corrupt_write_beat(std::uint64_t n) { corrupt_at_ = beats_written_ + n; }
  // Fault: any burst touching [begin, end) answers SLVERR (reads, writes or both). Ranges
  // set `once` go together: the first burst one of them fails lifts them all.
  void error_range(std::uint64_t begin, std::uint64_t end, bool reads, bool writes, bool once = false) {
    errors_.push_back({begin, end, reads, writes, once});
  }
  void clear_error_ranges() { errors_.clear(); }
  // Lifts the `once` ranges that no burst hit.
  void clear_once_ranges();

  // Called for every burst the port accepts: (write, address, bytes, cycle).
  std::function<void(bool write, std::uint64_t addr, std::uint64_t bytes, std::uint64_t cycle)> on_burst;
  // Called when a burst is answered, at its last read beat or its write response: (write,
  // address, bytes, the response: for a read the worst of its beats, cycle).
  std::function<void(bool write, std::uint64_t addr, std::uint64_t bytes, std::uint8_t resp, std::uint64_t cycle)>
      on_response;
  // Called after every beat written into memory: (address of the beat, strobes).
  std::function<void(std::uint64_t addr, std::uint8_t strobes)> on_write_beat;
  // Fault: the port answers nothing (no READY, no VALID) until `cycle` (UINT64_MAX: ever).
  void stall_until(std::uint64_t cycle) { stall_until_ = cycle; }

  // An access filter (the IOMMU): a burst it refuses answers DECERR and touches nothing.
  std::function<bool(std::uint64_t addr, std::uint64_t bytes, bool write)> allow;

  // Passive checks of the AXI rules the device must keep, counted as they are seen:
  // bursts longer than 16 beats, bursts crossing a 4 KiB boundary, WLAST not on the last beat.
  struct Violations {
    std::uint64_t long_bursts = 0, crossings = 0, wlast = 0;
    std::uint64_t total() const { return long_bursts + crossings + wlast; }
  };
  const Violations& violations() const { return violations_; }
  // Concurrency seen: the most read bursts outstanding at once, and cycles in which a read
  // beat and a write beat were both transferred.
  std::size_t max_reads_outstanding() const { return max_reads_; }
  std::uint64_t overlap_cycles() const { return overlap_cycles_; }
  std::uint64_t beats_written() const { return beats_written_; }
  std::uint64_t beats_read() const { return beats_read_; }

 private:
  struct Burst {
    std::uint64_t addr;
    unsigned len;  // beats - 1
    unsigned beat;
    std::uint64_t ready_at;
    bool error;              // some beat was refused (unmapped)
    bool forced_error;       // an error range covers the burst
    bool denied;             // the filter refused it
    std::uint8_t worst = 0;  // the worst response of its beats so far (reads)
  };
  struct Response {
    std::uint64_t ready_at;
    std::uint8_t bresp;
    std::uint64_t addr;  // the burst's
    unsigned len;        // beats - 1
  };
  static std::uint64_t beat_addr(const Burst& b) { return (b.addr & ~std::uint64_t{7}) + 8ull * b.beat; }

  const AxiPins& p_;
  MemoryBus& mem_;
  MemConfig cfg_;
  std::deque<Burst> reads_, writes_;
  std::deque<Response> resps_;
  std::uint64_t beats_written_ = 0, beats_read_ = 0;
  std::optional<std::uint64_t> corrupt_at_;
  struct ErrorRange {
    std::uint64_t begin, end;
    bool reads, writes, once;
  };
  std::vector<ErrorRange> errors_;
  Violations violations_;
  std::size_t max_reads_ = 0;
  std::uint64_t stall_until_ = 0;
  bool r_up_ = false, b_up_ = false;  // RVALID / BVALID raised and not yet taken
  // The five channels' back-pressure draws in one cycle.
  enum Lane : unsigned { kAr, kR, kAw, kW, kB, kLanes };
  // The run's seed: back-pressure differs between seeds, repeats for one.
  bool hold(std::uint64_t cycle, Lane lane) const {
    return cfg_.backpressure_percent != 0 &&
           Rng::at(cfg_.seed, cycle * kLanes + lane) % 100 < cfg_.backpressure_percent;
  }
  std::uint64_t overlap_cycles_ = 0;
  // Whether an error range fails this burst (a `once` range that does is lifted).
  bool take_error(std::uint64_t addr, unsigned len, bool write);
  void check_burst(std::uint64_t addr, unsigned len);
};

}  // namespace tandem
