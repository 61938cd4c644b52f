// The timer queue both self-timed HALs (mock, memory-mapped) share: due order, start order
// among equals, cancel, and what is not due yet stays.
#include "timer_queue.hpp"

#include <doctest/doctest.h>

#include <string>

namespace tce {

TEST_CASE("timers are taken earliest due first, in start order among equals, and only when due") {
  TimerQueue q;
  std::string ran;
  q.start(300, [&] { ran += 'a'; });
  q.start(100, [&] { ran += 'b'; });
  q.start(300, [&] { ran += 'c'; });
  const TimerId late = q.start(900, [&] { ran += 'd'; });
  CHECK(q.next_due(5000) == 100);
  while (auto t = q.take_due(500)) t->work();
  CHECK(ran == "bac");
  CHECK(q.size() == 1);
  CHECK(q.next_due(5000) == 900);
  CHECK(q.cancel(late));
  CHECK_FALSE(q.cancel(late));
  CHECK(q.next_due(5000) == 5000);
  CHECK_FALSE(q.take_due(10'000).has_value());
}

TEST_CASE("a timer's work may start a timer that is due at once") {
  TimerQueue q;
  int runs = 0;
  q.start(10, [&] {
    ++runs;
    q.start(10, [&] { ++runs; });
  });
  while (auto t = q.take_due(10)) t->work();
  CHECK(runs == 2);
  CHECK(q.size() == 0);
}

}  // namespace tce
