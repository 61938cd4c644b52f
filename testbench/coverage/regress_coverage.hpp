// A regression's coverage, gathered when its runs are done: every run's functional bins
// merged into the regression's folder (func_coverage.txt, every bin of the model with its
// count), and on a coverage build every run's RTL coverage merged and summarized per module
// by scripts/rtl_coverage.py (into rtl-coverage/).
#pragma once

#include <string>
#include <vector>

#include "coverage_summary.hpp"

namespace tandem::cov {

// `run_dirs`: the folders of the regression's runs. Messages about what failed go to stderr.
CoverageSummary gather(const std::string& regress_dir, const std::vector<std::string>& run_dirs);

}  // namespace tandem::cov
