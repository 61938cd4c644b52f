// csr_bus: a register access answered SLVERR or DECERR. After a surprise removal every access
// to the unplugged device fails; that is the device's doing, not the driver's, and is not
// reported (of that device only: the others still answer).
#pragma once

#include <fmt/core.h>

#include "axi.hpp"
#include "checker.hpp"
#include "checker_names.hpp"
#include "cpu.hpp"

namespace tandem {

class CsrBusChecker : public Checker {
 public:
  explicit CsrBusChecker(Platform& p) : Checker(checker::kCsrBus, p) {
    on(kind_bit(EventKind::kCsrAccess), [this](const Event& e) {
      const auto resp = static_cast<AxiResp>(e.resp);
      if (resp == AxiResp::kOkay || platform_.faults().device_removed(e.device)) return;
      fail(fmt::format("{} {} at cycle {} answered {}", e.write ? "write to" : "read of",
                       platform_.register_name(e.device, static_cast<std::uint32_t>(e.addr)), e.len, to_string(resp)));
    });
  }
};

}  // namespace tandem
