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
      {kDriver, "a scenario's driver call (probe, submit) failed", {}},
      {kFaultHandling, "the driver did not handle an injected fault as it must", {}},
      {kFaultInjection, "an injected fault did not take the effect it should (the scenario proves nothing)", {}},
      {kObservers, "the event stream misses a kind of event, or goes back in time", {}},
      {kSharedLine, "a shared interrupt line was not shared (no handler ever answered \"not mine\")", {}},
      {kRegUsage, kBeingWritten, {}},
      {kIrqContract, kBeingWritten, {}},
      {kDescOwnership, kBeingWritten, {}},
      {kLockDiscipline, kBeingWritten, {}},
      {kPower, kBeingWritten, {}},
      {kResources, kBeingWritten, {}},
  };
  return kAll;
}

bool checker_pending(std::string_view name) {
  for (const CheckerInfo& c : checker_catalog()) {
    if (c.name == name) return c.fails_when == kBeingWritten;
  }
  return false;
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
