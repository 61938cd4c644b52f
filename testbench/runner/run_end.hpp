// How one run ended, as the launcher that ran it saw it (the exit status, a kill at the
// wall-time limit, the wall time), kept in the run's folder as ended.txt by a cluster task,
// so that the regression that submitted the task reads it back as if it had run the run
// itself. A run with no ended.txt after its task is over was lost.
#pragma once

#include <string>

#include "launcher.hpp"

namespace tandem {

std::string run_end_path(const std::string& run_dir);

// Writes the end of a finished job into its folder.
bool write_run_end(const Job& job);

// Reads a job's end back (status, timed_out, seconds; finished set); false when there is
// none yet, or not a whole one.
bool read_run_end(Job* job);

}  // namespace tandem
