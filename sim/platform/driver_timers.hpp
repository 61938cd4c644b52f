// The drivers' timers, all of them, in one owner: ids unique across CPUs, each timer due on
// the CPU that started it and cancelled from any CPU by its id. Each CPU's timer thread
// waits on its own change event and takes its due timers from here.
#pragma once

#include <systemc>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <utility>

#include "hal.hpp"

namespace tandem {

class Platform;

class DriverTimers {
 public:
  DriverTimers(Platform& platform, unsigned cpus) : platform_(platform), changed_(cpus) {}
  DriverTimers(const DriverTimers&) = delete;
  DriverTimers& operator=(const DriverTimers&) = delete;

  // A timer of CPU `cpu`, started by the driver of device `device`: published as a kTimer start.
  tce::TimerId start(unsigned cpu, unsigned device, std::uint64_t delay_ns, std::function<void()> work);
  // Published as a kTimer cancel, with whether the timer was still pending.
  void cancel(tce::TimerId timer);

  // The earliest due time of CPU `cpu`'s timers (sc_max_time when it has none), and what its
  // timer thread waits on for a change of them.
  sc_core::sc_time first_due(unsigned cpu) const;
  const sc_core::sc_event& changed(unsigned cpu) const { return changed_.at(cpu); }
  // CPU `cpu`'s timers due by `now`, in start order: each published as fired, removed, and
  // its work handed to `run`.
  template <typename F>
  void take_due(unsigned cpu, const sc_core::sc_time& now, F&& run) {
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (it->second.cpu == cpu && it->second.due <= now) {
        fired(cpu, it->first);
        run(std::move(it->second.work));
        it = timers_.erase(it);
      } else {
        ++it;
      }
    }
  }
  // CPU `cpu`'s timers' due times, in start order.
  template <typename F>
  void for_each_due(unsigned cpu, F&& f) const {
    for (const auto& [id, t] : timers_) {
      if (t.cpu == cpu) f(t.due);
    }
  }

 private:
  void fired(unsigned cpu, tce::TimerId timer);

  struct Timer {
    unsigned cpu;
    sc_core::sc_time due;
    std::function<void()> work;
  };
  Platform& platform_;
  std::map<tce::TimerId, Timer> timers_;   // ids increase, so map order is start order
  std::deque<sc_core::sc_event> changed_;  // per CPU
  tce::TimerId next_ = 1;
};

}  // namespace tandem
