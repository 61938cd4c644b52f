// resources: what the driver acquired and did not release: interrupt registrations, timers
// that neither fired nor were cancelled, spinlocks. Judged when a device's driver lets go of
// its last coherent memory (its rings: the end of a remove, or of a probe that failed
// halfway), for that device's interrupts and timers; and when every program has returned,
// for everything. A refused request_irq fails the probe that asked (the driver has no
// fallback): everything that probe acquired, its coherent memory (rings) too, must be
// released by the end of its unwinding, the CPU's next HAL call that releases nothing.
// What is still held at the end of the run is dma_leak's (mappings, coherent memory), so
// that one leak is reported once.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "checker.hpp"
#include "checker_names.hpp"
#include "hal.hpp"

namespace tandem {

class ResourcesChecker : public Checker {
 public:
  explicit ResourcesChecker(Platform& p) : Checker(checker::kResources, p) {
    constexpr EventKinds kinds = kind_bit(EventKind::kIrqRegister) | kind_bit(EventKind::kIrqFree) |
                                 kind_bit(EventKind::kTimer) | kind_bit(EventKind::kLock) |
                                 kind_bit(EventKind::kUnlock) | kind_bit(EventKind::kDmaMap) |
                                 kind_bit(EventKind::kDmaFree) | kind_bit(EventKind::kHalCall);
    on(kinds, [this](const Event& e) { track(e); });
  }
  // A run cut short (a hang, a storm) still holds what it was using: nothing to report.
  void end_of_run(bool finished) override {
    if (!finished) return;
    for (const auto& [cpu, f] : failed_probes_) judge_failed_probe(f);
    judge(nullptr, "at the end");
    for (const auto& [lock, h] : locks_) {
      fail(fmt::format("a spinlock taken by cpu{} at cycle {} is still held at the end", h.first, h.second));
    }
  }

 private:
  void track(const Event& e) {
    switch (e.kind) {
      case EventKind::kIrqRegister:
        if (e.level) {
          irqs_[{e.line, e.device}] = e.cycle;
        } else {
          failed_probes_[e.cpu] = {e.device, e.line, e.cycle};
        }
        break;
      case EventKind::kHalCall: unwound(e); break;
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
      case EventKind::kDmaMap:
        if (static_cast<tce::DmaDir>(e.data) == tce::DmaDir::kBidirectional) coherent_[e.device][e.addr] = e.len;
        break;
      case EventKind::kDmaFree: {
        auto it = coherent_.find(e.device);
        if (it != coherent_.end() && it->second.erase(e.addr) != 0 && it->second.empty()) {
          judge(&e.device, "when its driver freed its last coherent memory (remove, or a failed probe)");
        }
        break;
      }
      default: break;
    }
  }
  struct FailedProbe {
    unsigned device, line;
    std::uint64_t cycle;
  };
  // A HAL call that releases nothing ends the unwinding of a probe its CPU saw fail.
  void unwound(const Event& e) {
    static constexpr std::string_view kReleases[] = {"free_irq",     "dma_free",     "dma_unmap",
                                                     "cancel_timer", "lock_irqsave", "unlock_irqrestore"};
    auto it = failed_probes_.find(e.cpu);
    if (it == failed_probes_.end() ||
        std::find(std::begin(kReleases), std::end(kReleases), e.what) != std::end(kReleases)) {
      return;
    }
    const FailedProbe f = it->second;
    failed_probes_.erase(it);
    judge_failed_probe(f);
  }
  void judge_failed_probe(const FailedProbe& f) {
    const std::string when =
        fmt::format("after its probe failed (request_irq of line {} refused at cycle {})", f.line, f.cycle);
    judge(&f.device, when.c_str());
    auto it = coherent_.find(f.device);
    if (it == coherent_.end()) return;
    for (const auto& [bus, len] : it->second) {
      fail(fmt::format("{} bytes of coherent memory (a ring) at 0x{:x} of device {} are still allocated {}", len, bus,
                       f.device, when));
    }
    coherent_.erase(it);
  }
  // Reports what `device` (all devices if nullptr) still holds, each thing once.
  void judge(const unsigned* device, const char* when) {
    for (auto it = irqs_.begin(); it != irqs_.end();) {
      if (device != nullptr && it->first.second != *device) {
        ++it;
        continue;
      }
      fail(fmt::format("interrupt line {} of device {}, requested at cycle {}, is still registered {}", it->first.first,
                       it->first.second, it->second, when));
      it = irqs_.erase(it);
    }
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (device != nullptr && it->second.first != *device) {
        ++it;
        continue;
      }
      fail(fmt::format("timer {} of device {}, started at cycle {}, is still pending {} (neither fired nor cancelled)",
                       it->first, it->second.first, it->second.second, when));
      it = timers_.erase(it);
    }
  }

  std::map<std::pair<unsigned, unsigned>, std::uint64_t> irqs_;          // (line, device) -> cycle requested
  std::map<std::uint64_t, std::pair<unsigned, std::uint64_t>> timers_;   // id -> (device, cycle started)
  std::map<std::uint64_t, std::pair<int, std::uint64_t>> locks_;         // lock -> (cpu, cycle taken)
  std::map<unsigned, std::map<std::uint64_t, std::uint64_t>> coherent_;  // by device: bus -> bytes held
  std::map<int, FailedProbe> failed_probes_;                             // by CPU: a probe being unwound
};

}  // namespace tandem
