// CPU time of this process: benchmarks run their sides one after the other in one
// process, and other processes on the machine count against neither.
#pragma once

#include <ctime>

namespace tandem {

inline double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace tandem
