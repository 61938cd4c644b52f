// What `tandem run --record-boundaries` and `--schedule` add to a run: the boundary hook
// and the perturber, installed only when asked for (an ordinary run makes no extra call),
// and what they leave: boundaries.txt and the perturbations' results in the outcome.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "boundaries.hpp"
#include "outcome.hpp"
#include "perturber.hpp"

namespace tandem {

class ScheduledRun {
 public:
  ScheduledRun(Platform& platform, bool record, const std::vector<Perturbation>& schedule);
  // After the run: writes boundaries.txt into `dir` when recording (false if it cannot)
  // and puts the schedule and each perturbation's result into the outcome.
  bool finish(const std::string& dir, Outcome* outcome) const;

 private:
  bool record_;
  std::vector<Perturbation> schedule_;
  std::unique_ptr<Boundaries> boundaries_;
  std::unique_ptr<Perturber> perturber_;
};

}  // namespace tandem
