// The TMR driver: a down-counting timer with a callback, and a watchdog (devices/tmr/README.md).
// Standard C++ only; the hardware only through the driver's HAL (driver/hal.hpp).
#pragma once

#include <cstdint>
#include <functional>

#include "hal.hpp"

namespace tmr {

// The value KICK must see to reload the watchdog (README.md, "Watchdog").
inline constexpr std::uint32_t kKickMagic = 0x4B1C4B1C;

enum class IrqMode { kLevel, kPulse };

struct TmrConfig {
  IrqMode mode = IrqMode::kLevel;
  unsigned timer_vector = 0;  // the platform's vectors the device's lines 0 and 1 reach
  unsigned wdog_vector = 1;
};

class TmrTimer {
 public:
  using Callback = std::function<void()>;

  TmrTimer(tce::Hal& hal, TmrConfig config) : hal_(hal), config_(config) {}
  ~TmrTimer() { remove(); }
  TmrTimer(const TmrTimer&) = delete;
  TmrTimer& operator=(const TmrTimer&) = delete;

  // Checks ID, stops both counters, clears stale events and takes both vectors (level- or
  // edge-triggered after the mode). Process context. Returns 0, -EBUSY (probed already),
  // -ENODEV (another ID: nothing written, nothing taken) or request_irq's error (unwound).
  [[nodiscard]] int probe();
  // Stops everything and gives the vectors back. Process context; idempotent.
  void remove();

  // Starts the timer afresh: `cycles` device cycles to the expiry, again every `cycles`
  // when periodic; `on_expiry` runs from the interrupt handler (interrupt context, no lock
  // held) once per expiry. Process context. Returns 0, -EINVAL (not probed, or cycles 0).
  [[nodiscard]] int start(std::uint32_t cycles, bool periodic, Callback on_expiry);
  // Stops the timer; an expiry not yet handled is dropped. Process context.
  void stop();
  // Expiries handled since probe. Any context.
  unsigned expiries() const { return expiries_; }
  // Waits, taking interrupts, until `count` expiries were handled since probe. Process
  // context. Returns 0 or -ETIMEDOUT.
  [[nodiscard]] int wait_expiries(unsigned count, std::uint64_t timeout_ns);

  // Starts the watchdog: it barks (`on_bark`, from the interrupt handler) unless kicked
  // within every `cycles` device cycles. Process context. Returns 0 or -EINVAL.
  [[nodiscard]] int wdog_enable(std::uint32_t cycles, Callback on_bark);
  void kick();          // any context
  void wdog_disable();  // process context
  unsigned barks() const { return barks_; }

  // The handlers of the two vectors (public for tests that fire them by hand). LEVEL: read
  // STATUS, clear exactly the vector's bit if set, else "not mine" (a shared line). PULSE:
  // each interrupt is one event, no register access.
  tce::IrqReturn handle(unsigned line);

 private:
  void set_ctrl(std::uint32_t set, std::uint32_t clear);
  void set_irq_enable(std::uint32_t set, std::uint32_t clear);
  void stop_line(unsigned line);

  tce::Hal& hal_;
  TmrConfig config_;
  tce::SpinLock lock_;  // guards the shadows and callbacks against the handlers
  bool probed_ = false;
  std::uint32_t ctrl_ = 0;        // what CTRL holds: written only by this driver
  std::uint32_t irq_enable_ = 0;  // the same for IRQ_ENABLE
  Callback callbacks_[2];         // per line: 0 timer, 1 watchdog
  unsigned expiries_ = 0;
  unsigned barks_ = 0;
};

}  // namespace tmr
