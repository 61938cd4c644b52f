#include "tmr_timer.hpp"

#include <cerrno>

#include "tmr_regs.hpp"

namespace tmr {

using tce::IrqLockGuard;
using tce::IrqReturn;
using tce::LogLevel;

namespace {

constexpr std::uint32_t kExpectedId =
    reg::put<reg::ID::VENDOR>(reg::kVendorId) | reg::put<reg::ID::DEVICE>(reg::kDeviceId);
// Line l's STATUS and IRQ_ENABLE bit: 0 the timer (EXPIRED), 1 the watchdog (BARK).
constexpr std::uint32_t kLineBit[2] = {reg::STATUS::EXPIRED::kMask, reg::STATUS::BARK::kMask};

}  // namespace

int TmrTimer::probe() {
  if (probed_) return -EBUSY;
  const std::uint32_t id = hal_.read32(reg::ID::kOffset);
  if (id != kExpectedId) {
    hal_.logf(LogLevel::kError, "tmr probe: ID 0x%08x is not a TMR", static_cast<unsigned>(id));
    return -ENODEV;
  }
  ctrl_ = config_.mode == IrqMode::kPulse ? reg::CTRL::IRQ_MODE::kMask : 0;
  irq_enable_ = 0;
  hal_.write32(reg::CTRL::kOffset, ctrl_);
  hal_.write32(reg::IRQ_ENABLE::kOffset, 0);
  hal_.write32(reg::STATUS::kOffset, kLineBit[0] | kLineBit[1]);  // events from before us
  const tce::Trigger trigger = config_.mode == IrqMode::kPulse ? tce::Trigger::kEdgeRising : tce::Trigger::kLevelHigh;
  int rc = hal_.request_irq(config_.timer_vector, trigger, [this] { return handle(0); });
  if (rc != 0) return rc;
  rc = hal_.request_irq(config_.wdog_vector, trigger, [this] { return handle(1); });
  if (rc != 0) {
    hal_.free_irq(config_.timer_vector);
    return rc;
  }
  probed_ = true;
  return 0;
}

void TmrTimer::remove() {
  if (!probed_) return;
  ctrl_ = irq_enable_ = 0;
  hal_.write32(reg::CTRL::kOffset, 0);
  hal_.write32(reg::IRQ_ENABLE::kOffset, 0);
  hal_.free_irq(config_.wdog_vector);
  hal_.free_irq(config_.timer_vector);
  probed_ = false;
}

void TmrTimer::set_ctrl(std::uint32_t set, std::uint32_t clear) {
  ctrl_ = (ctrl_ & ~clear) | set;
  hal_.write32(reg::CTRL::kOffset, ctrl_);
}

void TmrTimer::set_irq_enable(std::uint32_t set, std::uint32_t clear) {
  irq_enable_ = (irq_enable_ & ~clear) | set;
  hal_.write32(reg::IRQ_ENABLE::kOffset, irq_enable_);
}

// Silences a line: no interrupt from it, its callback gone, its stale event cleared.
void TmrTimer::stop_line(unsigned line) {
  IrqLockGuard guard(hal_, lock_);
  set_irq_enable(0, kLineBit[line]);
  hal_.write32(reg::STATUS::kOffset, kLineBit[line]);
  callbacks_[line] = nullptr;
}

int TmrTimer::start(std::uint32_t cycles, bool periodic, Callback on_expiry) {
  if (!probed_ || cycles == 0) return -EINVAL;
  stop();  // a start is always afresh: ENABLE must rise to load LOAD
  IrqLockGuard guard(hal_, lock_);
  callbacks_[0] = std::move(on_expiry);
  hal_.write32(reg::LOAD::kOffset, cycles);
  set_irq_enable(kLineBit[0], 0);
  const std::uint32_t mode = periodic ? reg::CTRL::PERIODIC::kMask : 0;
  set_ctrl(reg::CTRL::ENABLE::kMask | mode, reg::CTRL::PERIODIC::kMask);
  return 0;
}

void TmrTimer::stop() {
  if (!probed_) return;
  {
    IrqLockGuard guard(hal_, lock_);
    set_ctrl(0, reg::CTRL::ENABLE::kMask | reg::CTRL::PERIODIC::kMask);
  }
  stop_line(0);
}

int TmrTimer::wait_expiries(unsigned count, std::uint64_t timeout_ns) {
  return hal_.wait_until([this, count] { return expiries_ >= count; }, timeout_ns);
}

int TmrTimer::wdog_enable(std::uint32_t cycles, Callback on_bark) {
  if (!probed_ || cycles == 0) return -EINVAL;
  IrqLockGuard guard(hal_, lock_);
  callbacks_[1] = std::move(on_bark);
  hal_.write32(reg::WDOG_LOAD::kOffset, cycles);
  set_irq_enable(kLineBit[1], 0);
  set_ctrl(reg::CTRL::WDOG_EN::kMask, 0);
  return 0;
}

void TmrTimer::kick() {
  hal_.write32(reg::KICK::kOffset, kKickMagic);
}

void TmrTimer::wdog_disable() {
  if (!probed_) return;
  {
    IrqLockGuard guard(hal_, lock_);
    set_ctrl(0, reg::CTRL::WDOG_EN::kMask);
  }
  stop_line(1);
}

IrqReturn TmrTimer::handle(unsigned line) {
  Callback callback;
  {
    IrqLockGuard guard(hal_, lock_);
    if (config_.mode == IrqMode::kLevel) {
      // Only this line's bit: the other line's handler acknowledges its own.
      const std::uint32_t mine = hal_.read32(reg::STATUS::kOffset) & kLineBit[line];
      if (mine == 0) return IrqReturn::kNone;
      hal_.write32(reg::STATUS::kOffset, mine);
    }
    ++(line == 0 ? expiries_ : barks_);
    callback = callbacks_[line];
  }
  if (callback) callback();  // no lock held: the callback may call back into the driver
  hal_.wake_all();
  return IrqReturn::kHandled;
}

}  // namespace tmr
