// The drivers' timers as the platform knows them: ids unique across CPUs, and cancellation
// from any CPU of a timer pending on the CPU that started it.
#pragma once

#include "hal.hpp"

namespace tandem {

class Platform;

class DriverTimers {
 public:
  explicit DriverTimers(Platform& platform) : platform_(platform) {}
  DriverTimers(const DriverTimers&) = delete;
  DriverTimers& operator=(const DriverTimers&) = delete;

  tce::TimerId next_id() { return next_++; }
  // Published as a kTimer cancel, with whether the timer was still pending.
  void cancel(tce::TimerId timer);

 private:
  Platform& platform_;
  tce::TimerId next_ = 1;
};

}  // namespace tandem
