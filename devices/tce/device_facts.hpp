// What the platform reads off one TCE's bus traffic, to publish as events of their own:
// which ring slot a read burst of 32 bytes fetched (from the ring bases and sizes the
// driver wrote), and the device's power state as PM_STATUS reads show it.
#pragma once

#include <array>
#include <cstdint>

namespace tandem {

class DeviceFacts {
 public:
  // A CSR access that answered OKAY. True when it showed a power state other than the last
  // one seen (then in *state).
  bool csr_access(bool write, std::uint32_t offset, std::uint32_t data, unsigned* state);
  // A memory read burst. True when it fetched a descriptor: ring `*channel`, slot `*index`.
  bool descriptor_fetch(std::uint64_t addr, std::uint64_t bytes, unsigned* channel, unsigned* index) const;

 private:
  struct Ring {
    std::uint64_t base = 0;
    unsigned log2 = 0;  // 0: not configured
  };
  std::array<Ring, 4> rings_{};
  unsigned pm_state_ = 0;  // D0 out of reset
};

}  // namespace tandem
