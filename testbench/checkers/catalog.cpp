#include "catalog.hpp"

#include <fmt/core.h>

#include "checker_names.hpp"

namespace tandem {

const std::vector<CheckerInfo>& checker_catalog() {
  using namespace checker;
  static const std::vector<CheckerInfo> kAll = {
      {kScoreboard, "a copied byte differs, or a byte outside the destination changed", {"xfail_dma_corrupt_beat"}},
      {kCompletion, "a request does not complete, or completes with an error", {"xfail_missing_barrier"}},
      {kLostIrq, "a device interrupt line stays up with no CPU taking it", {"xfail_dma_lost_irq"}},
      {kIrqStorm,
       "a line is taken again and again while its devices make no progress (no status cleared, no "
       "descriptor retired, no output dropped): a handler leaves its device asserting",
       {"xfail_irq_storm", "xfail_irq_storm_shared"}},
      {kCsrBus, "a register access answers SLVERR or DECERR", {"xfail_csr_bad_offset"}},
      {kDmaFault, "the device reaches memory the driver did not map for it", {"xfail_dma_wrong_direction"}},
      {kDmaLeak, "a DMA mapping is still held when the run ends", {"xfail_dma_unmap_leak"}},
      {kLocking, "a spinlock is taken twice, released unheld, or held across a wait", {"xfail_lock_never_released"}},
      {kHang, "the run reaches its cycle limit", {"xfail_hang"}},
      {kRtlAssertion, "an AXI protocol assertion in the RTL fires", {"xfail_csr_protocol_violation"}},
      {kDmaApi, "a DMA mapping is released that is not held", {"xfail_dma_double_unmap"}},
      {kIrqApi, "an interrupt is freed that is not registered", {"xfail_irq_double_free"}},
      {kRegUsage,
       "a register access breaks its access type in the register map (write to RO/RC, read of WO, reserved bits "
       "with a W1S field) or the W1C acknowledge discipline (read-modify-write, ack-all, clearing unseen events, "
       "acknowledging beyond the handler's first status read)",
       {"xfail_reg_rmw_ack", "xfail_reg_ack_all", "xfail_reg_reread_ack", "xfail_reg_write_ro"}},
      {kIrqContract,
       "a handler's answer contradicts its device's pending events, a line's trigger does not fit its vector's "
       "IRQ_MODE, or a device's signal gets no handler within the bound while its events stay pending",
       {"xfail_irq_not_mine", "xfail_irq_always_mine", "xfail_irq_wrong_trigger", "xfail_irq_lost_pulse"}},
      {kTiming,
       "a CSR request is answered more than 4 cycles after its handshake, a line without coalescing rises more than 2 "
       "cycles after its events, or a handler overruns its budget",
       {"xfail_isr_over_budget"}},
      {kDriver, "a scenario's driver call (probe, submit) failed", {}},
      {kFaultHandling, "the driver did not handle an injected fault as it must", {}},
      {kFaultInjection, "an injected fault did not take the effect it should (the scenario proves nothing)", {}},
      {kObservers, "the event stream misses a kind of event, or goes back in time", {}},
      {kSharedLine, "a shared interrupt line was not shared (no handler ever answered \"not mine\")", {}},
  };
  return kAll;
}

std::string checker_table() {
  std::string out = "| checker | fails a run when | proven by |\n|---|---|---|\n";
  for (const CheckerInfo& c : checker_catalog()) {
    std::string proof;
    for (std::string_view s : c.proven_by) proof += fmt::format("{}`{}`", proof.empty() ? "" : ", ", s);
    if (proof.empty()) proof = "—";
    out += fmt::format("| `{}` | {} | {} |\n", c.name, c.fails_when, proof);
  }
  return out;
}

}  // namespace tandem
