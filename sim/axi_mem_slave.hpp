// Cycle-level AXI4 slave in front of host memory, on the TCE's memory port: INCR bursts,
// byte strobes, a fixed latency per burst, DECERR for unmapped bytes, and a fault hook
// that corrupts one written beat (to prove that the scoreboard notices).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>

#include "host_memory.hpp"
#include "tce_pins.hpp"

namespace tandem {

struct MemConfig {
  unsigned read_latency = 10;   // cycles from AR handshake to the first R beat
  unsigned write_latency = 10;  // cycles from the last W beat to B
  unsigned max_outstanding = 8;
};

class AxiMemSlave {
 public:
  AxiMemSlave(const TcePins& pins, HostMemory& memory, MemConfig config) : p_(pins), mem_(memory), cfg_(config) {}

  void drive(std::uint64_t cycle);
  void sample(std::uint64_t cycle);
  bool idle() const { return reads_.empty() && writes_.empty() && resps_.empty(); }

  // Fault: invert the n-th data beat written from now on (0 = the next).
  void corrupt_write_beat(std::uint64_t n) { corrupt_at_ = beats_written_ + n; }
  std::uint64_t beats_written() const { return beats_written_; }
  std::uint64_t beats_read() const { return beats_read_; }

 private:
  struct Burst {
    std::uint64_t addr;
    unsigned len;  // beats - 1
    unsigned beat;
    std::uint64_t ready_at;
    bool error;
  };
  static std::uint64_t beat_addr(const Burst& b) { return (b.addr & ~std::uint64_t{7}) + 8ull * b.beat; }

  const TcePins& p_;
  HostMemory& mem_;
  MemConfig cfg_;
  std::deque<Burst> reads_, writes_;
  std::deque<std::pair<std::uint64_t, std::uint8_t>> resps_;  // (ready_at, bresp)
  std::uint64_t beats_written_ = 0, beats_read_ = 0;
  std::optional<std::uint64_t> corrupt_at_;
};

}  // namespace tandem
