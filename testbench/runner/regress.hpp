// `tandem regress`: every scenario over seeds 1..N, each in its own process, several at
// once; shows progress, then the report (also written as regress/report.md).
#pragma once

#include "cli.hpp"

namespace tandem {

// Returns 0 when every run passed, 1 otherwise.
int regress(const Command& cmd);

}  // namespace tandem
