// Requests out: waiting, the interrupt's top and bottom halves, and retiring what the
// device finished.
#include "tce_device.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "tce_device_detail.hpp"

namespace tce {

// A register condition changes with no interrupt to wake a waiter (a reset draining, a
// wake-up finishing): look again every poll interval rather than only at the timeout.
int TceDevice::poll_registers(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  const std::uint64_t now = hal_.now_ns();
  const std::uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;  // saturates
  for (;;) {
    if (done()) return 0;
    const std::uint64_t t = hal_.now_ns();
    if (t >= deadline) return -ETIMEDOUT;
    (void)hal_.wait_until([] { return false; }, poll_step(deadline - t));
  }
}

// At least 1 ns, so that every look lets time pass (a device whose probe refused a zero
// interval can still be waited on).
std::uint64_t TceDevice::poll_step(std::uint64_t left_ns) const {
  return std::min(std::max<std::uint64_t>(config_.poll_interval_ns, 1), left_ns);
}

int TceDevice::wait(const CopyRequest& req, std::uint64_t timeout_ns) {
  if (config_.irq_mode == IrqMode::kPolling) {
    const std::uint64_t now = hal_.now_ns();
    const std::uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;  // saturates
    for (;;) {
      bottom_half();
      if (req.finished()) return 0;
      const std::uint64_t t = hal_.now_ns();
      if (t >= deadline) return -ETIMEDOUT;
      (void)hal_.wait_until([&req] { return req.finished(); }, poll_step(deadline - t));
    }
  }
  if (hal_.wait_until([&req] { return req.finished(); }, timeout_ns) == 0) return 0;
  // Nothing came: is the device still there?
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    if (probed_) check_removed_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
  return req.finished() ? 0 : -ETIMEDOUT;
}

IrqReturn TceDevice::top_half(unsigned vector) {
  const std::uint32_t pending =
      hal_.read32(config_.read_to_clear ? r::IRQ_STATUS_RC::kOffset : r::IRQ_PENDING::kOffset);
  if (pending == kAllOnes) {  // a removed device reads all ones: not an interrupt of ours
    {
      IrqLockGuard guard(hal_, lock_);
      check_removed_locked();
    }
    if (removed_) hal_.schedule_work([this] { bottom_half(); });
    return IrqReturn::kNone;
  }
  // Read-to-clear took every pending event already; otherwise acknowledge exactly this
  // vector's events that were seen, so one arriving after the read stays latched.
  const std::uint32_t mine = config_.read_to_clear ? pending : pending & vector_events(vector);
  if (mine == 0) {
    IrqLockGuard guard(hal_, lock_);
    ++stats_.spurious_irqs;
    return IrqReturn::kNone;
  }
  if (!config_.read_to_clear) hal_.write32(r::IRQ_STATUS::kOffset, mine);
  {
    IrqLockGuard guard(hal_, lock_);
    events_ |= mine;
  }
  hal_.schedule_work([this] { bottom_half(); });
  return IrqReturn::kHandled;
}

void TceDevice::bottom_half() {
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    const std::uint32_t events = events_;
    events_ = 0;
    if (probed_ && !removed_ && !suspended_ && !stopping_) {
      for (const auto& ring : rings_) {
        const bool check_halt =
            (events & err_event(ring->channel())) != 0 || (config_.irq_mode == IrqMode::kPolling && !ring->empty());
        retire_locked(*ring, check_halt);
      }
      kick_locked();
    }
    done = core_.take_finished();
  }
  complete(std::move(done));
}

void TceDevice::finish_locked(CopyRequest& req, int status) {
  unmap(req);
  core_.finish(req, status);
}

void TceDevice::retire_locked(TceRing& ring, bool check_halt) {
  bool progress = false;
  bool error = false;
  TceRing::Retired x{};
  std::uint32_t status = 0;
  for (;;) {
    const TceRing::Next next = ring.retire_one(&x, &status);
    if (next == TceRing::Next::kNone) break;
    if (next == TceRing::Next::kError) {
      error = true;
      break;
    }
    progress = true;
    if (x.last) {
      x.request->crc32c = x.crc;
      finish_locked(*x.request, 0);
    }
  }
  if (error || (check_halt && !ring.empty())) {  // an empty ring cannot be halted on anything
    const unsigned c = ring.channel();
    const std::uint32_t st = hal_.read32(r::CH_STATUS::offset(c));
    if (st == kAllOnes) {
      check_removed_locked();
      return;
    }
    if (error || r::get<r::CH_STATUS::HALTED>(st) != 0) {
      ++stats_.channel_errors;
      if (CopyRequest* failed = ring.at_retire()) {
        failed->err_code = static_cast<r::ErrCode>(r::get<r::CH_STATUS::ERR_CODE>(st));
        hal_.logf(LogLevel::kWarn, "channel %u: descriptor failed with error %s; resetting the channel", c,
                  r::to_string(failed->err_code));
        finish_locked(*failed, -EIO);
      }
      recover_locked(ring, false);
      return;
    }
  }
  if (progress) arm_watchdog_locked(ring, true);
}

}  // namespace tce
