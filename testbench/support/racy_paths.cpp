#include "racy_paths.hpp"

#include <fmt/core.h>

#include <memory>
#include <vector>

#include "seeded_copy.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"

namespace tandem::racy {

namespace {

// Longer than two held CPUs (an explored schedule holds one up to 200,000 cycles per
// perturbation) and the copies themselves: a slow CPU is no lost copy.
constexpr std::uint64_t kTimeoutNs = 1'000'000;

// Copies of seeded lengths, each counting its completions: a request completes exactly once,
// with its bytes, or with -EIO when a schedule injected the device error that failed it.
struct Copies {
  Copies(ScenarioContext& ctx, unsigned n, std::uint32_t min_len, std::uint32_t max_len) : ctx_(ctx) {
    for (unsigned i = 0; i < n; ++i) {
      auto len = static_cast<std::uint32_t>(ctx.rng().range(min_len, max_len));
      list.push_back(std::make_unique<SeededCopy>(ctx, len));
      completions.push_back(0);
      list.back()->req.on_complete = [this, i](tce::CopyRequest&) {
        if (++completions[i] == 2) ctx_.fail(checker::kCompletion, fmt::format("copy {} completed twice", i));
      };
    }
  }
  void submit(tce::TceDevice& dev) {
    for (auto& c : list) {
      if (int rc = dev.submit(c->req); rc != 0) ctx_.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
    }
  }
  // Each copy finished, once, with its bytes.
  void wait_and_check(tce::TceDevice& dev) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      SeededCopy& c = *list[i];
      const int rc = dev.wait(c.req, kTimeoutNs);
      if (rc == 0 && c.req.status == 0 && !c.arrived()) {
        ctx_.fail(checker::kScoreboard, fmt::format("copy {} of {} bytes arrived wrong", i, c.len));
      } else if (rc == 0 && injected_error(ctx_, c.req)) {
        ctx_.note(fmt::format("copy {} failed with the device error a schedule injected, reported as -EIO", i));
      } else if (rc != 0 || c.req.status != 0) {
        ctx_.fail(checker::kCompletion,
                  fmt::format("copy {} of {} bytes did not complete: wait {}, status {}", i, c.len, rc, c.req.status));
      }
    }
  }
  ScenarioContext& ctx_;
  std::vector<std::unique_ptr<SeededCopy>> list;
  std::vector<unsigned> completions;
};

bool probe(ScenarioContext& ctx, tce::TceDevice& dev) {
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return false;
  }
  return true;
}

// One CPU: probe with `cfg`, submit the copies, wait for each, remove.
void one_cpu(ScenarioContext& ctx, const tce::DeviceConfig& cfg, Copies& copies) {
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (!probe(ctx, dev)) return;
  copies.submit(dev);
  copies.wait_and_check(dev);
  dev.remove();
}

tce::DeviceConfig one_channel() {
  tce::DeviceConfig cfg;
  cfg.max_channels = 1;
  cfg.ring_log2 = 2;
  return cfg;
}

}  // namespace

void isr_vs_submit(ScenarioContext& ctx, SimCpu&) {
  Copies copies(ctx, 3, 32, 256);
  one_cpu(ctx, one_channel(), copies);
}

void isr_vs_bottom_half(ScenarioContext& ctx, SimCpu&) {
  tce::DeviceConfig cfg = one_channel();
  cfg.irq_mode = tce::IrqMode::kPulse;  // an edge each: the second may come while the first is handled
  // The watchdog would find a completion whose event was lost, a millisecond late: here it
  // waits longer than a copy may, so a lost event shows as a copy that did not complete.
  cfg.watchdog_ns = 10 * kTimeoutNs;
  Copies first(ctx, 1, 32, 64);
  Copies second(ctx, 1, 2048, 4096);  // still in flight while the first one's bottom half runs
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (!probe(ctx, dev)) return;
  first.submit(dev);
  second.submit(dev);
  first.wait_and_check(dev);
  second.wait_and_check(dev);
  dev.remove();
}

void two_cpus(PlatformConfig& config) {
  config.cpus = 2;
}

namespace {

// Two CPUs submit `per_cpu` copies each through one driver probed with `cfg`; CPU 1 starts
// `stagger_ns` after it saw the device probed.
void two_cpus_submit(ScenarioContext& ctx, SimCpu& cpu, const tce::DeviceConfig& cfg, unsigned per_cpu,
                     std::uint64_t stagger_ns) {
  struct Shared {
    tce::TceDevice* device = nullptr;
    bool cpu1_done = false;
  };
  auto& shared = ctx.shared<Shared>();
  Copies copies(ctx, per_cpu, 32, 256);
  if (cpu.id() != 0) {
    if (cpu.wait_until([&] { return shared.device != nullptr; }, kTimeoutNs) != 0) {
      ctx.fail(checker::kDriver, "cpu1 never saw the device probed");
    } else {
      if (stagger_ns != 0) (void)cpu.wait_until([] { return false; }, stagger_ns);
      copies.submit(*shared.device);
      copies.wait_and_check(*shared.device);
    }
    shared.cpu1_done = true;
    cpu.wake_all();
    return;
  }
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (!probe(ctx, dev)) return;
  shared.device = &dev;
  cpu.wake_all();
  copies.submit(dev);
  copies.wait_and_check(dev);
  if (cpu.wait_until([&] { return shared.cpu1_done; }, kTimeoutNs) != 0) {
    ctx.fail(checker::kCompletion, "cpu1 did not finish its copies");
  }
  shared.device = nullptr;
  dev.remove();
}

}  // namespace

void smp_submit(ScenarioContext& ctx, SimCpu& cpu) {
  two_cpus_submit(ctx, cpu, one_channel(), 2, 0);
}

void smp_submit_staggered(ScenarioContext& ctx, SimCpu& cpu) {
  tce::DeviceConfig cfg = one_channel();
  // CPU 1's doorbell finds the ring empty, so the watchdog it arms runs on CPU 1, within one
  // hold of CPU 0 (which takes the interrupts).
  cfg.watchdog_ns = 20'000;
  // Long enough for CPU 0's copy to have completed on any seed: plain runs never overlap them.
  two_cpus_submit(ctx, cpu, cfg, 1, 2'000);
}

void watchdog_vs_completion(ScenarioContext& ctx, SimCpu&) {
  tce::DeviceConfig cfg = one_channel();
  // One interrupt per four events: two copies raise none, and the watchdog is what finds
  // them finished (or failed), against whatever else completes them.
  cfg.coalesce_count = 4;
  cfg.watchdog_ns = 20'000;
  Copies copies(ctx, 2, 256, 1024);
  one_cpu(ctx, cfg, copies);
}

void suspend_vs_completion(ScenarioContext& ctx, SimCpu&) {
  tce::TceDevice dev(ctx.platform().hal(), one_channel());
  if (!probe(ctx, dev)) return;
  Copies copies(ctx, 1, 256, 1024);
  copies.submit(dev);
  // Suspend waits for the ring to drain: the completion lands inside it.
  if (int rc = dev.suspend(); rc != 0) {
    ctx.fail(checker::kPm, fmt::format("suspend with a copy in flight answered {}, not 0 once drained", rc));
  }
  if (int rc = dev.resume(); rc != 0) ctx.fail(checker::kDriver, fmt::format("resume failed: {}", rc));
  copies.wait_and_check(dev);
  dev.remove();
}

}  // namespace tandem::racy
