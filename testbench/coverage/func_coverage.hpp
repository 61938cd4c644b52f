// A run's functional coverage: a FuncCollector fed by the platform's events (of its TCEs).
#pragma once

#include "checkers/device_filter.hpp"
#include "func_collector.hpp"
#include "platform.hpp"

namespace tandem::cov {

class FuncCoverage {
 public:
  explicit FuncCoverage(Platform& platform)
      : platform_(platform),
        collector_(DeviceFilter::of(platform, FuncCollector::kKind)),
        subscription_(platform.events().subscribe(
            [this](const Event& e) {
              // A CSR access comes with the device's latched IRQ_STATUS, read off the RTL.
              const bool csr = e.kind == EventKind::kCsrAccess && e.device < platform_.devices();
              collector_.on(e, csr ? *platform_.harness(e.device).probes().irq_status : 0);
            },
            FuncCollector::kinds())) {}
  const Counts& counts() const { return collector_.counts(); }

 private:
  Platform& platform_;
  FuncCollector collector_;
  EventBus::Subscription subscription_;
};

}  // namespace tandem::cov
