#include "scheduled_run.hpp"

#include <filesystem>

namespace tandem {

ScheduledRun::ScheduledRun(Platform& platform, bool record, const std::vector<Perturbation>& schedule)
    : record_(record), schedule_(schedule) {
  if (!record && schedule.empty()) return;
  boundaries_ = std::make_unique<Boundaries>(platform, record);
  if (schedule.empty()) return;
  perturber_ = std::make_unique<Perturber>(platform, *boundaries_, schedule);
  boundaries_->set_perturber(perturber_.get());
}

bool ScheduledRun::finish(const std::string& dir, Outcome* outcome) const {
  const std::string path = dir + "/boundaries.txt";
  if (!record_) std::filesystem::remove(path);  // a record left by an earlier run is not this one's
  outcome->schedule = format_schedule(schedule_);
  if (perturber_) {
    for (const auto& [p, result] : perturber_->results())
      outcome->perturbations.push_back(to_string(p) + " " + to_string(result));
  }
  return !record_ || boundaries_->write(path);
}

}  // namespace tandem
