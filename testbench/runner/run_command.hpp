// `tandem run NAME|GLOB... [--seeds K | --seed-list ...]`: every scenario matched, on
// every seed, one after another. One run happens in this process; several each get a
// process of their own, with the options this command was given.
#pragma once

#include <string>
#include <vector>

#include "cli.hpp"

namespace tandem {

// The scenarios `cmd` names (its names and globs less its excludes; every one when it names
// none), in `tandem list` order. False with `error` set for a name that matches nothing, or
// when nothing is left.
bool select_scenarios(const Command& cmd, std::vector<std::string>* names, std::string* error);

// Returns the worst exit code of its runs (see usage_text).
int run_command(const Command& cmd);

}  // namespace tandem
