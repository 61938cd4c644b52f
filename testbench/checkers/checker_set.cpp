#include "checker_set.hpp"

#include "csr_bus.hpp"
#include "desc_ownership.hpp"
#include "dma_api.hpp"
#include "dma_fault.hpp"
#include "dma_leak.hpp"
#include "hang.hpp"
#include "irq_api.hpp"
#include "irq_contract.hpp"
#include "irq_storm.hpp"
#include "lock_discipline.hpp"
#include "locking.hpp"
#include "lost_irq.hpp"
#include "plugins.hpp"
#include "power.hpp"
#include "reg_usage.hpp"
#include "resources.hpp"
#include "rtl_assertion.hpp"
#include "timing.hpp"

namespace tandem {

CheckerSet::CheckerSet(Platform& platform) {
  // First: a register misuse that the device answers SLVERR is the driver's bug, named as such;
  // so is an access in D3 (the power contract names it better than the bus error it causes).
  checkers_.push_back(std::make_unique<RegUsageChecker>(platform));
  checkers_.push_back(std::make_unique<PowerChecker>(platform));
  checkers_.push_back(std::make_unique<CsrBusChecker>(platform));
  checkers_.push_back(std::make_unique<DescOwnershipChecker>(platform));
  checkers_.push_back(std::make_unique<LockDisciplineChecker>(platform));
  checkers_.push_back(std::make_unique<DmaFaultChecker>(platform));
  checkers_.push_back(std::make_unique<DmaApiChecker>(platform));
  checkers_.push_back(std::make_unique<IrqApiChecker>(platform));
  checkers_.push_back(std::make_unique<LockingChecker>(platform));
  checkers_.push_back(std::make_unique<IrqStormChecker>(platform));
  checkers_.push_back(std::make_unique<RtlAssertionChecker>(platform));
  checkers_.push_back(std::make_unique<IrqContractChecker>(platform));
  checkers_.push_back(std::make_unique<TimingChecker>(platform));
  // The checkers of other device kinds (checkers/plugins.hpp), before the end-of-run group.
  for (const CheckerPlugin& p : checker_plugins()) checkers_.push_back(p.make(platform));
  // The end-of-run hooks run in this order: lost interrupts, then leaks, then the verdict
  // on a run that stopped unfinished (which holds back when another checker explained it).
  checkers_.push_back(std::make_unique<LostIrqChecker>(platform));
  checkers_.push_back(std::make_unique<DmaLeakChecker>(platform));
  checkers_.push_back(std::make_unique<ResourcesChecker>(platform));
  checkers_.push_back(std::make_unique<HangChecker>(platform));
  run_end_ = platform.events().subscribe(
      [this](const Event& e) {
        for (auto& c : checkers_) c->end_of_run(e.level);
      },
      kind_bit(EventKind::kRunEnd));
}

namespace {

// What every checker gives through `get`, in the checkers' order.
template <typename T, typename Get>
std::vector<T> gather(const std::vector<std::unique_ptr<Checker>>& checkers, Get get) {
  std::vector<T> out;
  for (const auto& c : checkers) {
    for (T& item : get(*c)) out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::vector<std::string> CheckerSet::records() const {
  return gather<std::string>(checkers_, [](const Checker& c) { return c.records(); });
}

std::vector<LatencyHistogram> CheckerSet::histograms() const {
  return gather<LatencyHistogram>(checkers_, [](const Checker& c) { return c.histograms(); });
}

}  // namespace tandem
