// The checkers that watch a run: every one, attached to the platform's events for as long
// as the set lives, with their end-of-run hooks called in order at kRunEnd.
#pragma once

#include <memory>
#include <vector>

#include "checker.hpp"

namespace tandem {

class CheckerSet {
 public:
  explicit CheckerSet(Platform& platform);
  const std::vector<std::unique_ptr<Checker>>& checkers() const { return checkers_; }
  // Every checker's records (latencies), for the run's outcome.
  std::vector<std::string> records() const;
  std::vector<LatencyHistogram> histograms() const;

 private:
  std::vector<std::unique_ptr<Checker>> checkers_;
  EventBus::Subscription run_end_;
};

}  // namespace tandem
