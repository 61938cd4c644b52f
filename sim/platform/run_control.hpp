// How a run ends: when every CPU's program returned, or early (a checker that saw enough, an
// RTL assertion, the cycle limit), and then with the programs wound down; and the failures
// the checkers reported on the way.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tandem {

class Platform;

struct Failure {
  std::string checker;
  std::string message;
  std::uint64_t cycle;
};

class RunControl {
 public:
  explicit RunControl(Platform& platform) : platform_(platform) {}
  RunControl(const RunControl&) = delete;
  RunControl& operator=(const RunControl&) = delete;

  // Runs the simulation to its end, then publishes kRunEnd and closes the waves.
  void run();
  bool programs_finished() const;
  // Ends the run early: nothing ticks any more, and each CPU's program runs on to its end
  // from where it waits, in no simulated time (SimCpu::stop); the last one to finish stops
  // SystemC.
  void stop();
  bool stopping() const { return stopping_; }
  // Stopped early, programs still ending: nothing of it is published or judged.
  bool winding_down() const { return winding_down_; }
  // A CPU's program returned: the last one ends the simulation.
  void cpu_finished();

  void fail(const std::string& checker, const std::string& message);
  // The id under which a checker's name shows in the waves (the platform top's checker_fail_i):
  // set by whoever knows the names (0 and unset: the waves show no failure).
  std::function<std::uint8_t(const std::string& checker)> failure_id;
  const std::vector<Failure>& failures() const { return failures_; }

 private:
  Platform& platform_;
  std::vector<Failure> failures_;
  bool stopping_ = false;
  bool winding_down_ = false;
};

}  // namespace tandem
