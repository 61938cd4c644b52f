#include "lock_handoff.hpp"

#include <algorithm>

namespace tandem {

void LockHandoff::enqueue(std::uint64_t cycle, unsigned cpu) {
  auto key = std::make_pair(cycle, cpu);
  waiters.insert(std::upper_bound(waiters.begin(), waiters.end(), key), key);
}

unsigned LockHandoff::pop() {
  const unsigned cpu = waiters.front().second;
  waiters.erase(waiters.begin());
  return cpu;
}

void LockHandoff::remove(unsigned cpu) {
  waiters.erase(std::remove_if(waiters.begin(), waiters.end(), [cpu](const auto& w) { return w.second == cpu; }),
                waiters.end());
}

}  // namespace tandem
