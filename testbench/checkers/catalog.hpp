// The list of every name a run can fail under, with what it means; `tandem checkers` prints
// it as the README's table, with the seeded-bug scenarios that expect each (a test compares
// the two, and checks that every always-on checker has one).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct CheckerInfo {
  std::string_view name;
  std::string_view fails_when;
};

const std::vector<CheckerInfo>& checker_catalog();
// How a name shows in the waves (the platform top's checker_fail_i): its place in the catalog,
// from 1 (new names go last, so ids stay); kUnknownChecker for a name the catalog lacks.
inline constexpr std::uint8_t kUnknownChecker = 255;
std::uint8_t checker_id(std::string_view name);
// The catalog as a Markdown table, one row per name.
std::string checker_table();

}  // namespace tandem
