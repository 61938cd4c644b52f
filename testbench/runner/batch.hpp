// `tandem batch FILE [run options]`: the runs a manifest lists (manifest.hpp), one after
// another, each in its own process under its wall-time limit as a local regression runs
// it, each leaving its end in its folder (run_end.hpp). A Slurm array task runs one batch.
#pragma once

#include "cli.hpp"

namespace tandem {

// 0 when every run ended (passed or not: the regression judges them), 3 when the file
// cannot be read or a run cannot start, 130 when stopped by SIGINT or SIGTERM.
int batch(const Command& cmd);

}  // namespace tandem
