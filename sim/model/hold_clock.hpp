// Time as the checkers' bounds should count it when a schedule holds CPUs (sim/platform/perturber.hpp):
// a held CPU is a slow CPU, not a slow device or driver, so a bound on how long a handler
// runs or how long an interrupt waits is counted without the cycles in which some CPU was
// held. Without holds it is the cycle count itself.
#pragma once

#include <cstdint>
#include <vector>

namespace tandem {

class HoldClock {
 public:
  // A CPU is held from `cycle` on, or no longer.
  void begin(std::uint64_t cycle) {
    if (holding_++ == 0) spans_.push_back({cycle, kOpen});
  }
  void end(std::uint64_t cycle) {
    if (holding_ != 0 && --holding_ == 0) spans_.back().end = cycle;
  }
  // `cycle` less the cycles before it in which some CPU was held.
  std::uint64_t unheld(std::uint64_t cycle) const {
    std::uint64_t held = 0;
    for (const Span& s : spans_) {
      if (s.begin >= cycle) break;
      held += (s.end < cycle ? s.end : cycle) - s.begin;
    }
    return cycle - held;
  }
  // The cycles from `from` to `to` that count.
  std::uint64_t between(std::uint64_t from, std::uint64_t to) const { return unheld(to) - unheld(from); }

 private:
  static constexpr std::uint64_t kOpen = ~std::uint64_t{0};
  struct Span {
    std::uint64_t begin, end;
  };
  std::vector<Span> spans_;  // in time order, not overlapping
  unsigned holding_ = 0;
};

}  // namespace tandem
