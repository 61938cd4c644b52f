// When the device does not finish: channel resets, the watchdog, the erratum's flush
// timer, surprise removal, and handing completions back.
#include "tce_device.hpp"

#include <cerrno>

#include "tce_device_detail.hpp"

namespace tce {

// Resets the channel and puts its unfinished requests back on the empty ring in their
// order. After a timeout each counts a retry, and one past the limit fails instead.
void TceDevice::recover_locked(TceRing& ring, bool timed_out) {
  const unsigned c = ring.channel();
  const std::vector<CopyRequest*> unfinished = ring.reset();
  hal_.write32(r::CH_CTRL::offset(c), r::put<r::CH_CTRL::RESET>(1) | r::put<r::CH_CTRL::RUN>(1));
  bool placed = false;
  for (CopyRequest* req : unfinished) {
    if (timed_out && ++req->retries_ > config_.max_retries) {
      finish_locked(*req, -ETIMEDOUT);
      continue;
    }
    ring.place(*req, &next_tag_);
    ++stats_.reissued;
    placed = true;
  }
  if (placed) {
    hal_.wmb();
    hal_.write32(r::RING_TAIL::offset(c), ring.tail());
  }
  arm_watchdog_locked(ring, true);
}

void TceDevice::check_removed_locked() {
  if (removed_) return;
  if (hal_.read32(r::ID::kOffset) != kAllOnes) return;
  hal_.log(LogLevel::kError, "the device is gone (ID reads all ones): failing its requests with -ENODEV");
  removed_ = true;
  fail_everything_locked(-ENODEV);
}

void TceDevice::fail_everything_locked(int status) {
  for (const auto& ring : rings_) ring->reset();
  for (CopyRequest* req : core_.fail_all(status)) unmap(*req);
  for (TimerId& t : watchdogs_) {
    hal_.cancel_timer(t);
    t = 0;
  }
  hal_.cancel_timer(flush_timer_);
  flush_timer_ = 0;
}

void TceDevice::arm_watchdog_locked(TceRing& ring, bool restart) {
  TimerId& timer = watchdogs_[ring.channel()];
  if (timer != 0 && (restart || ring.empty())) {
    hal_.cancel_timer(timer);
    timer = 0;
  }
  if (timer != 0 || ring.empty() || removed_) return;
  const unsigned c = ring.channel();
  timer = hal_.start_timer(config_.watchdog_ns, [this, c] { watchdog_fired(c); });
}

void TceDevice::watchdog_fired(unsigned c) {
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    watchdogs_[c] = 0;
    if (!probed_ || removed_ || suspended_ || stopping_) return;
    TceRing& ring = *rings_[c];
    retire_locked(ring, true);  // what finished without an interrupt completes here
    if (!removed_ && watchdogs_[c] == 0 && !ring.empty()) {
      ++stats_.watchdog_resets;
      hal_.logf(LogLevel::kWarn, "channel %u: no progress for %llu ns; resetting and re-issuing", c,
                static_cast<unsigned long long>(config_.watchdog_ns));
      recover_locked(ring, true);
    }
    kick_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
}

// E2: with coalescing by count only, completions short of the count would wait for ever;
// the driver looks for them itself every flush_ns while work is on a ring.
void TceDevice::arm_flush_locked() {
  if (!quirks_.coalesce_timer_broken || config_.coalesce_count <= 1 || flush_timer_ != 0 ||
      config_.irq_mode == IrqMode::kPolling) {
    return;
  }
  flush_timer_ = hal_.start_timer(config_.flush_ns, [this] {
    {
      IrqLockGuard guard(hal_, lock_);
      flush_timer_ = 0;
      // A halt held back by the count is found here too: one whose descriptor got no STATUS
      // write-back (a failed fetch or write-back) shows only in CH_STATUS.
      for (unsigned c = 0; c < info_.channels; ++c) events_ |= err_event(c);
    }
    bottom_half();
    IrqLockGuard guard(hal_, lock_);
    const bool busy = std::any_of(rings_.begin(), rings_.end(), [](const auto& ring) { return !ring->empty(); });
    if (busy && probed_ && !removed_ && !stopping_) arm_flush_locked();
  });
}

// By value: every caller hands over (moves) the list it collected under its lock.
void TceDevice::complete(std::vector<CopyRequest*> done) {  // NOLINT(performance-unnecessary-value-param)
  if (done.empty()) return;
  RequestCore::run_completions(done);
  hal_.wake_all();
}

}  // namespace tce
