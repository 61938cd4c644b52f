#include "pic.hpp"

#include <doctest/doctest.h>

using tandem::Pic;
using tce::Trigger;

TEST_CASE("a level line still high at EOI is pending again at once") {
  Pic pic(2);
  int raised = 0;
  pic.on_pending = [&](unsigned) { ++raised; };
  pic.configure(0, Trigger::kLevelHigh, 0);
  pic.enable(0, true);
  pic.set_input(0, true);
  CHECK(pic.pending_for(0) == 0);
  CHECK(raised == 1);
  pic.acknowledge(0);
  CHECK(pic.pending_for(0) == -1);
  pic.eoi(0);  // the handler did not clear the device
  CHECK(pic.pending_for(0) == 0);
  CHECK(raised == 2);
  pic.acknowledge(0);
  pic.set_input(0, false);  // now it did
  pic.eoi(0);
  CHECK(pic.pending_for(0) == -1);
}

TEST_CASE("edges latch once while pending, and masked lines latch edges") {
  Pic pic(2);
  pic.configure(1, Trigger::kEdgeRising, 0);
  pic.set_input(1, true);  // masked: latched, not signalled
  CHECK(pic.pending_for(0) == -1);
  pic.enable(1, true);
  CHECK(pic.pending_for(0) == 1);
  pic.set_input(1, false);
  pic.set_input(1, true);  // second edge while pending: still one
  pic.acknowledge(1);
  pic.eoi(1);
  CHECK(pic.pending_for(0) == -1);
}

TEST_CASE("an edge tells its CPU at once, as does a latched edge when its line is enabled") {
  Pic pic(2);
  unsigned raised = 0;
  pic.on_pending = [&](unsigned) { ++raised; };
  pic.configure(0, Trigger::kEdgeRising, 0);
  pic.enable(0, true);
  pic.set_input(0, true);
  CHECK(raised == 1);  // a waiting CPU must wake for it, not notice it at its next HAL call
  pic.set_input(0, false);
  pic.acknowledge(0);
  pic.eoi(0);
  pic.configure(1, Trigger::kEdgeRising, 0);
  pic.set_input(1, true);  // masked: latched, not signalled
  CHECK(raised == 1);
  pic.enable(1, true);
  CHECK(raised == 2);
}

TEST_CASE("lines go to the CPU they are routed to") {
  Pic pic(2);
  pic.configure(0, Trigger::kLevelHigh, 1);
  pic.enable(0, true);
  pic.set_input(0, true);
  CHECK(pic.pending_for(0) == -1);
  CHECK(pic.pending_for(1) == 0);
}

TEST_CASE("a rising edge on an enabled line calls its CPU, once per latch") {
  Pic pic(2);
  int raised = 0;
  pic.on_pending = [&](unsigned) { ++raised; };
  pic.configure(1, Trigger::kEdgeRising, 0);
  pic.enable(1, true);
  pic.set_input(1, true);  // a CPU asleep must be woken, not find it at its next HAL call
  CHECK(pic.pending_for(0) == 1);
  CHECK(raised == 1);
  pic.set_input(1, false);
  pic.set_input(1, true);  // still latched: no second call
  CHECK(raised == 1);
}
