// The strict mock HAL with a TCE behind its registers whose answers come from the fuzz
// input: a register read answers what a sane device would (the ID, the configuration the
// driver wrote, IDLE, D0/D3 as asked), or, when the input says so, any 32-bit value. The
// mock's own strictness stays: only its buffers map, every unmap and free must match, locks
// are checked, and it counts what the driver still holds.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstdint>
#include <map>

#include "testing/mock_hal.hpp"

namespace tce::fuzz {

class DeviceAnswersHal : public testing::MockHal {
 public:
  DeviceAnswersHal(FuzzedDataProvider& input, unsigned revision, std::uint32_t caps)
      : input_(input), revision_(revision), caps_(caps) {}

  std::uint32_t read32(std::uint32_t offset) override;
  void write32(std::uint32_t offset, std::uint32_t value) override;

  // The device raises events: IRQ_STATUS bits and a channel's CH_STATUS.
  void raise(std::uint32_t events, unsigned channel, std::uint32_t ch_status);
  // Surprise removal: every read answers all ones from now on.
  void unplug() { unplugged_ = true; }
  // A wedged device: from now on it stays busy (a reset never drains, a power transition
  // never ends), so only the driver's own time bounds end its waits.
  void wedge() { wedged_ = true; }
  // Channel c's ring as the driver programmed it (nullptr before), and its size.
  unsigned char* ring(unsigned channel) const;
  unsigned ring_slots(unsigned channel) const;

 private:
  std::uint32_t sane(std::uint32_t offset);
  std::uint32_t written(std::uint32_t offset) const;

  FuzzedDataProvider& input_;
  unsigned revision_;
  std::uint32_t caps_;
  bool unplugged_ = false;
  bool wedged_ = false;
  std::uint32_t pending_ = 0;
  std::array<std::uint32_t, 4> ch_status_{};
  std::map<std::uint32_t, std::uint32_t> regs_;  // what the driver wrote, by offset
};

}  // namespace tce::fuzz
