// A driver on each of the platform's first N devices, each probed: for scenarios on several
// devices.
#pragma once

#include <fmt/core.h>

#include <memory>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {

// Makes and probes a driver per device into `dev[0..n)`; a failed probe fails the run
// (checker "driver") and returns false, the drivers made so far left in place.
inline bool probe_devices(ScenarioContext& ctx, std::unique_ptr<tce::TceDevice>* dev, unsigned n) {
  for (unsigned d = 0; d < n; ++d) {
    dev[d] = std::make_unique<tce::TceDevice>(ctx.platform().hal(d));
    if (int rc = dev[d]->probe(); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("probe of device {} failed: {}", d, rc));
      return false;
    }
  }
  return true;
}

}  // namespace tandem
