// Bug-zoo scenario for SMP submission: two CPUs submit through one driver at once.
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

// What the CPUs share; reset by the configuration, before each run's CPUs start.
struct Shared {
  tce::TceDevice* device = nullptr;
  bool cpu1_done = false;
};
Shared shared;

void submitters(ScenarioContext& ctx, SimCpu& cpu) {
  Copies copies = seeded_copies(ctx, 6, 64, 2048);
  if (cpu.id() == 1) {
    if (cpu.wait_until([] { return shared.device != nullptr; }, kTimeoutNs) != 0) {
      ctx.fail(checker::kDriver, "cpu1 never saw the device probed");
    } else {
      submit(ctx, *shared.device, copies);
      wait_and_check(ctx, *shared.device, copies);
    }
    shared.cpu1_done = true;
    cpu.wake_all();
    return;
  }
  tce::DeviceConfig cfg;
  cfg.ring_log2 = 2;  // a small ring: the CPUs also meet on a full one
  tce::TceDevice dev(ctx.platform().hal(), cfg);
  if (!probe(ctx, dev)) return;
  shared.device = &dev;
  cpu.wake_all();
  submit(ctx, dev, copies);
  wait_and_check(ctx, dev, copies);
  if (cpu.wait_until([] { return shared.cpu1_done; }, kTimeoutNs) != 0) {
    ctx.fail(checker::kCompletion, "cpu1 did not finish its copies");
  }
  shared.device = nullptr;
  dev.remove();
}

const Registrar kMissingLock(
    "missing_lock",
    "submit puts requests on the rings without the driver's lock, while another CPU "
    "submits and the bottom half retires",
    checker::kLockDiscipline,
    [](PlatformConfig& c) {
      c.cpus = 2;
      shared = Shared{};
    },
    submitters);

}  // namespace
}  // namespace tandem::zoo
