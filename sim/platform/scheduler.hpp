// Scripting a run: actions at a cycle (at_cycle) or right after an event (when). Scenarios
// inject faults with them and checkers set their deadlines.
#pragma once

#include <systemc>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "events.hpp"

namespace tandem {

class Scheduler {
 public:
  // Spawns the one process that runs at_cycle() actions (call during elaboration).
  explicit Scheduler(EventBus& events);
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // `action` runs at `cycle` (at once if that is past) in the scheduler's process, so it must
  // not wait; actions due in the same cycle run in the order they were scheduled.
  void at_cycle(std::uint64_t cycle, std::function<void()> action);
  // The run stopped: nothing ticks any more, so nothing scheduled runs (the device's cycle
  // count is frozen; an action that re-arms itself from it would be due at once, for ever).
  void stop();
  // `action` runs once, right after the first event for which `condition` holds.
  void when(std::function<bool(const Event&)> condition, std::function<void()> action);

 private:
  void run_due();
  void wake();

  EventBus& events_;
  sc_core::sc_event wakeup_;
  std::multimap<std::uint64_t, std::function<void()>> scheduled_;  // at_cycle() actions by cycle
  bool stopped_ = false;
  std::vector<EventBus::Subscription> scripted_;  // when(): lives as long as the scheduler
};

}  // namespace tandem
