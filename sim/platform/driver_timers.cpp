#include "driver_timers.hpp"

#include <algorithm>

#include "platform.hpp"

namespace tandem {

tce::TimerId DriverTimers::start(unsigned cpu, unsigned device, std::uint64_t delay_ns, std::function<void()> work) {
  const tce::TimerId id = next_++;
  timers_[id] = {cpu, sc_core::sc_time_stamp() + sc_core::sc_time(static_cast<double>(delay_ns), sc_core::SC_NS),
                 std::move(work)};
  changed_.at(cpu).notify();
  Event e{EventKind::kTimer};
  e.cpu = static_cast<int>(cpu);
  e.device = device;
  e.data = id;
  e.what = kTimerStart;
  platform_.publish(e);
  return id;
}

void DriverTimers::cancel(tce::TimerId timer) {
  Event e{EventKind::kTimer};
  e.cpu = platform_.current_cpu_id();
  e.data = timer;
  e.what = kTimerCancel;
  const auto it = timers_.find(timer);
  if (it != timers_.end()) {
    e.level = true;
    changed_.at(it->second.cpu).notify();
    timers_.erase(it);
  }
  platform_.publish(e);
}

sc_core::sc_time DriverTimers::first_due(unsigned cpu) const {
  sc_core::sc_time first = sc_core::sc_max_time();
  for (const auto& [id, t] : timers_) {
    if (t.cpu == cpu) first = std::min(first, t.due);
  }
  return first;
}

void DriverTimers::fired(unsigned cpu, tce::TimerId timer) {
  Event e{EventKind::kTimer};
  e.cpu = static_cast<int>(cpu);
  e.data = timer;
  e.what = kTimerFire;
  platform_.publish(e);
}

}  // namespace tandem
