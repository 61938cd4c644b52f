// One TCE channel's descriptor ring in coherent memory: where software writes descriptors
// (the tail) and where it retires the ones the device finished (in ring order).
#pragma once

#include <cstdint>
#include <vector>

#include "copy_request.hpp"
#include "hal.hpp"
#include "resources.hpp"

namespace tce {

class TceRing {
 public:
  TceRing(Hal& hal, unsigned channel, unsigned size_log2) : hal_(hal), channel_(channel), log2_(size_log2) {}

  // Allocates the ring. Returns 0, -ENOMEM.
  [[nodiscard]] int init();

  unsigned channel() const { return channel_; }
  unsigned size_log2() const { return log2_; }
  std::uint64_t bus() const { return ring_.region().bus; }
  unsigned tail() const { return tail_; }
  unsigned capacity() const { return (1u << log2_) - 1; }  // one slot stays empty: full != empty
  unsigned free_slots() const { return capacity() - used(); }
  bool empty() const { return used() == 0; }

  // Writes the request's descriptors at the tail (the caller checked the space) and hands
  // them to the device's view of memory. The doorbell is the caller's.
  void place(CopyRequest& r, std::uint16_t* next_tag);

  struct Retired {
    CopyRequest* request;
    bool last;          // the request's last descriptor
    std::uint32_t crc;  // its CRC word
  };
  enum class Next { kNone, kRetired, kError };
  // Looks at the descriptor at the retire index: kRetired (done, moved past it), kError
  // (the device marked it failed, or it carries another descriptor's tag: left in place),
  // or kNone (not finished yet).
  Next retire_one(Retired* out, std::uint32_t* status);
  // The request whose descriptor is at the retire index (nullptr if empty).
  CopyRequest* at_retire() const;

  // Empties the ring after a channel reset (the device's HEAD and TAIL are 0 again).
  // Returns the unfinished requests that had descriptors on it, oldest first, once each.
  std::vector<CopyRequest*> reset();

 private:
  struct Slot {
    CopyRequest* request = nullptr;
    std::uint16_t tag = 0;
    bool last = false;
  };
  unsigned used() const { return (tail_ - retire_) & ((1u << log2_) - 1); }

  Hal& hal_;
  unsigned channel_;
  unsigned log2_;
  DmaBuffer ring_;
  std::vector<Slot> slots_;
  unsigned tail_ = 0;
  unsigned retire_ = 0;
};

}  // namespace tce
