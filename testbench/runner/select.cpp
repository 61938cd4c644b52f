#include "select.hpp"

#include <fnmatch.h>

#include <algorithm>

namespace tandem {

namespace {

bool matches(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

// The known name nearest to `wanted`, when it is near enough to be a typo of it: at most a
// third of the name's letters differ (at least one).
std::string near_miss(const std::vector<std::string>& names, const std::string& wanted) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, wanted.size() / 3) + 1;
  for (const std::string& n : names) {
    const std::size_t d = edit_distance(n, wanted);
    if (d < best_distance) {
      best_distance = d;
      best = n;
    }
  }
  return best;
}

}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

bool select_names(const std::vector<std::string>& names, const std::vector<std::string>& patterns,
                  const std::vector<std::string>& excludes, std::vector<std::string>* selected, std::string* error) {
  for (const std::string& p : patterns) {
    if (std::any_of(names.begin(), names.end(), [&](const std::string& n) { return matches(p, n); })) continue;
    const std::string near = near_miss(names, p);
    *error = "no scenario named '" + p + "'" + (near.empty() ? "" : ": did you mean '" + near + "'?") +
             " (see 'tandem list')";
    return false;
  }
  selected->clear();
  for (const std::string& n : names) {
    const auto hit = [&](const std::string& p) { return matches(p, n); };
    if (!patterns.empty() && std::none_of(patterns.begin(), patterns.end(), hit)) continue;
    if (std::any_of(excludes.begin(), excludes.end(), hit)) continue;
    selected->push_back(n);
  }
  return true;
}

}  // namespace tandem
