// `tandem regress`: the planned runs (plan.hpp), each in its own process, several at once
// (launcher.hpp), into a folder of the regression's own (regress_dir.hpp); failing runs
// rerun with waves; then the manifest and the report.
#pragma once

#include "cli.hpp"

namespace tandem {

// Returns 0 when every run passed, 1 otherwise, 2 on a usage error, 3 when runs could not
// start, 130 when interrupted (the report, partial, is written all the same).
int regress(const Command& cmd);

}  // namespace tandem
