// lost_irq: a device interrupt line stayed up longer than the bound with no CPU taking it.
// Judged the cycle the bound passes, not only when the line falls or the run ends: a driver
// that waits for the lost interrupt would otherwise time out first and hide it.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class LostIrqChecker : public Checker {
 public:
  static constexpr std::uint64_t kLatencyBound = 50'000;  // cycles

  explicit LostIrqChecker(Platform& p) : Checker(checker::kLostIrq, p) {
    on(kind_bit(EventKind::kIrqLine) | kind_bit(EventKind::kIrqTaken) | kind_bit(EventKind::kFault),
       [this](const Event& e) {
         if (e.kind == EventKind::kFault) {
           // An unplugged device's interrupts are not lost ones: its lines fell silently.
           if (std::string_view(e.what) == kFaultRemoval) forget_lines_of(e.device);
         } else if (e.kind == EventKind::kIrqTaken) {
           raised_at_.erase(e.line);
         } else if (e.level) {
           if (raised_at_.emplace(e.line, e.cycle).second) judge_later(e.line, e.cycle);
         } else {
           check(e.line, e.cycle);  // fell without any CPU having taken it?
           raised_at_.erase(e.line);
         }
       });
  }
  void end_of_run(bool) override {
    const std::map<unsigned, std::uint64_t> up = raised_at_;
    for (const auto& [line, at] : up) check(line, platform_.cycle());
  }

 private:
  // At the bound's end, unless the line was taken or fell since (then it was judged then).
  // One timer per line at most: a line that rises again and again spawns no more.
  // Held CPUs (a replayed schedule) are slow CPUs: their held cycles do not count.
  std::uint64_t age(std::uint64_t raised, std::uint64_t now) const { return platform_.holds().between(raised, now); }
  void judge_later(unsigned line, std::uint64_t raised) {
    if (!armed_.insert(line).second) return;
    const std::uint64_t now = platform_.cycle(), waited = std::min(age(raised, now), kLatencyBound);
    platform_.scheduler().at_cycle(now + (kLatencyBound - waited) + 1, [this, line] {
      armed_.erase(line);
      auto it = raised_at_.find(line);
      if (it == raised_at_.end()) return;
      if (age(it->second, platform_.cycle()) > kLatencyBound) {
        check(line, platform_.cycle());
      } else {
        judge_later(line, it->second);  // raised again since: its own bound ends later
      }
    });
  }
  void forget_lines_of(unsigned device) {
    for (unsigned v = 0; v < platform_.irq().vectors(device); ++v) raised_at_.erase(platform_.line_of(device, v));
  }
  void check(unsigned line, std::uint64_t now) {
    auto it = raised_at_.find(line);
    if (it == raised_at_.end()) return;
    const std::uint64_t waited = age(it->second, now);
    if (waited > kLatencyBound) {
      fail(fmt::format("device raised irq line {} at cycle {}; no CPU took it in {} cycles", line, it->second, waited));
      raised_at_.erase(it);
    }
  }

  std::map<unsigned, std::uint64_t> raised_at_;  // line high and not yet taken: since when
  std::set<unsigned> armed_;                     // lines with a judgement pending
};

}  // namespace tandem
