// Suspend and resume: the device is drained, and its configuration written again on wake.
#include "tce_device.hpp"

#include <cerrno>

#include "tce_device_detail.hpp"

namespace tce {

int TceDevice::suspend() {
  if (!probed_ || removed_) return -ENODEV;
  if (suspended_) return 0;
  {
    IrqLockGuard guard(hal_, lock_);
    suspending_ = true;  // new work stays in the software queue
  }
  auto drained = [this] {
    IrqLockGuard guard(hal_, lock_);
    return std::all_of(rings_.begin(), rings_.end(), [](const auto& ring) { return ring->empty(); });
  };
  auto give_up = [this](const char* why) {
    hal_.log(LogLevel::kWarn, why);
    std::vector<CopyRequest*> done;
    {
      IrqLockGuard guard(hal_, lock_);
      suspending_ = false;
      kick_locked();
      done = core_.take_finished();
    }
    complete(std::move(done));
    return -EBUSY;
  };
  if (hal_.wait_until(drained, config_.pm_timeout_ns) != 0) return give_up("suspend: the rings did not drain");

  // D3 loses the device's context: resume() programs it again, as probe() did.
  hal_.write32(r::PM_CTRL::kOffset, r::put<r::PM_CTRL::STATE>(static_cast<std::uint32_t>(r::PmState::kD3)));
  const std::uint32_t pm = hal_.read32(r::PM_STATUS::kOffset);
  if (r::get<r::PM_STATUS::PM_REFUSED>(pm) != 0 ||
      r::get<r::PM_STATUS::STATE>(pm) != static_cast<std::uint32_t>(r::PmState::kD3)) {
    return give_up("suspend: the device refused D3");
  }
  IrqLockGuard guard(hal_, lock_);
  suspended_ = true;
  suspending_ = false;
  return 0;
}

int TceDevice::resume() {
  if (!probed_ || removed_) return -ENODEV;
  if (!suspended_) return 0;
  hal_.write32(r::PM_CTRL::kOffset, r::put<r::PM_CTRL::STATE>(static_cast<std::uint32_t>(r::PmState::kD0)));
  const int rc = poll_registers(
      [this] {
        const std::uint32_t pm = hal_.read32(r::PM_STATUS::kOffset);
        return r::get<r::PM_STATUS::STATE>(pm) == static_cast<std::uint32_t>(r::PmState::kD0) &&
               r::get<r::PM_STATUS::TRANSITION_BUSY>(pm) == 0;
      },
      config_.pm_timeout_ns);
  if (rc != 0) {
    hal_.log(LogLevel::kError, "resume: the device did not reach D0");
    return rc;
  }
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    program_locked();
    hal_.write32(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::PM_DONE::kMask);  // the wake-up's own event
    for (const auto& ring : rings_) ring->reset();                        // empty when suspended; HEAD = TAIL = 0 now
    suspended_ = false;
    kick_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
  return 0;
}

}  // namespace tce
