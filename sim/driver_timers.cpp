#include "driver_timers.hpp"

#include "platform.hpp"

namespace tandem {

void DriverTimers::cancel(tce::TimerId timer) {
  Event e{EventKind::kTimer};
  e.cpu = platform_.current_cpu_id();
  e.data = timer;
  e.what = kTimerCancel;
  for (unsigned i = 0; i < platform_.cpus(); ++i) {
    if (platform_.cpu(i).erase_timer(timer)) {
      e.level = true;
      break;
    }
  }
  platform_.publish(e);
}

}  // namespace tandem
