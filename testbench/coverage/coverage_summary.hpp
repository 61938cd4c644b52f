// The regression's coverage for its report: the functional bins merged over every run, by
// group, with the bins missed and the waiver that explains each; and, from a coverage
// build, the RTL's line and toggle coverage per module.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "func_model.hpp"

namespace tandem::cov {

struct GroupCoverage {
  std::string group;
  std::size_t hit = 0, total = 0;
  // Each bin missed, with the waiver's reason ("" when nothing explains it).
  std::vector<std::pair<std::string, std::string>> missed;
};

struct RtlModuleCoverage {
  std::string module;
  std::size_t line_hit = 0, line_total = 0, toggle_hit = 0, toggle_total = 0;
};

struct CoverageSummary {
  std::vector<GroupCoverage> groups;   // empty: no run wrote its bins
  std::vector<RtlModuleCoverage> rtl;  // empty: not a coverage build
  std::string rtl_report;              // the folder of the RTL coverage reports
  std::size_t unexplained() const;     // bins missed that no waiver explains
};

// Every group of the model, against the merged counts.
std::vector<GroupCoverage> summarize(const Counts& merged);
// The waiver of a bin ("group/name"), or nullptr.
const char* waiver_of(const std::string& key);
// The per-module summary the RTL coverage script writes (module, line hit, line total,
// toggle hit, toggle total, tab-separated, after a header line). False when unreadable.
bool read_rtl_summary(const std::string& path, std::vector<RtlModuleCoverage>* modules);

}  // namespace tandem::cov
