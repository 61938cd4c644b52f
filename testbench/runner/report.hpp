// The regression's report, written from what the runs left.
#pragma once

#include <string>

#include "run_record.hpp"

namespace tandem {

// Writes the report files into regression.dir and returns the text to print.
std::string write_report(const Regression& regression);

}  // namespace tandem
