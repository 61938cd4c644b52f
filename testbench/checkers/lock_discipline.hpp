// lock_discipline: on a run with more than one CPU, ring state changed by a CPU that holds
// no spinlock, or under another lock than the device's other ring-state changes. Ring
// state is what two CPUs submitting at once would corrupt: the RING_TAIL doorbell, CH_CTRL,
// and the descriptor slots in ring memory. The driver's lock is not named anywhere: it is
// whichever lock every ring-state change of the device was made under (the first change
// proposes the locks its CPU held; each later one keeps those it also holds).
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <map>
#include <set>

#include "checker.hpp"
#include "checker_names.hpp"
#include "cpu.hpp"
#include "desc_ledger.hpp"
#include "tce_regs.hpp"

namespace tandem {

class LockDisciplineChecker : public Checker {
 public:
  explicit LockDisciplineChecker(Platform& p) : Checker(checker::kLockDiscipline, p) {
    if (p.config().cpus < 2) return;  // one CPU: nothing to race with but its own interrupts
    constexpr EventKinds kinds = kind_bit(EventKind::kLock) | kind_bit(EventKind::kUnlock) |
                                 kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kCpuDmaWrite) |
                                 kind_bit(EventKind::kDmaFree);
    on(kinds, [this](const Event& e) {
      switch (e.kind) {
        case EventKind::kLock: held_[e.cpu].insert(e.addr); break;
        case EventKind::kUnlock: held_[e.cpu].erase(e.addr); break;
        case EventKind::kDmaFree: rings_.freed(e.device, e.addr); break;
        case EventKind::kCpuDmaWrite:
          if (const auto slot = rings_.slot_at(e.addr, e.len)) {
            judge(e.cpu, slot->device,
                  fmt::format("descriptor slot {} of channel {}, at 0x{:x}", slot->index, slot->channel, e.addr));
          }
          break;
        case EventKind::kCsrAccess: csr(e); break;
        default: break;
      }
    });
  }

 private:
  void csr(const Event& e) {
    namespace r = tce::reg;
    const auto offset = static_cast<std::uint32_t>(e.addr);
    const auto value = static_cast<std::uint32_t>(e.data);
    if (!e.write) {
      if (e.resp == 0) rings_.csr_read(e.device, offset, value);
      return;
    }
    unsigned c = 0;
    const r::RegInfo* info = r::find(offset, &c);
    // Only a channel with a ring: what a register test pokes at an idle device changes no ring state.
    if (info != nullptr && (info->offset == r::RING_TAIL::offset(0) || info->offset == r::CH_CTRL::offset(0)) &&
        rings_.configured(e.device, c)) {
      judge(e.cpu, e.device, platform_.register_name(e.device, offset));
    }
    if (e.resp == 0) (void)rings_.csr_write(e.device, offset, value, e.cycle);
  }

  void judge(int cpu, unsigned device, const std::string& what) {
    const std::set<std::uint64_t>& held = held_[cpu];
    if (held.empty()) {
      fail(fmt::format("cpu{} changed ring state of device {} ({}) holding no spinlock, on a run with {} CPUs", cpu,
                       device, what, platform_.config().cpus));
      return;
    }
    auto [it, first] = driver_lock_.try_emplace(device, held);
    if (first) return;
    std::set<std::uint64_t> common;
    for (std::uint64_t lock : it->second) {
      if (held.count(lock) != 0) common.insert(lock);
    }
    if (common.empty()) {
      fail(
          fmt::format("cpu{} changed ring state of device {} ({}) under another spinlock than its earlier "
                      "ring-state changes",
                      cpu, device, what));
      return;
    }
    it->second = std::move(common);
  }

  std::map<int, std::set<std::uint64_t>> held_;              // by CPU: the locks it holds
  std::map<unsigned, std::set<std::uint64_t>> driver_lock_;  // by device: locks held at every change so far
  DescLedger rings_;                                         // where each device's rings are
};

}  // namespace tandem
