// What the run log shows of the platform's events, beside the lines the platform writes
// itself (register accesses, interrupt lines, faults): at info each handler's answer and
// each power state; at debug every DMA burst with its response and channel, every
// descriptor fetched with its fields decoded, every DMA mapping, each device's interrupt
// outputs; at trace every other event. Every line about a device names it (dev0, dev1).
// It subscribes only to what its log keeps: below debug, bursts cost it nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "events.hpp"

namespace tandem {

class Platform;

class EventLog {
 public:
  explicit EventLog(Platform& platform);
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

 private:
  // A descriptor fetch accepted and not yet answered: shown with its answer.
  struct Fetch {
    unsigned device, channel, slot;
    std::uint64_t addr;
  };

  void on_event(const Event& e);
  void burst(const Event& e);
  void fetched(const Event& e, const Fetch& f);
  void mapping(const Event& e);
  void other(const Event& e);
  std::string who(const Event& e) const;     // the CPU with its context, or "platform"
  unsigned lock_number(std::uint64_t addr);  // locks numbered in the order they were first taken

  Platform& platform_;
  std::vector<Fetch> fetches_;
  std::vector<std::uint64_t> locks_;
  EventBus::Subscription subscription_;
};

}  // namespace tandem
