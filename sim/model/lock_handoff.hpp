// Who gets a contended spinlock, decided by the simulation rather than by the order the
// kernel runs CPU threads in: waiters queue by (cycle they started, CPU number), a release
// hands the lock to the head, and a lock released in a cycle is taken by no one else in it.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace tandem {

struct LockHandoff {
  std::uint64_t released = ~std::uint64_t{0};               // the cycle of the last release
  std::vector<std::pair<std::uint64_t, unsigned>> waiters;  // sorted (cycle, cpu)

  void enqueue(std::uint64_t cycle, unsigned cpu);
  unsigned head() const { return waiters.front().second; }
  unsigned pop();
  void remove(unsigned cpu);
};

}  // namespace tandem
