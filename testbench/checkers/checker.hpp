// What every checker is: a name, the events it subscribes to, and an end-of-run hook. A
// checker judges the platform's events and reports through fail(); it never changes what
// the platform does, except that it may end a run that cannot come to good (stop_run()).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "device_filter.hpp"
#include "platform.hpp"
#include "records.hpp"

namespace tandem {

class Checker {
 public:
  // `kind`: the device kind whose contract it judges (sim/verilated/device_kind.hpp).
  Checker(std::string_view name, Platform& platform, std::string_view kind = "tce")
      : platform_(platform), name_(name), filter_(DeviceFilter::of(platform, kind)) {}
  virtual ~Checker() = default;
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  std::string_view name() const { return name_; }
  // After the simulation stopped; `finished`: every CPU's program returned.
  virtual void end_of_run(bool finished) { (void)finished; }
  // What it measured, one line each, for the run's outcome (latencies); none by default.
  virtual std::vector<std::string> records() const { return {}; }
  // The same measurements as histograms, for the regression's report; none by default.
  virtual std::vector<LatencyHistogram> histograms() const { return {}; }

 protected:
  void fail(const std::string& message) { platform_.fail(std::string(name_), message); }
  // Calls `observer` for each event of the kinds in `kinds`, as long as this checker lives.
  // A checker judges its kind's contract: events of a device of another kind (beside it on
  // the platform, with a contract and checkers of its own) do not reach it; events about no
  // device do.
  void on(EventKinds kinds, std::function<void(const Event&)> observer) {
    auto of_kind = [this, observer = std::move(observer)](const Event& e) {
      if (filter_.takes(e)) observer(e);
    };
    subscriptions_.push_back(platform_.events().subscribe(std::move(of_kind), kinds));
  }
  bool judges(unsigned device) const { return filter_.mine(device); }
  // Whether the platform has a device of its kind at all (else it need not subscribe).
  bool judges_any() const { return filter_.any(); }

  Platform& platform_;

 private:
  std::string_view name_;
  DeviceFilter filter_;
  std::vector<EventBus::Subscription> subscriptions_;
};

}  // namespace tandem
