// A regression's own folder, <parent>/regress-<local time>/, so that no regression
// overwrites another's runs or report; <parent>/latest links to the newest.
#pragma once

#include <string>

namespace tandem {

// Creates a new folder for a regression under `parent`; "" when it cannot.
std::string new_regression_dir(const std::string& parent);

// Points <parent>/latest at `dir` (replacing the link atomically). False when it cannot.
bool link_latest(const std::string& parent, const std::string& dir);

}  // namespace tandem
