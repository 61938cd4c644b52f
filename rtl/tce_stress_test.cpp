// The RTL stress test, one test per Verilated variant: 10^6 cycles each by default;
// TCE_STRESS_CYCLES sets another length (10^7 for the long regression) and
// TCE_STRESS_SEED another seed; TCE_STRESS_TRACE=1 prints every CSR access. A failure names the check, the episode and
// its cycle.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "stress/stress.hpp"

namespace {

std::uint64_t env_or(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 0) : fallback;
}

void stress(const std::string& variant, unsigned channels, unsigned vectors, unsigned revision) {
  tandem::stress::StressConfig cfg;
  cfg.variant = variant;
  cfg.shape = {channels, vectors, revision};
  cfg.cycles = env_or("TCE_STRESS_CYCLES", 1'000'000);
  cfg.seed = env_or("TCE_STRESS_SEED", 1);
  cfg.trace = env_or("TCE_STRESS_TRACE", 0) != 0;
  const auto t0 = std::chrono::steady_clock::now();
  const tandem::stress::StressResult r = tandem::stress::run_stress(cfg);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE(variant << " seed " << cfg.seed << ": " << r.cycles << " cycles in " << s << " s ("
                  << static_cast<std::uint64_t>(static_cast<double>(r.cycles) / s) << " cycles/s), " << r.csr_ops
                  << " CSR accesses, " << r.done << " descriptors done, " << r.failed << " channel errors, "
                  << r.channel_resets << " channel resets, " << r.soft_resets << " soft resets, " << r.wakes
                  << " wake-ups, " << r.rc_reads << " RC reads");
  INFO(r.check << " fired in episode " << r.episode << " at cycle " << r.fail_cycle << ": " << r.message);
  CHECK(r.ok());
  CHECK(r.cycles >= cfg.cycles);
  // The traffic reached what the checks are for.
  CHECK(r.done > 0);
  CHECK(r.failed > 0);
  CHECK(r.channel_resets > 0);
  CHECK(r.soft_resets > 0);
  CHECK(r.wakes > 0);
  CHECK(r.rc_reads > 0);
}

}  // namespace

TEST_CASE("default") {
  stress("default", 2, 2, 2);
}
TEST_CASE("rev1") {
  stress("rev1", 2, 2, 1);
}
TEST_CASE("ch1") {
  stress("ch1", 1, 1, 2);
}
TEST_CASE("ch4") {
  stress("ch4", 4, 4, 2);
}
