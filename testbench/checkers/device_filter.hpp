// Which events an observer of one device kind (a checker, the functional coverage of that
// kind's bins) takes: those about a device of its kind, and those about no device at all (an
// interrupt controller line, a CPU's context, the run's end), which concern every kind. Built
// once from the platform's kinds, so each event costs one lookup. Plain, for unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events.hpp"

namespace tandem {

class DeviceFilter {
 public:
  // `kinds`: each device's kind name, device 0 first (an empty list: no platform known, as
  // in a unit test, so every device is taken); `kind`: the one taken.
  DeviceFilter(const std::vector<std::string>& kinds, std::string_view kind) : every_(kinds.empty()) {
    for (const std::string& k : kinds) mine_.push_back(k == kind);
  }
  // The same from a platform (anything with devices() and harness(d).kind().name).
  template <typename Platform>
  static DeviceFilter of(Platform& platform, std::string_view kind) {
    std::vector<std::string> kinds;
    for (unsigned d = 0; d < platform.devices(); ++d) kinds.push_back(platform.harness(d).kind().name);
    return DeviceFilter(kinds, kind);
  }
  bool mine(unsigned device) const { return every_ || (device < mine_.size() && mine_[device]); }
  bool takes(const Event& e) const { return e.device == kNoDevice || mine(e.device); }
  // Whether the platform has a device of the kind at all (else there is nothing to observe).
  bool any() const {
    for (const bool m : mine_) {
      if (m) return true;
    }
    return every_;
  }

 private:
  bool every_;
  std::vector<bool> mine_;
};

}  // namespace tandem
