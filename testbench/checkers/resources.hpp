// resources: what the driver acquired and still holds when every program has returned:
// interrupt registrations, timers that neither fired nor were cancelled, spinlocks. This
// covers a probe that failed halfway as well as a remove: either way nothing may be left.
// DMA mappings and coherent memory (a ring is a bidirectional mapping) are dma_leak's, so
// that one leak is reported once.
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <map>
#include <string_view>
#include <utility>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class ResourcesChecker : public Checker {
 public:
  explicit ResourcesChecker(Platform& p) : Checker(checker::kResources, p) {
    constexpr EventKinds kinds = kind_bit(EventKind::kIrqRegister) | kind_bit(EventKind::kIrqFree) |
                                 kind_bit(EventKind::kTimer) | kind_bit(EventKind::kLock) |
                                 kind_bit(EventKind::kUnlock);
    on(kinds, [this](const Event& e) {
      switch (e.kind) {
        case EventKind::kIrqRegister:
          if (e.level) irqs_[{e.line, e.device}] = e.cycle;
          break;
        case EventKind::kIrqFree: irqs_.erase({e.line, e.device}); break;
        case EventKind::kTimer:
          if (std::string_view(e.what) == kTimerStart) {
            timers_[e.data] = {e.device, e.cycle};
          } else {
            timers_.erase(e.data);  // cancelled or fired: nothing left to run
          }
          break;
        case EventKind::kLock: locks_[e.addr] = {e.cpu, e.cycle}; break;
        case EventKind::kUnlock: locks_.erase(e.addr); break;
        default: break;
      }
    });
  }
  // A run cut short (a hang, a storm) still holds what it was using: nothing to report.
  void end_of_run(bool finished) override {
    if (!finished) return;
    for (const auto& [key, at] : irqs_) {
      fail(fmt::format("interrupt line {} of device {}, requested at cycle {}, is still registered at the end",
                       key.first, key.second, at));
    }
    for (const auto& [id, t] : timers_) {
      fail(
          fmt::format("timer {} of device {}, started at cycle {}, is still pending at the end (neither fired "
                      "nor cancelled)",
                      id, t.first, t.second));
    }
    for (const auto& [lock, h] : locks_) {
      fail(fmt::format("a spinlock taken by cpu{} at cycle {} is still held at the end", h.first, h.second));
    }
  }

 private:
  std::map<std::pair<unsigned, unsigned>, std::uint64_t> irqs_;         // (line, device) -> cycle requested
  std::map<std::uint64_t, std::pair<unsigned, std::uint64_t>> timers_;  // id -> (device, cycle started)
  std::map<std::uint64_t, std::pair<int, std::uint64_t>> locks_;        // lock -> (cpu, cycle taken)
};

}  // namespace tandem
