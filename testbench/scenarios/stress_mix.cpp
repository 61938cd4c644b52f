// A long constrained-random stress, deterministic per seed: 2 to 4 CPUs submit checked
// scatter-gather copies of random sizes and alignments to one or two devices over all
// their channels, in a seeded interrupt mode with or without coalescing, while CPU 0
// injects faults (source or destination bus errors, delayed interrupts, memory stalls) and
// suspends and resumes device 0. At least 2,000,000 cycles, every checker on. Each copy is
// judged by the contract: one without a fault arrives intact; one whose source or
// destination answers SLVERR ends -EIO with SRC_READ or DST_WRITE.
#include <fmt/core.h>

#include <cerrno>
#include <deque>
#include <memory>

#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

constexpr std::uint64_t kMinCycles = 2'000'000;
constexpr std::uint64_t kTimeoutNs = 3'000'000;  // copies may wait behind stalls and a suspend

struct Tracked {
  std::unique_ptr<CheckedCopy> copy;
  bool faulted = false;                                     // its source or its destination answers SLVERR
  tce::reg::ErrCode fault_code = tce::reg::ErrCode::kNone;  // the error it must end with then
};

// What the CPUs of one run share (ScenarioContext::shared). The copies live as long as
// the run, beyond the devices' use of them.
struct Stress {
  std::vector<tce::TceDevice*> devices;
  unsigned finished = 0;
  std::deque<Tracked> copies[4];
  unsigned faults = 0, suspends = 0;
};

tce::DeviceConfig seeded_config(Rng& rng) {
  tce::DeviceConfig cfg;
  switch (rng.range(0, 4)) {
    case 0: break;
    case 1: cfg.irq_mode = tce::IrqMode::kPulse; break;
    case 2: cfg.read_to_clear = true; break;
    case 3: cfg.irq_mode = tce::IrqMode::kPolling; break;
    default: cfg.coalesce_count = static_cast<unsigned>(rng.range(2, 6)), cfg.coalesce_timer_cycles = 2000;
  }
  cfg.ring_log2 = static_cast<unsigned>(rng.range(5, 7));
  return cfg;
}

bool judge(ScenarioContext& ctx, SimCpu& cpu, tce::TceDevice& dev, Tracked& t) {
  tce::CopyRequest& req = t.copy->request();
  if (dev.wait(req, kTimeoutNs) != 0 || !req.finished()) {
    ctx.fail(checker::kCompletion, fmt::format("cpu{}: a copy did not finish ({})", cpu.id(), t.copy->describe()));
    return false;
  }
  if (t.faulted) {
    if (req.status != -EIO || req.err_code != t.fault_code) {
      ctx.fail(checker::kCompletion,
               fmt::format("cpu{}: a copy with a failing bus ended {} ({}), not -EIO ({})", cpu.id(), req.status,
                           tce::reg::to_string(req.err_code), tce::reg::to_string(t.fault_code)));
    }
    return true;
  }
  if (req.status != 0) {
    ctx.fail(checker::kCompletion, fmt::format("cpu{}: a copy failed: {} ({}; {})", cpu.id(), req.status,
                                               tce::reg::to_string(req.err_code), t.copy->describe()));
    return false;
  }
  return t.copy->verify(ctx);
}

