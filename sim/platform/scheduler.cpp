#include "scheduler.hpp"

#include <memory>

#include "engine.hpp"

namespace tandem {

// One long-lived process runs every at_cycle() action: a process spawned per action would
// cost memory for every one of them (SystemC keeps each spawned process's name).
Scheduler::Scheduler(EventBus& events) : events_(events) {
  sc_core::sc_spawn([this] { run_due(); }, "platform_scheduler");
}

void Scheduler::at_cycle(std::uint64_t cycle, std::function<void()> action) {
  if (stopped_) return;
  const bool earliest = scheduled_.empty() || cycle < scheduled_.begin()->first;
  scheduled_.emplace(cycle, std::move(action));  // after those already due in the same cycle
  if (earliest) wake();
}

void Scheduler::stop() {
  stopped_ = true;
  scheduled_.clear();  // safe from inside an action: run_due erased it before calling it
  wakeup_.cancel();
}

void Scheduler::wake() {
  wakeup_.cancel();
  wakeup_.notify(until_cycle(scheduled_.begin()->first));
}

void Scheduler::run_due() {
  for (;;) {
    sc_core::wait(wakeup_);
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    while (!scheduled_.empty() && time_of_cycle(scheduled_.begin()->first) <= now) {
      std::function<void()> action = std::move(scheduled_.begin()->second);
      scheduled_.erase(scheduled_.begin());
      action();
    }
    if (!scheduled_.empty()) wake();
  }
}

void Scheduler::when(std::function<bool(const Event&)> condition, std::function<void()> action) {
  auto fired = std::make_shared<bool>(false);
  scripted_.push_back(
      events_.subscribe([fired, condition = std::move(condition), action = std::move(action)](const Event& e) {
        if (*fired || !condition(e)) return;
        *fired = true;
        action();
      }));
}

}  // namespace tandem
