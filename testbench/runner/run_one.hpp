// `tandem run`: one scenario with one seed, in this process (SystemC elaborates once per
// process). Prints the verdict, where the log and waves are, and on failure the command
// that reruns it with waves.
#pragma once

#include "cli.hpp"

namespace tandem {

// Returns the process exit code: 0 passed, 1 failed, 3 could not run. A crash does not
// return: the handler it installs (crash.hpp) exits with 4.
int run_one(const Command& cmd);

}  // namespace tandem
