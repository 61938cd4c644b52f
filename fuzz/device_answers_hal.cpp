#include "device_answers_hal.hpp"

#include "tce_regs.hpp"

namespace tce::fuzz {
namespace {

namespace r = tce::reg;

// One read in this many answers a value of the input's choosing instead of the sane one:
// rare enough that a probe still succeeds on most inputs.
constexpr std::uint8_t kWildAbove = 0xE0;

}  // namespace

std::uint32_t DeviceAnswersHal::written(std::uint32_t offset) const {
  auto it = regs_.find(offset);
  return it == regs_.end() ? 0 : it->second;
}

std::uint32_t DeviceAnswersHal::sane(std::uint32_t offset) {
  if (offset == r::ID::kOffset) return (std::uint32_t{r::kVendorId} << 16) | r::kDeviceId;
  if (offset == r::VERSION::kOffset) return revision_;
  if (offset == r::CAPS::kOffset) return caps_;
  if (offset == r::STATUS::kOffset) return wedged_ ? r::STATUS::RESET_BUSY::kMask : r::STATUS::IDLE::kMask;
  if (offset == r::IRQ_PENDING::kOffset) return pending_ & written(r::IRQ_ENABLE::kOffset);
  if (offset == r::IRQ_STATUS_RC::kOffset) {
    const std::uint32_t seen = pending_ & written(r::IRQ_ENABLE::kOffset);
    pending_ &= ~seen;
    return seen;
  }
  if (offset == r::PM_STATUS::kOffset) {
    if (wedged_) return r::PM_STATUS::TRANSITION_BUSY::kMask | r::put<r::PM_STATUS::STATE>(3);
    return r::put<r::PM_STATUS::STATE>(written(r::PM_CTRL::kOffset) & 3);
  }
  for (unsigned c = 0; c < ch_status_.size(); ++c) {
    if (offset == r::CH_STATUS::offset(c)) return ch_status_[c];
  }
  return written(offset);
}

std::uint32_t DeviceAnswersHal::read32(std::uint32_t offset) {
  if (unplugged_) return 0xFFFFFFFFu;
  const std::uint32_t value = sane(offset);
  return input_.ConsumeIntegral<std::uint8_t>() >= kWildAbove ? input_.ConsumeIntegral<std::uint32_t>() : value;
}

void DeviceAnswersHal::write32(std::uint32_t offset, std::uint32_t value) {
  if (offset == r::IRQ_STATUS::kOffset) {
    pending_ &= ~value;  // W1C
    return;
  }
  for (unsigned c = 0; c < ch_status_.size(); ++c) {
    if (offset == r::CH_CTRL::offset(c) && (value & r::CH_CTRL::RESET::kMask) != 0) ch_status_[c] = 0;
  }
  regs_[offset] = value;
}

void DeviceAnswersHal::raise(std::uint32_t events, unsigned channel, std::uint32_t ch_status) {
  pending_ |= events;
  ch_status_[channel % ch_status_.size()] = ch_status;
}

unsigned char* DeviceAnswersHal::ring(unsigned channel) const {
  const std::uint64_t bus =
      written(r::RING_BASE_LO::offset(channel)) | std::uint64_t{written(r::RING_BASE_HI::offset(channel))} << 32;
  return cpu_of(bus);
}

unsigned DeviceAnswersHal::ring_slots(unsigned channel) const {
  const std::uint32_t log2 = written(r::RING_SIZE_LOG2::offset(channel));
  return log2 >= 1 && log2 <= 12 ? 1u << log2 : 0;
}

}  // namespace tce::fuzz
