// A small seeded generator whose sequence is the same on every platform and library
// (std:: distributions are not), so a seed names one run everywhere.
#pragma once

#include <cstdint>

namespace tandem {

// splitmix64's output function: a bijection that scatters every input bit over the output.
inline std::uint64_t splitmix_finalize(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix_finalize(state_ += kGamma); }  // splitmix64
  // Uniform in [lo, hi].
  std::uint64_t range(std::uint64_t lo, std::uint64_t hi) { return lo + next() % (hi - lo + 1); }

  // A counter-based draw: a pure function of (key, counter), for choices that must not
  // depend on how many draws came before (a cycle's memory back-pressure is the same
  // whether the cycles before it were evaluated or skipped as idle).
  static std::uint64_t at(std::uint64_t key, std::uint64_t counter) {
    return splitmix_finalize(splitmix_finalize(key) + (counter + 1) * kGamma);
  }

 private:
  static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull;
  std::uint64_t state_;
};

}  // namespace tandem
