#include "hold_clock.hpp"

#include <doctest/doctest.h>

using tandem::HoldClock;

TEST_CASE("time held by any CPU does not count, overlapping holds once") {
  HoldClock c;
  CHECK(c.unheld(1000) == 1000);
  c.begin(100);
  CHECK(c.unheld(150) == 100);  // a hold in progress counts up to now
  c.begin(120);                 // a second CPU held meanwhile
  c.end(200);
  c.end(300);
  c.begin(500);
  c.end(510);
  CHECK(c.unheld(100) == 100);
  CHECK(c.unheld(400) == 200);
  CHECK(c.unheld(1000) == 790);
  CHECK(c.between(50, 600) == 550 - 200 - 10);
}
