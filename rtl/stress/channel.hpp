// One channel as the stress test's software sees it: it configures a ring (sometimes one
// whose fetches or write-backs fail, or an invalid size), posts random descriptors, retires
// them in order checking each byte for byte and its CRC against a software CRC-32C, and
// recovers from every halt with CH_CTRL.RESET, checking that the reset empties the ring.
#pragma once

#include <cstdint>
#include <deque>

#include "stress.hpp"

namespace tandem::stress {

// Memory every channel draws from: random source bytes, and ranges whose reads or writes
// answer SLVERR (bus errors on either side of a copy).
struct Arenas {
  std::uint64_t src = 0, src_poison = 0, dst_poison = 0;
  std::size_t src_len = 0, poison_len = 0;
};

class Channel {
 public:
  Channel(Stress& s, unsigned index, const Arenas& arenas);

  // Once a cycle: retire what the device finished, post, poll, recover.
  void tick();
  // Whether a descriptor fetch at addr reads one of this channel's rings.
  bool owns(std::uint64_t addr) const;
  // The engine fetched the descriptor at addr: false unless the device owned it and it is
  // the next one in ring order. Describes it in *cur.
  bool fetched(std::uint64_t addr, Stress::Current* cur);
  // The current descriptor's STATUS word was written: sometimes time a reset to it.
  void status_written();
  // CTRL.SOFT_RESET or D3: the channel's registers and ring are gone.
  void lose_all();
  // Nothing owned by the device and no CSR access of this channel under way.
  bool drained() const { return owned_.empty() && !busy_ && phase_ != Phase::kResetting; }
  bool busy() const { return busy_; }

 private:
  enum class Phase { kDown, kConfiguring, kRunning, kResetting };
  enum class Ring { kGood, kFetchFails, kWritebackFails, kBadSize };
  struct Desc {
    unsigned slot = 0;
    std::uint64_t src = 0, dst = 0;
    std::uint32_t len = 0, ctrl = 0;
    unsigned codes = 0;  // bit n: ending with error code n is right (bit 0: DONE)
    bool reads_src = false, writes_dst = false, fetched = false, overlap = false;
  };

  void configure();
  void post();
  Desc make_descriptor(unsigned slot);
  void retire();
  void poll_halt();
  void reset(bool keep_run, bool urgent);
  void poll_reset(std::uint64_t since, std::uint64_t limit, bool keep_run);
  void check_ring_head();
  void forget_ring();
  std::uint64_t slot_addr(unsigned slot) const { return ring_ + 32ull * slot; }
  unsigned mask() const { return (1u << log2_) - 1; }

  Stress& s_;
  unsigned c_;
  Arenas a_;
  std::uint64_t rings_[3] = {};  // good, fetch fails, write-back fails: 128 slots each
  std::uint64_t dst_ = 0;        // this channel's destination arena
  std::size_t dst_len_ = 0, dst_next_ = 0;
  Phase phase_ = Phase::kDown;
  Ring kind_ = Ring::kGood;
  std::uint64_t ring_ = 0, late_fetch_ = 0;
  unsigned log2_ = 1, head_ = 0, tail_ = 0;
  std::deque<Desc> owned_;  // posted and not retired, in ring order
  std::uint32_t crc_ = 0xFFFFFFFF;
  bool chain_ = false, err_seen_ = false, busy_ = false;
  unsigned err_code_ = 0;
  std::uint64_t err_at_ = 0, run_at_ = 0, next_poll_ = 0, next_post_ = 0, reset_at_ = ~0ull;
};

}  // namespace tandem::stress
