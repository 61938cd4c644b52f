// Which scenarios a command names: names and shell globs ('dma_*'), several at once, less
// those an --exclude glob matches. A pattern that matches nothing is a usage error; the
// message offers the nearest name when one is close (a typo, not another scenario).
#pragma once

#include <string>
#include <vector>

namespace tandem {

// Edit distance (insertions, deletions, substitutions), for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b);

// The names `patterns` match among `names` (all of them when `patterns` is empty), in the
// order of `names`, each once, less those any of `excludes` matches. On a pattern that
// matches nothing returns false with `error` set.
bool select_names(const std::vector<std::string>& names, const std::vector<std::string>& patterns,
                  const std::vector<std::string>& excludes, std::vector<std::string>* selected, std::string* error);

}  // namespace tandem
