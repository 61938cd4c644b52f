// What the bug-zoo scenarios share. Each xfail_zoo_<class> scenario runs in the binary
// built with <class>.patch seeded into the driver (the runner hands it over), and drives
// the buggy path on every seed; with the release driver the same body passes.
#pragma once

#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"

namespace tandem::zoo {

inline constexpr std::uint64_t kTimeoutNs = 150'000;

using Copies = std::vector<std::unique_ptr<SeededCopy>>;

// `n` copies of seeded lengths in [min_len, max_len].
inline Copies seeded_copies(ScenarioContext& ctx, unsigned n, std::uint32_t min_len, std::uint32_t max_len) {
  Copies copies;
  for (unsigned i = 0; i < n; ++i) {
    copies.push_back(std::make_unique<SeededCopy>(ctx, static_cast<std::uint32_t>(ctx.rng().range(min_len, max_len))));
  }
  return copies;
}

inline bool probe(ScenarioContext& ctx, tce::TceDevice& dev) {
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return false;
  }
  return true;
}

inline void submit(ScenarioContext& ctx, tce::TceDevice& dev, Copies& copies) {
  for (auto& c : copies) {
    if (int rc = dev.submit(c->req); rc != 0) ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
  }
}

// Waits for each copy, then judges it: its bytes first (what the client sees), then how
// the driver said it ended.
inline void wait_and_check(ScenarioContext& ctx, tce::TceDevice& dev, Copies& copies,
                           std::uint64_t timeout_ns = kTimeoutNs) {
  for (auto& c : copies) {
    const int rc = dev.wait(c->req, timeout_ns);
    if (rc == 0 && !c->arrived()) {
      ctx.fail(checker::kScoreboard,
               fmt::format("a copy of {} bytes arrived wrong (status {})", c->len, c->req.status));
    } else if (rc != 0 || c->req.status != 0) {
      ctx.fail(checker::kCompletion,
               fmt::format("a copy of {} bytes did not complete: wait {}, status {}", c->len, rc, c->req.status));
    }
  }
}

// Copies through one device of device 0's HAL, probed with `cfg`: submitted together,
// each waited for and judged, then the device removed.
inline void run_copies(ScenarioContext& ctx, Copies& copies, const tce::DeviceConfig& cfg = {},
                       std::uint64_t timeout_ns = kTimeoutNs) {
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (!probe(ctx, dev)) return;
  submit(ctx, dev, copies);
  wait_and_check(ctx, dev, copies, timeout_ns);
  dev.remove();
}

// Registers xfail_zoo_<cls>.
struct Registrar {
  Registrar(const std::string& cls, std::string summary, std::string_view expect,
            std::function<void(PlatformConfig&)> configure, std::function<void(ScenarioContext&, SimCpu&)> body,
            std::vector<std::string> variants = {"default"}) {
    scenarios().push_back(
        {"xfail_zoo_" + cls, std::move(summary), expect, std::move(configure), std::move(body), std::move(variants)});
  }
};

}  // namespace tandem::zoo
