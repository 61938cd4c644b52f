// hang: the run reached its cycle limit, or stopped with programs still running and no
// other checker to say why (a wait with no bound).
#pragma once

#include <fmt/core.h>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class HangChecker : public Checker {
 public:
  explicit HangChecker(Platform& p) : Checker(checker::kHang, p) {
    on(kind_bit(EventKind::kCycleLimit), [this](const Event& e) {
      fail(fmt::format("the run reached its limit of {} cycles before its programs finished", e.data));
    });
  }
  void end_of_run(bool finished) override {
    if (!finished && platform_.failures().empty()) {
      fail("the simulation stopped with programs still running (a wait with no bound?)");
    }
  }
};

}  // namespace tandem