// CPU 0's disturbances, one at a time.
void disturb(ScenarioContext& ctx, Stress& s, Tracked& next) {
  Platform& p = ctx.platform();
  switch (ctx.rng().range(0, 9)) {
    case 0: {  // only device 0's memory port takes bus errors, on the source or the destination
      const bool on_source = ctx.rng().range(0, 1) == 0;
      const tce::CopyRequest& req = next.copy->request();
      const tce::Segment& seg = on_source ? req.src.front() : req.dst.front();
      const std::uint64_t bus = p.memory().bus_of(seg.cpu, seg.len);
      p.faults().bus_error(0, bus, bus + seg.len, on_source, !on_source);
      next.faulted = true;
      next.fault_code = on_source ? tce::reg::ErrCode::kSrcRead : tce::reg::ErrCode::kDstWrite;
      ++s.faults;
      break;
    }
    case 1: p.faults().delay_next_irq(ctx.rng().range(100, 5000)), ++s.faults; break;
    case 2: p.faults().stall_memory(0, ctx.rng().range(100, 20'000)), ++s.faults; break;
    case 3: {
      tce::TceDevice& dev = *s.devices[0];
      const int rc = dev.suspend();
      if (rc != 0 && rc != -EBUSY) ctx.fail(checker::kDriver, fmt::format("suspend returned {}", rc));
      if (int back = dev.resume(); back != 0) ctx.fail(checker::kDriver, fmt::format("resume returned {}", back));
      ++s.suspends;
      break;
    }
    default: break;
  }
}

void traffic(ScenarioContext& ctx, SimCpu& cpu, Stress& s) {
  auto& mine = s.copies[cpu.id()];
  while (ctx.platform().cycle() < kMinCycles && ctx.platform().failures().empty()) {
    const auto batch = static_cast<unsigned>(ctx.rng().range(1, 4));
    const std::size_t first = mine.size();
    std::vector<unsigned> device;
    for (unsigned i = 0; i < batch; ++i) {
      mine.push_back({std::make_unique<CheckedCopy>(ctx, random_shape(ctx.rng(), 1, 16 * 1024, 6)), false});
      auto d = static_cast<unsigned>(ctx.rng().range(0, s.devices.size() - 1));
      if (cpu.id() == 0 && i == 0) {
        disturb(ctx, s, mine.back());
        if (mine.back().faulted) d = 0;
      }
      device.push_back(d);
      if (int rc = s.devices[d]->submit(mine.back().copy->request()); rc != 0) {
        ctx.fail(checker::kDriver, fmt::format("cpu{}: submit failed: {}", cpu.id(), rc));
        return;
      }
    }
    for (unsigned i = 0; i < batch; ++i) {
      if (!judge(ctx, cpu, *s.devices[device[i]], mine[first + i])) return;
    }
  }
  ctx.note(fmt::format("cpu{}: {} copies judged", cpu.id(), mine.size()));
}

void stress(ScenarioContext& ctx, SimCpu& cpu) {
  auto& s = ctx.shared<Stress>();
  Platform& p = ctx.platform();
  const unsigned cpus = p.config().cpus;
  if (cpu.id() != 0) {
    if (cpu.wait_until([&] { return !s.devices.empty(); }, 100'000) != 0) {
      ctx.fail(checker::kDriver, fmt::format("cpu{} never saw the devices probed", cpu.id()));
    } else {
      traffic(ctx, cpu, s);
    }
    ++s.finished;
    cpu.wake_all();
    return;
  }
  std::vector<std::unique_ptr<tce::TceDevice>> devices;
  for (unsigned d = 0; d < p.devices(); ++d) {
    devices.push_back(std::make_unique<tce::TceDevice>(p.hal(d), seeded_config(ctx.rng())));
    if (!probe_or_fail(ctx, *devices.back())) return;
  }
  for (auto& d : devices) s.devices.push_back(d.get());
  cpu.wake_all();
  traffic(ctx, cpu, s);
  if (cpu.wait_until([&] { return s.finished == cpus - 1; }, kTimeoutNs) != 0) {
    ctx.fail(checker::kCompletion, "another CPU did not finish its copies");
  }
  ctx.note(fmt::format("{} CPUs, {} devices: {} faults injected, {} suspend/resume cycles", cpus, p.devices(), s.faults,
                       s.suspends));
  s.devices.clear();
  for (auto& d : devices) d->remove();
}

void configure(PlatformConfig& c) {
  Rng rng(c.seed * 0x9E3779B97F4A7C15ull + 17);  // the run's seed decides the platform's shape
  c.cpus = static_cast<unsigned>(rng.range(2, 4));
  c.devices = static_cast<unsigned>(rng.range(1, 2));
}

Scenario make() {
  Scenario s{"stress_mix",
             "2-4 CPUs, one or two devices, random copies, modes, faults and suspend/resume for 2M cycles or more", "",
             configure, stress};
  s.variants = {"default", "rev1", "ch4"};
  return s;
}
const ScenarioRegistrar kStress(make());

}  // namespace
}  // namespace tandem
