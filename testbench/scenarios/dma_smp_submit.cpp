// Several CPUs submit copies at the same time through one driver while the interrupt,
// routed to CPU 0, runs its top and bottom half there: the driver's lock must keep the rings
// consistent, and every byte of every copy must arrive.
#include <fmt/core.h>

#include <cstring>
#include <memory>
#include <vector>

#include "hal_decorator.hpp"
#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

constexpr unsigned kCopiesPerCpu = 6;
constexpr std::uint64_t kTimeoutNs = 500'000;

struct Copy {
  tce::CopyRequest req;
  std::uint8_t* src;
  std::uint8_t* dst;
  std::uint32_t len;
};

// What the CPUs share. CPU 0 owns the device, which lives only as long as CPU 0's body;
// the requests live for the whole run, as in-flight requests must outlive the device's use.
struct Shared {
  tce::TceDevice* device = nullptr;
  unsigned finished = 0;
  unsigned cpus = 2;
  enum class Bug { kNone, kNoLock, kPerCpuLock } bug = Bug::kNone;  // a seeded bug in the HAL's spinlock
  std::vector<std::unique_ptr<Copy>> copies[4];
};

void copies(ScenarioContext& ctx, SimCpu& cpu, tce::TceDevice& dev, std::vector<std::unique_ptr<Copy>>& list);

// A driver bug: the spinlock is a no-op (locks nothing, leaves interrupts as they are).
class NoLockHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  tce::IrqState lock_irqsave(tce::SpinLock&) override { return true; }
  void unlock_irqrestore(tce::SpinLock&, tce::IrqState) override {}
};

// A driver bug: each CPU takes a lock of its own where the driver's one lock belongs.
class PerCpuLockHal : public HalDecorator {
 public:
  explicit PerCpuLockHal(Platform& p) : HalDecorator(p.hal()), platform_(p) {}
  tce::IrqState lock_irqsave(tce::SpinLock&) override { return inner_.lock_irqsave(mine()); }
  void unlock_irqrestore(tce::SpinLock&, tce::IrqState s) override { inner_.unlock_irqrestore(mine(), s); }

 private:
  tce::SpinLock& mine() { return locks_[platform_.current_cpu_id() & 3]; }
  Platform& platform_;
  tce::SpinLock locks_[4];
};

void body(ScenarioContext& ctx, SimCpu& cpu, Shared& shared) {
  if (cpu.id() != 0) {
    if (cpu.wait_until([&] { return shared.device != nullptr; }, kTimeoutNs) != 0) {
      ctx.fail(checker::kDriver, fmt::format("cpu{} never saw the device probed", cpu.id()));
    } else {
      copies(ctx, cpu, *shared.device, shared.copies[cpu.id()]);
    }
    ++shared.finished;
    cpu.wake_all();
    return;
  }
  tce::DeviceConfig cfg;
  cfg.ring_log2 = 2;  // a small ring, so that the CPUs also meet on a full ring
  NoLockHal no_lock(ctx.platform().hal());
  PerCpuLockHal per_cpu(ctx.platform());
  tce::Hal& hal = shared.bug == Shared::Bug::kNoLock       ? no_lock
                  : shared.bug == Shared::Bug::kPerCpuLock ? static_cast<tce::Hal&>(per_cpu)
                                                           : ctx.platform().hal();
  tce::TceDevice dev(hal, cfg);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  shared.device = &dev;
  cpu.wake_all();
  copies(ctx, cpu, dev, shared.copies[0]);
  if (cpu.wait_until([&] { return shared.finished == shared.cpus - 1; }, kTimeoutNs) != 0) {
    ctx.fail(checker::kCompletion, "another CPU did not finish its copies");
  }
  shared.device = nullptr;
  dev.remove();
}

void copies(ScenarioContext& ctx, SimCpu& cpu, tce::TceDevice& dev, std::vector<std::unique_ptr<Copy>>& list) {
  for (unsigned i = 0; i < kCopiesPerCpu; ++i) {
    auto c = std::make_unique<Copy>();
    c->len = static_cast<std::uint32_t>(ctx.rng().range(1, 2048));
    c->src = ctx.host_buffer(c->len);
    c->dst = ctx.host_buffer(c->len);
    for (std::uint32_t b = 0; b < c->len; ++b) c->src[b] = static_cast<std::uint8_t>(ctx.rng().next());
    c->req.src = {{c->src, c->len}};
    c->req.dst = {{c->dst, c->len}};
    if (int rc = dev.submit(c->req); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("cpu{}: submit {} failed: {}", cpu.id(), i, rc));
      return;
    }
    list.push_back(std::move(c));
  }
  for (auto& c : list) {
    const bool finished = dev.wait(c->req, kTimeoutNs) == 0;
    if (finished && injected_error(ctx, c->req)) continue;  // -EIO is the right answer to it
    if (!finished || c->req.status != 0) {
      ctx.fail(checker::kCompletion,
               fmt::format("cpu{}: a copy did not complete (status {})", cpu.id(), c->req.status));
      return;
    }
    if (std::memcmp(c->src, c->dst, c->len) != 0) {
      ctx.fail(checker::kScoreboard, fmt::format("cpu{}: a copy of {} bytes arrived wrong", cpu.id(), c->len));
    }
  }
  ctx.note(fmt::format("cpu{}: {} copies checked", cpu.id(), list.size()));
}

// The CPUs' shared state is the run's own (ctx.shared), made on first use.
std::function<void(ScenarioContext&, SimCpu&)> run_with(Shared::Bug bug) {
  return [bug](ScenarioContext& ctx, SimCpu& cpu) {
    auto& shared = ctx.shared<Shared>();
    shared.cpus = ctx.platform().config().cpus;
    shared.bug = bug;
    body(ctx, cpu, shared);
  };
}

const ScenarioRegistrar kSmp({"dma_smp_submit",
                              "two CPUs submit copies at once; the interrupt runs on CPU 0; every byte checked", "",
                              [](PlatformConfig& c) { c.cpus = 2; }, run_with(Shared::Bug::kNone)});
const ScenarioRegistrar kSmp4({"dma_smp4_submit", "four CPUs submit copies at once through one driver", "",
                               [](PlatformConfig& c) { c.cpus = 4; }, run_with(Shared::Bug::kNone)});

const ScenarioRegistrar kSmpUnlocked({"xfail_smp_ring_unlocked",
                                      "dma_smp_submit with a driver whose spinlock locks nothing: ring state "
                                      "changes under no lock the CPUs share, and lock_discipline must catch it",
                                      checker::kLockDiscipline, [](PlatformConfig& c) { c.cpus = 2; },
                                      run_with(Shared::Bug::kNoLock)});

const ScenarioRegistrar kSmpPerCpuLock({"xfail_smp_per_cpu_lock",
                                        "dma_smp_submit with a driver whose CPUs each take a lock of their own: "
                                        "ring state changes under locks the CPUs do not share, and "
                                        "lock_discipline must catch it",
                                        checker::kLockDiscipline, [](PlatformConfig& c) { c.cpus = 2; },
                                        run_with(Shared::Bug::kPerCpuLock)});

}  // namespace
}  // namespace tandem
