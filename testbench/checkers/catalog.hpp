// The list of every name a run can fail under, with what it means and the seeded-bug
// scenario that proves it: `tandem checkers` prints it as the README's table, and a test
// compares the two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct CheckerInfo {
  std::string_view name;
  std::string_view fails_when;
  std::vector<std::string_view> proven_by;  // the xfail_* scenarios that must trip it first
};

const std::vector<CheckerInfo>& checker_catalog();
// A name agreed for a checker not in this build yet: its catalog line says only this.
// The catalog as a Markdown table, one row per name.
std::string checker_table();

}  // namespace tandem
