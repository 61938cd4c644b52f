// The device's life: probe (identify, size, allocate, program), the registers it
// programs, and removal.
#include "tce_device.hpp"

#include <cerrno>

#include "tce_device_detail.hpp"

namespace tce {

TceDevice::TceDevice(Hal& hal, const DeviceConfig& config) : hal_(hal), config_(config) {}

TceDevice::~TceDevice() {
  remove();
}

int TceDevice::probe() {
  if (probed_) return -EBUSY;
  // A zero poll interval or flush period would let a poll or the flush timer run again at the
  // same instant, for ever.
  if (config_.ring_log2 < 1 || config_.ring_log2 > 12 || config_.max_channels == 0 || config_.poll_interval_ns == 0 ||
      config_.flush_ns == 0) {
    return -EINVAL;
  }

  const std::uint32_t id = hal_.read32(r::ID::kOffset);
  if (id == kAllOnes) {
    hal_.log(LogLevel::kError, "probe: ID reads all ones: device removed or not present");
    return -ENODEV;
  }
  const std::uint32_t version = hal_.read32(r::VERSION::kOffset);
  const IdEntry* entry = match_id(static_cast<std::uint16_t>(r::get<r::ID::VENDOR>(id)),
                                  static_cast<std::uint16_t>(r::get<r::ID::DEVICE>(id)),
                                  static_cast<std::uint8_t>(r::get<r::VERSION::REVISION>(version)));
  if (entry == nullptr) {
    hal_.logf(LogLevel::kError, "probe: ID 0x%08x is not a device this driver drives", static_cast<unsigned>(id));
    return -ENODEV;
  }
  quirks_ = entry->quirks;
  info_.name = entry->name;
  info_.revision = r::get<r::VERSION::REVISION>(version);
  const std::uint32_t caps = hal_.read32(r::CAPS::kOffset);
  info_.vectors = r::get<r::CAPS::VECTORS>(caps);
  info_.crc = r::get<r::CAPS::CRC32C>(caps) != 0;

  // Start from a known state, whatever a previous owner left.
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::SOFT_RESET>(1));
  int rc = poll_registers([this] { return r::get<r::STATUS::RESET_BUSY>(hal_.read32(r::STATUS::kOffset)) == 0; },
                          kResetTimeoutNs);
  if (rc != 0) {
    hal_.log(LogLevel::kError, "probe: soft reset did not finish");
    return rc;
  }

  unsigned channels = r::get<r::CAPS::CHANNELS>(caps);
  if (quirks_.caps_channels_unreliable) channels = count_channels_e1(channels);
  channels = std::min({channels, config_.max_channels, r::kMaxChannels});
  if (channels == 0 || info_.vectors == 0) {
    hal_.log(LogLevel::kError, "probe: the device reports no channel or no interrupt vector");
    return -ENODEV;
  }
  info_.channels = channels;

  std::vector<std::unique_ptr<TceRing>> rings;
  for (unsigned c = 0; c < channels; ++c) {
    rings.push_back(std::make_unique<TceRing>(hal_, c, config_.ring_log2));
    if ((rc = rings.back()->init()) != 0) return rc;  // owners release what exists so far
  }
  std::vector<IrqRegistration> irqs;
  if (config_.irq_mode != IrqMode::kPolling) {
    const Trigger trigger = config_.irq_mode == IrqMode::kPulse ? Trigger::kEdgeRising : Trigger::kLevelHigh;
    for (unsigned v = 0; v < std::min(info_.vectors, channels); ++v) {
      if ((rc = hal_.request_irq(v, trigger, [this, v] { return top_half(v); })) != 0) return rc;
      irqs.emplace_back(hal_, v);
    }
  }

  rings_ = std::move(rings);
  irqs_ = std::move(irqs);
  IrqLockGuard guard(hal_, lock_);
  watchdogs_.assign(channels, 0);
  stalls_.assign(channels, 0);
  removed_ = suspended_ = suspending_ = stopping_ = false;
  probed_ = true;
  program_locked();
  return 0;
}

// E1: CAPS says 4 whatever is there, and absent channels read 0: a channel exists if its
// RING_SIZE_LOG2 keeps what was written.
int TceDevice::count_channels_e1(unsigned reported) {
  for (unsigned c = 0; c < reported; ++c) {
    hal_.write32(r::RING_SIZE_LOG2::offset(c), 1);
    const std::uint32_t back = hal_.read32(r::RING_SIZE_LOG2::offset(c));
    hal_.write32(r::RING_SIZE_LOG2::offset(c), r::RING_SIZE_LOG2::kReset);
    if (back != 1) return static_cast<int>(c);
  }
  return static_cast<int>(reported);
}

