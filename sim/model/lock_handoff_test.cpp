#include "lock_handoff.hpp"

#include <doctest/doctest.h>

using tandem::LockHandoff;

TEST_CASE("spinlock waiters are served by the cycle they started, then by CPU number") {
  LockHandoff lock;
  lock.enqueue(20, 0);
  lock.enqueue(10, 3);
  lock.enqueue(10, 1);
  lock.enqueue(30, 2);
  CHECK(lock.head() == 1);  // earliest cycle, lower CPU of the two
  CHECK(lock.pop() == 1);
  lock.remove(0);  // CPU 0 stopped waiting (the run was stopped)
  CHECK(lock.pop() == 3);
  CHECK(lock.pop() == 2);
  CHECK(lock.waiters.empty());
}
