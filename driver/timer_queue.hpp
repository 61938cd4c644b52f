// The timers of a HAL that runs them itself (the mock's simulated time, the memory-mapped
// HAL's wait loop): each due at a time in nanoseconds, taken earliest first, in start order
// among timers due at the same time. Not thread-safe: its HAL guards it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "hal.hpp"

namespace tce {

class TimerQueue {
 public:
  struct Timer {
    std::uint64_t due_ns;
    std::function<void()> work;
  };

  // A timer due at `due_ns`: its id, for cancel().
  TimerId start(std::uint64_t due_ns, std::function<void()> work) {
    const TimerId id = next_++;
    timers_[id] = {due_ns, std::move(work)};
    return id;
  }
  // Whether it was still pending (a timer that ran or was cancelled is gone).
  bool cancel(TimerId id) { return timers_.erase(id) != 0; }

  // The earliest timer due by `now_ns`, taken out of the queue; none when no timer is due.
  // Its work may start timers again: take the next one after running it.
  std::optional<Timer> take_due(std::uint64_t now_ns) {
    auto due = timers_.end();
    for (auto it = timers_.begin(); it != timers_.end(); ++it) {
      if (it->second.due_ns <= now_ns && (due == timers_.end() || it->second.due_ns < due->second.due_ns)) due = it;
    }
    if (due == timers_.end()) return std::nullopt;
    Timer t = std::move(due->second);
    timers_.erase(due);
    return t;
  }

  // The earliest due time, or `none` when no timer is pending.
  std::uint64_t next_due(std::uint64_t none) const {
    for (const auto& [id, t] : timers_) none = std::min(none, t.due_ns);
    return none;
  }
  std::size_t size() const { return timers_.size(); }

 private:
  std::map<TimerId, Timer> timers_;  // ids increase: map order is start order
  TimerId next_ = 1;
};

}  // namespace tce
