// csr_bus: a register access answered SLVERR or DECERR. After a surprise removal every access
// fails; that is the device's doing, not the driver's, and is not reported.
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
    on(kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kFault), [this](const Event& e) {
      if (e.kind == EventKind::kFault) {
        if (std::string_view(e.what) == kFaultRemoval) removed_ = true;  // faults act on device 0
        return;
      }
      const auto resp = static_cast<AxiResp>(e.resp);
      if (resp == AxiResp::kOkay || (removed_ && e.device == 0)) return;
      fail(fmt::format("{} {} at cycle {} answered {}", e.write ? "write to" : "read of",
                       register_name(static_cast<std::uint32_t>(e.addr)), e.len, to_string(resp)));
    });
  }

 private:
  bool removed_ = false;
};

}  // namespace tandem
