// power: the driver's side of the power contract (spec section 7), as PowerContract judges
// it from the register accesses of every CPU.
#pragma once

#include "checker.hpp"
#include "checker_names.hpp"
#include "power_contract.hpp"

namespace tandem {

class PowerChecker : public Checker {
 public:
  explicit PowerChecker(Platform& p)
      : Checker(checker::kPower, p), contract_([this](const std::string& m) { fail(m); }) {
    on(kind_bit(EventKind::kCsrAccess), [this](const Event& e) { contract_.csr_access(e); });
  }
  void end_of_run(bool finished) override {
    if (finished) contract_.end_of_run();
  }

 private:
  PowerContract contract_;
};

}  // namespace tandem
