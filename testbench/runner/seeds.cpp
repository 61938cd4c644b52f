#include "seeds.hpp"

#include <random>

namespace tandem {

std::vector<std::uint64_t> seeds_from(const Command& cmd, std::uint64_t base, unsigned default_count) {
  if (!cmd.seed_list.empty()) return cmd.seed_list;
  const unsigned count = cmd.seeds != 0 ? cmd.seeds : default_count;
  std::vector<std::uint64_t> seeds;
  for (unsigned i = 0; i < count; ++i) seeds.push_back(base + i);
  return seeds;
}

std::uint64_t random_seed_base() {
  std::random_device entropy;
  return 1 + entropy() % 999'999;  // short enough to read out and type
}

}  // namespace tandem
