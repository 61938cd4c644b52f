// irq_api: the driver freed an interrupt it has not registered (twice, or never requested).
#pragma once

#include <fmt/core.h>

#include <set>
#include <utility>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class IrqApiChecker : public Checker {
 public:
  explicit IrqApiChecker(Platform& p) : Checker(checker::kIrqApi, p) {
    on(kind_bit(EventKind::kIrqRegister) | kind_bit(EventKind::kIrqFree), [this](const Event& e) {
      const std::pair<unsigned, unsigned> key{e.line, e.device};
      if (e.kind == EventKind::kIrqRegister) {
        if (e.level) registered_.insert(key);
      } else if (registered_.erase(key) == 0) {
        fail(fmt::format("free_irq of line {}, which has no handler of this device", e.line));
      }
    });
  }

 private:
  std::set<std::pair<unsigned, unsigned>> registered_;  // (line, owning device)
};

}  // namespace tandem
