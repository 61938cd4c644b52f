#include "events.hpp"

#include <doctest/doctest.h>

#include <vector>

using tandem::Event;
using tandem::EventBus;
using tandem::EventKind;
using tandem::kind_bit;

TEST_CASE("an observer hears nothing once its subscription is gone") {
  EventBus bus;
  int heard = 0;
  {
    const EventBus::Subscription sub = bus.subscribe([&](const Event&) { ++heard; });
    bus.publish(Event{EventKind::kIrqLine});
    CHECK(heard == 1);
  }
  bus.publish(Event{EventKind::kIrqLine});
  CHECK(heard == 1);
  CHECK_FALSE(bus.wanted(EventKind::kIrqLine));
}

TEST_CASE("an observer hears only the kinds it asked for, and no one hears an unwanted kind") {
  EventBus bus;
  std::vector<EventKind> heard;
  const auto sub = bus.subscribe([&](const Event& e) { heard.push_back(e.kind); }, kind_bit(EventKind::kLock));
  CHECK(bus.wanted(EventKind::kLock));
  CHECK_FALSE(bus.wanted(EventKind::kMemBurst));
  bus.publish(Event{EventKind::kMemBurst});
  bus.publish(Event{EventKind::kLock});
  CHECK(heard == std::vector<EventKind>{EventKind::kLock});
}

TEST_CASE("unsubscribing from inside a callback is safe, for itself and for others") {
  EventBus bus;
  int first = 0, second = 0;
  EventBus::Subscription a, b;
  a = bus.subscribe([&](const Event&) {
    ++first;
    a.reset();  // itself, while it runs
    b.reset();  // and the next one, before it ran
  });
  b = bus.subscribe([&](const Event&) { ++second; });
  bus.publish(Event{EventKind::kEoi});
  bus.publish(Event{EventKind::kEoi});
  CHECK(first == 1);
  CHECK(second == 0);
  CHECK_FALSE(bus.wanted(EventKind::kEoi));
}

TEST_CASE("an observer that subscribes another while it runs keeps running") {
  EventBus bus;
  std::vector<EventBus::Subscription> more;
  int added_heard = 0, calls = 0;
  const auto sub = bus.subscribe([&](const Event&) {
    ++calls;
    for (int i = 0; i < 64; ++i) more.push_back(bus.subscribe([&](const Event&) { ++added_heard; }));
  });
  bus.publish(Event{EventKind::kFault});
  CHECK(calls == 1);
  CHECK(added_heard == 64);  // subscribed during the delivery: they hear the same event
}

TEST_CASE("a moved subscription unsubscribes once, from where it ended up") {
  EventBus bus;
  int heard = 0;
  EventBus::Subscription kept;
  {
    EventBus::Subscription first = bus.subscribe([&](const Event&) { ++heard; });
    kept = std::move(first);
  }
  bus.publish(Event{EventKind::kFault});
  CHECK(heard == 1);
  kept.reset();
  bus.publish(Event{EventKind::kFault});
  CHECK(heard == 1);
}
