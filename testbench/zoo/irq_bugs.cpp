// Bug-zoo scenarios for the interrupt path: how the top half acknowledges, answers and
// asks for its line.
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

// Copies on both channels, so both vectors interrupt, often close together.
void busy(ScenarioContext& ctx, SimCpu&) {
  Copies copies = seeded_copies(ctx, 8, 64, 4096);
  run_copies(ctx, copies);
}

// Two devices on shared lines, each with copies of its own.
void shared(ScenarioContext& ctx, SimCpu&) {
  Copies copies[] = {seeded_copies(ctx, 3, 64, 4096), seeded_copies(ctx, 3, 64, 4096)};
  Platform& p = ctx.platform();
  tce::TceDevice dev0(p.hal(0)), dev1(p.hal(1));
  if (!probe(ctx, dev0) || !probe(ctx, dev1)) return;
  // One device at a time: while device 0 interrupts, device 1 has nothing pending, so its
  // handler's answer is tested on every seed (and the other way round).
  submit(ctx, dev0, copies[0]);
  wait_and_check(ctx, dev0, copies[0]);
  submit(ctx, dev1, copies[1]);
  wait_and_check(ctx, dev1, copies[1]);
  dev1.remove();
  dev0.remove();
}

void two_shared_devices(PlatformConfig& c) {
  c.devices = 2;
  c.share_irq_lines = true;
}

const Registrar kRmw("rmw_w1c", "the top half acknowledges W1C IRQ_STATUS by read-modify-write", checker::kRegUsage,
                     nullptr, busy);
const Registrar kAckAll("ack_all", "the top half acknowledges with all ones, not the events it read",
                        checker::kRegUsage, nullptr, busy);
const Registrar kReread("clear_by_reread",
                        "the top half clears what a fresh read of IRQ_PENDING shows after handling, events "
                        "that arrived meanwhile included",
                        checker::kRegUsage, nullptr, busy);
const Registrar kNotCleared("level_not_cleared",
                            "the top half never clears its device's IRQ_STATUS: the private level line storms",
                            checker::kIrqStorm, nullptr, busy);
const Registrar kSharedNever("shared_never_clears",
                             "the top half clears the pending events it did not handle instead of its own, on "
                             "a line two devices share",
                             checker::kIrqStorm, two_shared_devices, shared);
const Registrar kWrongAnswer("shared_wrong_answer",
                             "the top half answers \"handled\" with nothing pending, on a line two devices share",
                             checker::kIrqContract, two_shared_devices, shared);
const Registrar kEdge("edge_on_level", "the driver asks for a rising-edge line for a device in LEVEL mode",
                      checker::kIrqContract, nullptr, busy);

}  // namespace
}  // namespace tandem::zoo
