// Power transitions as the event stream shows them: a copy, suspend to D3, resume to D0,
// another copy. The platform must publish D3 then D0 (from PM_STATUS reads), and each copy's
// descriptor fetch at the ring slot the driver filled: slot 0 both times (a fresh ring, then
// rings reset by resume).
#include <fmt/core.h>

#include <vector>

#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"

namespace tandem {
namespace {

constexpr std::uint64_t kTimeoutNs = 200'000;

void power_events(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::vector<std::uint64_t> states;
  std::vector<std::uint64_t> slots;  // the ring slots fetched, on whichever channel
  const EventBus::Subscription watch = p.events().subscribe(
      [&](const Event& e) {
        if (e.kind == EventKind::kPowerState) states.push_back(e.data);
        if (e.kind == EventKind::kDescFetch) slots.push_back(e.data);
      },
      kind_bit(EventKind::kPowerState) | kind_bit(EventKind::kDescFetch));
  SeededCopy before(ctx, 3000), after(ctx, 3000);
  tce::TceDevice dev(p.hal());
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  for (SeededCopy* c : {&before, &after}) {
    if (dev.submit(c->req) != 0 || dev.wait(c->req, kTimeoutNs) != 0 || c->req.status != 0 || !c->arrived()) {
      ctx.fail(checker::kCompletion, "a copy around the suspend did not complete right");
    }
    if (c == &before && (dev.suspend() != 0 || dev.resume() != 0)) {
      ctx.fail(checker::kDriver, "suspend or resume failed");
    }
  }
  dev.remove();
  if (states != std::vector<std::uint64_t>{3, 0}) {
    ctx.fail(checker::kObservers, fmt::format("power states published: {} (want D3, then D0)", states.size()));
  }
  if (slots != std::vector<std::uint64_t>{0, 0}) {
    ctx.fail(checker::kObservers, fmt::format("{} descriptor fetches (want slot 0, twice)", slots.size()));
  }
  ctx.note(fmt::format("{} power transitions, {} descriptor fetches", states.size(), slots.size()));
}

const ScenarioRegistrar kPowerEvents({"platform_power_events",
                                      "a copy, suspend, resume, a copy: the event stream shows D3 then D0, and each "
                                      "descriptor fetched at its ring slot",
                                      "", nullptr, power_events});

}  // namespace
}  // namespace tandem
