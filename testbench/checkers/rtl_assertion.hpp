// rtl_assertion: an assertion in the RTL (AXI protocol rules on both buses) fired. The
// platform stops the run there: the device's state after it means nothing.
#pragma once

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class RtlAssertionChecker : public Checker {
 public:
  explicit RtlAssertionChecker(Platform& p) : Checker(checker::kRtlAssertion, p) {
    on(kind_bit(EventKind::kRtlAssertion),
       [this](const Event&) { fail("an RTL assertion fired (its name, cycle and values are on standard output)"); });
  }
};

}  // namespace tandem
