// Replays a schedule (sim/model/schedule.hpp): at each perturbation's boundary, if its kind
// applies there, holds the CPU until what the kind waits for happened, within a bound (a
// CPU may always be slow, so a hold is a legal behaviour and the RTL stays the judge), and
// records what became of it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "boundary_state.hpp"
#include "schedule.hpp"

namespace tandem {

class Boundaries;
class Platform;
class SimCpu;

// The longest a perturbation holds a CPU (or a store buffer), in cycles: then it expires
// and the CPU goes on.
inline constexpr std::uint64_t kHoldBoundCycles = 200'000;

class Perturber {
 public:
  Perturber(Platform& platform, Boundaries& boundaries, const std::vector<Perturbation>& schedule);
  Perturber(const Perturber&) = delete;
  Perturber& operator=(const Perturber&) = delete;

  // Boundary (cpu, k), with what applies there.
  void at_boundary(SimCpu& cpu, std::uint64_t k, const BoundaryFacts& facts);

  // Each perturbation of the schedule (normalized order) with what became of it.
  std::vector<std::pair<Perturbation, PerturbResult>> results() const;

 private:
  struct Entry {
    Perturbation p;
    PerturbResult result = PerturbResult::kUnreached;
  };
  struct DrainHold {
    std::uint64_t k;
    std::size_t entry;
    bool releasing = false;  // call k returned: released after the driver work that follows
  };
  bool applicable(const Perturbation& p, const SimCpu& cpu, const BoundaryFacts& facts) const;
  PerturbResult apply(SimCpu& cpu, const Perturbation& p, std::size_t entry);
  // Holds `cpu` (the calling one) until `done` holds, the bound passes (kExpired) or the run
  // stops; it takes interrupts meanwhile when it can.
  PerturbResult hold(SimCpu& cpu, const std::function<bool()>& done);
  PerturbResult hold_until_descriptor_ends(SimCpu& cpu);
  PerturbResult inject_error(SimCpu& cpu);
  PerturbResult hold_for_other_cpu(SimCpu& cpu);
  void release_finished_drains(unsigned cpu);
  void release_drain(unsigned cpu, PerturbResult result);

  Platform& platform_;
  Boundaries& boundaries_;
  std::vector<Entry> entries_;
  std::map<std::pair<unsigned, std::uint64_t>, std::size_t> at_;  // boundary -> entry
  std::map<unsigned, DrainHold> drains_;                          // per CPU: its held store buffer
};

}  // namespace tandem
