#include "run_control.hpp"

#include <fmt/core.h>

#include "platform.hpp"

namespace tandem {

void RunControl::run() {
  sc_core::sc_start();
  if (!programs_finished() && !stopping_ && sc_core::sc_get_status() != sc_core::SC_STOPPED) {
    // Nothing left to happen, yet programs wait: let them end too (the hang checker says why).
    stop();
    sc_core::sc_start();
  }
  winding_down_ = false;
  Event end{EventKind::kRunEnd};
  end.level = programs_finished() && !stopping_;  // ran to their end, not unwound by a stop
  platform_.publish(end);
  // The end state of host memory, so that two runs can be compared by their logs alone.
  HostMemory& memory = platform_.memory();
  platform_.log().print(RunLog::Level::kInfo, platform_.cycle(), "memory", "{} regions, digest {:016x}",
                        memory.regions(), memory.digest());
  for (unsigned d = 0; d < platform_.devices(); ++d) platform_.harness(d).finish();
}

bool RunControl::programs_finished() const {
  for (unsigned i = 0; i < platform_.cpus(); ++i) {
    if (!platform_.cpu(i).finished()) return false;
  }
  return true;
}

void RunControl::fail(const std::string& checker, const std::string& message) {
  if (winding_down_) return;  // what programs do after an early stop is not judged
  // The first failure shows in the waves from this cycle on.
  if (failures_.empty() && failure_id) *platform_.markers().checker_fail = failure_id(checker);
  failures_.push_back({checker, message, platform_.cycle()});
  platform_.log().print(RunLog::Level::kError, platform_.cycle(), "checker", "FAIL [{}] {}", checker, message);
}

void RunControl::stop() {
  if (stopping_) return;
  stopping_ = winding_down_ = true;
  platform_.engine().stop();
  platform_.scheduler().stop();
  for (unsigned i = 0; i < platform_.cpus(); ++i) platform_.cpu(i).stop();
  if (programs_finished()) sc_core::sc_stop();
}

void RunControl::cpu_finished() {
  if (!programs_finished()) return;
  platform_.engine().stop();
  sc_core::sc_stop();
}

}  // namespace tandem
