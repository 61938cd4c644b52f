// The seeds a command runs: --seed-list as given, else K consecutive seeds from a base
// (`run`: --seed; `regress`: --seed-base, or a random base it prints so that the very same
// regression can be repeated). Every seed follows from the base alone.
#pragma once

#include <cstdint>
#include <vector>

#include "cli.hpp"

namespace tandem {

// The seeds of `cmd` from `base`: its --seed-list, else base, base+1, ... (--seeds of them,
// or `default_count`).
std::vector<std::uint64_t> seeds_from(const Command& cmd, std::uint64_t base, unsigned default_count);

// A fresh base for a regression that names none (from the system's entropy: printed, the
// only random choice that does not come from a seed).
std::uint64_t random_seed_base();

}  // namespace tandem
