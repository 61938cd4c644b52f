// The report's coverage section in each format: functional bins hit per group with the bins
// missed (and the waiver explaining each), RTL line and toggle coverage per module when a
// coverage build produced it, and a bar chart per module and group.
#pragma once

#include <string>

#include "coverage/coverage_summary.hpp"
#include "json_writer.hpp"

namespace tandem {

// `list_missed`: every bin missed with its waiver (the file); else only how many (a terminal).
std::string coverage_markdown(const cov::CoverageSummary& c, bool list_missed);
std::string coverage_html(const cov::CoverageSummary& c);
void coverage_json(JsonWriter& j, const cov::CoverageSummary& c);

}  // namespace tandem