std::uint32_t TceDevice::channel_events() const {
  std::uint32_t events = 0;
  for (unsigned c = 0; c < info_.channels; ++c) events |= done_event(c) | err_event(c);
  return events;
}

std::uint32_t TceDevice::vector_events(unsigned vector) const {
  std::uint32_t events = 0;
  const unsigned vectors = std::max<unsigned>(1, static_cast<unsigned>(irqs_.size()));
  for (unsigned c = 0; c < info_.channels; ++c) {
    if (c % vectors == vector) events |= done_event(c) | err_event(c);
  }
  return events;
}

// Writes the whole configuration; registers already at their reset value after a reset
// are left alone.
void TceDevice::program_locked() {
  for (const auto& ring : rings_) {
    const unsigned c = ring->channel();
    hal_.write32(r::RING_BASE_LO::offset(c), static_cast<std::uint32_t>(ring->bus()));
    hal_.write32(r::RING_BASE_HI::offset(c), static_cast<std::uint32_t>(ring->bus() >> 32));
    hal_.write32(r::RING_SIZE_LOG2::offset(c), ring->size_log2());
  }
  if (config_.irq_mode != IrqMode::kPolling) {
    const auto vectors = static_cast<unsigned>(irqs_.size());
    if (vectors > 1) {
      std::uint32_t map = 0;
      for (unsigned c = 0; c < info_.channels; ++c) {
        // Both events of channel c signal vector c % vectors.
        map |= r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_DONE::lsb(c), c % vectors) |
               r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_ERR::lsb(c), c % vectors);
      }
      hal_.write32(r::IRQ_VEC_MAP::kOffset, map);
    }
    if (config_.irq_mode == IrqMode::kPulse) hal_.write32(r::IRQ_MODE::kOffset, (1u << vectors) - 1);
    if (config_.coalesce_count > 1 || config_.coalesce_timer_cycles != 0) {
      // E2: the device's timer never fires; the driver flushes by itself instead.
      const std::uint32_t timer = quirks_.coalesce_timer_broken ? 0 : config_.coalesce_timer_cycles;
      for (unsigned v = 0; v < vectors; ++v) {
        hal_.write32(r::IRQ_COALESCE::offset(v),
                     r::put<r::IRQ_COALESCE::COUNT>(config_.coalesce_count) | r::put<r::IRQ_COALESCE::TIMER>(timer));
      }
    }
    hal_.write32(r::IRQ_ENABLE::kOffset, channel_events());
  }
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::ENABLE>(1) | r::put<r::CTRL::BUS_MASTER>(1));
  for (const auto& ring : rings_) hal_.write32(r::CH_CTRL::offset(ring->channel()), r::put<r::CH_CTRL::RUN>(1));
}

// The device may still be reading and writing the requests' buffers and the rings: it is
// stopped and seen idle before anything it could reach is unmapped or freed, and no handler
// runs any more before the requests are failed.
void TceDevice::remove() {
  if (!probed_) return;
  bool live = false;
  {
    IrqLockGuard guard(hal_, lock_);
    stopping_ = true;  // nothing goes onto a ring any more, no channel is restarted
    live = !removed_ && !suspended_;
    if (live) {
      for (const auto& ring : rings_) hal_.write32(r::CH_CTRL::offset(ring->channel()), r::put<r::CH_CTRL::RESET>(1));
    }
  }
  if (live) {
    // A busy channel's reset waits for its bursts to drain (RESET_BUSY meanwhile).
    const int rc = poll_registers(
        [this] {
          const std::uint32_t st = hal_.read32(r::STATUS::kOffset);
          return st == kAllOnes || (r::get<r::STATUS::IDLE>(st) != 0 && r::get<r::STATUS::RESET_BUSY>(st) == 0);
        },
        kResetTimeoutNs);
    if (rc != 0) hal_.log(LogLevel::kError, "remove: the channels did not go idle; stopping bus mastering anyway");
    hal_.write32(r::IRQ_ENABLE::kOffset, 0);
    hal_.write32(r::CTRL::kOffset, 0);
  }
  while (!irqs_.empty()) irqs_.pop_back();  // free_irq waits for a handler still running
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    fail_everything_locked(-ENODEV);  // unmaps the requests' buffers
    probed_ = false;
    done = core_.take_finished();
  }
  complete(std::move(done));
  while (!rings_.empty()) rings_.pop_back();
}

}  // namespace tce
