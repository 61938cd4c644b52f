// Who owns each descriptor slot of every ring, from what the bus shows: a RING_TAIL
// doorbell hands the slots from the previous tail up to it to the device; the device hands
// one back with the STATUS write-back of the descriptor it fetched there (or when a
// RING_HEAD read shows HEAD past it); a channel reset, a soft reset, D3 or a new ring
// configuration hands back them all. A write-back still draining from before a channel
// reset belongs to no fetch since, and returns nothing. Knows nothing of the platform, so
// that it can be driven by synthetic events in a unit test.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace tandem {

struct DescSlot {
  unsigned device = 0;
  unsigned channel = 0;
  unsigned index = 0;
  std::uint64_t addr = 0;       // bus address of the slot
  std::uint64_t published = 0;  // the cycle of the doorbell that handed it to the device
};

// A RING_TAIL write on a configured ring, and what it published.
struct Doorbell {
  unsigned channel = 0;
  unsigned old_tail = 0;
  unsigned tail = 0;
  unsigned left_out = 0;  // slots the CPU wrote since the last doorbell that this one does not publish
  bool overfull = false;  // every slot is the device's: TAIL == HEAD, which the device reads as empty
};

class DescLedger {
 public:
  static constexpr std::uint64_t kSlotBytes = 32;

  // A register write that answered OKAY; a doorbell is returned.
  std::optional<Doorbell> csr_write(unsigned device, std::uint32_t offset, std::uint32_t value, std::uint64_t cycle);
  // The CPU wrote [addr, addr + len): the device-owned slots it touched; the others count
  // as written for the next doorbell.
  std::vector<DescSlot> cpu_write(std::uint64_t addr, std::uint64_t len);
  // A register read that answered OKAY.
  void csr_read(unsigned device, std::uint32_t offset, std::uint32_t value);
  // The device fetched slot `index` of the channel (a slot it owns: see owned()).
  void device_fetch(unsigned device, unsigned channel, unsigned index);
  // The device wrote [addr, addr + len): the STATUS write-back of a fetched slot returns it.
  void device_write(unsigned device, std::uint64_t addr, std::uint64_t len);
  // Everything of the device back to its reset state (soft reset, D3).
  void reset_device(unsigned device);
  // Coherent memory at `bus` was freed: a ring there is gone.
  void freed(unsigned device, std::uint64_t bus);

  // The device-owned slots that [addr, addr + len) touches, on any device.
  std::vector<DescSlot> owned_in(std::uint64_t addr, std::uint64_t len) const;
  // The first slot of a configured ring that [addr, addr + len) touches, if any.
  std::optional<DescSlot> slot_at(std::uint64_t addr, std::uint64_t len) const;
  // Whether the channel has a ring (a base and a valid size written since the last reset).
  bool configured(unsigned device, unsigned channel) const;
  // Whether slot `index` of the channel is the device's now.
  bool owned(unsigned device, unsigned channel, unsigned index) const;

 private:
  struct Ring {
    std::uint64_t base = 0;
    unsigned log2 = 0;                 // 0: not configured
    unsigned tail = 0;                 // as the CPU last wrote it
    std::vector<std::uint64_t> owned;  // per slot: the publishing doorbell's cycle + 1, or 0
    std::vector<bool> fetched;         // per slot: fetched since it was published
    std::vector<bool> written;         // per slot: written by the CPU since the last doorbell
    unsigned size() const { return log2 >= 1 && log2 <= 12 ? 1u << log2 : 0; }
    bool overlaps(std::uint64_t addr, std::uint64_t len) const {
      const std::uint64_t bytes = std::uint64_t{size()} * kSlotBytes;
      return bytes != 0 && addr < base + bytes && addr + len > base;
    }
    void release_all() {
      owned.assign(size(), 0);
      fetched.assign(size(), false);
      written.assign(size(), false);
    }
    void release(unsigned i) {
      owned[i] = 0;
      fetched[i] = false;
    }
  };
  using Rings = std::array<Ring, 4>;
  Rings& rings(unsigned device) { return devices_[device]; }

  std::map<unsigned, Rings> devices_;
};

}  // namespace tandem
