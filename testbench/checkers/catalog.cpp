#include "catalog.hpp"

#include <fmt/core.h>

#include "checker_names.hpp"
#include "plugins.hpp"
#include "scenario.hpp"

namespace tandem {

std::vector<CheckerPlugin>& checker_plugins() {
  static std::vector<CheckerPlugin> plugins;
  return plugins;
}

namespace {

std::vector<CheckerInfo> built_in_and_plugins() {
  using namespace checker;
  std::vector<CheckerInfo> all = {
      {kScoreboard, "a copied byte differs, or a byte outside the destination changed"},
      {kCompletion, "a request does not complete, completes with an error, or completes twice"},
      {kLostIrq, "a device interrupt line stays up with no CPU taking it"},
      {kIrqStorm,
       "a line is taken again and again while its devices make no progress (no status cleared, no "
       "descriptor retired, no output dropped): a handler leaves its device asserting"},
      {kCsrBus, "a register access answers SLVERR or DECERR"},
      {kDmaFault, "the device reaches memory the driver did not map for it"},
      {kDmaLeak, "a DMA mapping is still held when the run ends"},
      {kLocking, "a spinlock is taken twice, released unheld, or held across a wait"},
      {kHang, "the run reaches its cycle limit"},
      {kRtlAssertion, "an AXI protocol assertion in the RTL fires"},
      {kDescOwnership,
       "the CPU writes a descriptor slot the device owns (published by RING_TAIL, not written back), a doorbell hands "
       "over every slot (TAIL == HEAD) or leaves descriptors just written out, or the device fetches a slot the "
       "driver never published or whose bytes still wait in the CPU's store buffer"},
      {kLockDiscipline,
       "with several CPUs, ring state (RING_TAIL, CH_CTRL, descriptor slots) is changed holding no spinlock, or "
       "under another lock than the device's other ring-state changes"},
      {kPower,
       "a register other than ID, VERSION, CAPS, PM_CTRL, PM_STATUS is accessed in or on the way to D3, or a "
       "context register is not restored after resume"},
      {kResources,
       "an interrupt registration or a timer is still held when its driver freed its last ring (remove, a probe "
       "that failed halfway); a ring, registration or timer is still held when a probe whose request_irq was "
       "refused has unwound; or anything, a spinlock too, when every program has returned"},
      {kDmaApi, "a DMA mapping is released that is not held"},
      {kIrqApi, "an interrupt is freed that is not registered"},
      {kRegUsage,
       "a register access breaks its access type in the register map (write to RO/RC, read of WO, reserved bits "
       "with a W1S field) or the W1C acknowledge discipline (read-modify-write, ack-all, clearing unseen events, "
       "acknowledging beyond the handler's first status read, or after re-reading status before acknowledging it)"},
      {kIrqContract,
       "a handler's answer contradicts its device's pending events, a line's trigger does not fit its vector's "
       "IRQ_MODE, a device's signal gets no handler within the bound while its events stay pending, or a pending "
       "event goes unsignalled past its coalescing timer and the bound (a timer erratum E2 breaks)"},
      {kTiming,
       "a CSR request is answered more than 4 cycles after its handshake, a line without coalescing rises more than 2 "
       "cycles after its events, or a handler overruns its budget"},
      {kDriver, "a scenario's driver call (probe, submit) failed"},
      {kFaultHandling, "the driver did not handle an injected fault as it must"},
      {kFaultInjection, "an injected fault did not take the effect it should (the scenario proves nothing)"},
      {kObservers, "the event stream misses a kind of event, or goes back in time"},
      {kSharedLine, "a shared interrupt line was not shared (no handler ever answered \"not mine\")"},
      {kIrqMode, "an interrupt mode (level, pulse, read-to-clear, polling, coalescing) did not behave as configured"},
      {kProgramEnd, "a CPU's program never ended, not even after the run stopped: what it held leaks"},
      {kPlatform, "the platform itself misbehaved (e.g. memory grows with every copy)"},
      {kScenario, "a scenario could not set up what it means to test (it proves nothing)"},
      {kPm, "suspend did not answer as the driver promises (0 when idle, -EBUSY while busy)"},
      {kPmContext, "a register read back after resume differs from what it held before suspend"},
      {kPmLatency, "a resume took far longer than the device's 64-cycle wake-up"},
  };
  // A device kind's own checkers go last: the built-in names keep their ids.
  for (const CheckerPlugin& p : checker_plugins()) all.push_back(p.info);
  return all;
}

}  // namespace

const std::vector<CheckerInfo>& checker_catalog() {
  static const std::vector<CheckerInfo> kAll = built_in_and_plugins();
  return kAll;
}

std::uint8_t checker_id(std::string_view name) {
  const auto& all = checker_catalog();
  for (std::size_t i = 0; i < all.size() && i + 1 < kUnknownChecker; ++i) {
    if (all[i].name == name) return static_cast<std::uint8_t>(i + 1);
  }
  return kUnknownChecker;
}

std::string checker_table() {
  std::string out = "| checker | fails a run when | proven by |\n|---|---|---|\n";
  for (const CheckerInfo& c : checker_catalog()) {
    // The proofs are the seeded bugs that expect this checker: found, never listed by hand.
    std::string proof;
    for (const Scenario& s : scenarios()) {
      if (s.expect != c.name) continue;
      // A race no plain run meets is proven by `tandem explore` finding it.
      const char* how = s.proof == Scenario::Proof::kExplore ? " (explored)" : "";
      proof += fmt::format("{}`{}`{}", proof.empty() ? "" : ", ", s.name, how);
    }
    if (proof.empty()) proof = "—";
    out += fmt::format("| `{}` | {} | {} |\n", c.name, c.fails_when, proof);
  }
  return out;
}

}  // namespace tandem
