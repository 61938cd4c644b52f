// A run's functional coverage: a FuncCollector fed by the platform's events.
#pragma once

#include "func_collector.hpp"
#include "platform.hpp"

namespace tandem::cov {

class FuncCoverage {
 public:
  explicit FuncCoverage(Platform& platform)
      : platform_(platform),
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
