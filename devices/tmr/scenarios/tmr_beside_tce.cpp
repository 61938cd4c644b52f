// The TMR beside a TCE on one platform (device 0 the TCE, device 1 the TMR): its driver's
// periodic timer counts expiries through its interrupt handler, in LEVEL and PULSE mode,
// while the TCE copies; its watchdog barks only when not kicked in time.
#include <fmt/core.h>

#include <cstring>
#include <memory>

#include "scenario.hpp"
#include "tce_device.hpp"
#include "tmr_timer.hpp"

namespace tandem {
namespace {

constexpr unsigned kTce = 0;
constexpr unsigned kTmr = 1;

void two_kinds(PlatformConfig& c) {
  c.device_list = {{"tce", "default"}, {"tmr", "tmr"}};
}

// Seeded copies on the TCE, submitted at once and checked at the end.
class TceCopies {
 public:
  explicit TceCopies(ScenarioContext& ctx) : ctx_(ctx) {}
  bool start() {
    dev_ = std::make_unique<tce::TceDevice>(ctx_.platform().hal(kTce));
    if (int rc = dev_->probe(); rc != 0) {
      ctx_.fail(checker::kDriver, fmt::format("probe of the TCE failed: {}", rc));
      return false;
    }
    for (auto& c : copies_) {
      c.len = static_cast<std::uint32_t>(ctx_.rng().range(500, 8000));
      c.src = ctx_.host_buffer(c.len);
      c.dst = ctx_.host_buffer(c.len);
      for (std::uint32_t i = 0; i < c.len; ++i) c.src[i] = static_cast<std::uint8_t>(ctx_.rng().next());
      c.req.src = {{c.src, c.len}};
      c.req.dst = {{c.dst, c.len}};
      if (dev_->submit(c.req) != 0) ctx_.fail(checker::kDriver, "submit on the TCE failed");
    }
    return true;
  }
  void finish() {
    for (auto& c : copies_) {
      if (dev_->wait(c.req, 400'000) != 0 || c.req.status != 0 || std::memcmp(c.src, c.dst, c.len) != 0) {
        ctx_.fail(checker::kCompletion, "a copy on the TCE did not complete right");
      }
    }
    dev_->remove();
  }

 private:
  struct Copy {
    std::uint8_t *src = nullptr, *dst = nullptr;
    std::uint32_t len = 0;
    tce::CopyRequest req;
  };
  ScenarioContext& ctx_;
  Copy copies_[3];  // declared before the device: the requests outlive it, on every path
  std::unique_ptr<tce::TceDevice> dev_;
};

bool probe_tmr(ScenarioContext& ctx, tmr::TmrTimer& timer) {
  if (int rc = timer.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe of the TMR failed: {}", rc));
    return false;
  }
  return true;
}

// A periodic timer of a seeded period counts kExpiries expiries while the TCE copies. Each
// expiry runs the callback once, and no more expiries are handled than periods went by.
void periodic_timer(ScenarioContext& ctx, tmr::IrqMode mode) {
  constexpr unsigned kExpiries = 6;
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tmr::TmrTimer timer(ctx.platform().hal(kTmr), {mode});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(1500, 4000));
  unsigned callbacks = 0;
  const std::uint64_t started = ctx.platform().cycle();
  if (timer.start(period, true, [&callbacks] { ++callbacks; }) != 0) ctx.fail(checker::kDriver, "timer start failed");
  if (timer.wait_expiries(kExpiries, 40ull * kExpiries * period) != 0) {
    ctx.fail(checker::kIrqMode, fmt::format("{} of {} expiries handled", timer.expiries(), kExpiries));
  }
  timer.stop();
  const std::uint64_t elapsed = ctx.platform().cycle() - started;
  if (callbacks != timer.expiries() || timer.expiries() > elapsed / period + 1) {
    ctx.fail(checker::kIrqMode, fmt::format("{} callbacks, {} expiries in {} cycles of period {}", callbacks,
                                            timer.expiries(), elapsed, period));
  }
  ctx.note(fmt::format("{} expiries of period {} in {} cycles", timer.expiries(), period, elapsed));
  timer.remove();
  copies.finish();
}

// Sleeps `cycles` cycles (1 ns each) in process context, taking interrupts: a wait for
// nothing, which ends at its timeout.
void idle(ScenarioContext& ctx, std::uint64_t cycles) {
  (void)ctx.platform().hal(kTmr).wait_until([] { return false; }, cycles);
}

// The watchdog of a seeded period: kicked every half period it never barks; left alone it
// barks, no sooner than one period after it was enabled.
void watchdog(ScenarioContext& ctx, bool kicked) {
  TceCopies copies(ctx);
  if (!copies.start()) return;
  tmr::TmrTimer timer(ctx.platform().hal(kTmr), {});
  if (!probe_tmr(ctx, timer)) return;
  const auto period = static_cast<std::uint32_t>(ctx.rng().range(2000, 5000));
  std::uint64_t first_bark = 0;
  const std::uint64_t enabled = ctx.platform().cycle();
  if (timer.wdog_enable(period, [&] {
        if (first_bark == 0) first_bark = ctx.platform().cycle();
      }) != 0) {
    ctx.fail(checker::kDriver, "watchdog enable failed");
  }
  if (kicked) {
    for (int i = 0; i < 8; ++i) {
      idle(ctx, period / 2);
      timer.kick();
    }
    if (timer.barks() != 0)
      ctx.fail(checker::kScenario, fmt::format("kicked in time, it barked {} times", timer.barks()));
  } else {
    const int rc = ctx.platform().hal(kTmr).wait_until([&] { return timer.barks() > 0; }, 40ull * period);
    if (rc != 0) ctx.fail(checker::kScenario, "never kicked, it never barked");
    if (rc == 0 && first_bark < enabled + period) {
      ctx.fail(checker::kScenario,
               fmt::format("barked {} cycles after enable, period {}", first_bark - enabled, period));
    }
  }
  timer.wdog_disable();
  timer.remove();
  copies.finish();
}

const ScenarioRegistrar kLevel({"tmr_periodic_level",
                                "TMR beside a TCE: a periodic timer, LEVEL lines, counts expiries while the TCE copies",
                                "", two_kinds,
                                [](ScenarioContext& ctx, SimCpu&) { periodic_timer(ctx, tmr::IrqMode::kLevel); }});
const ScenarioRegistrar kPulse({"tmr_periodic_pulse",
                                "TMR beside a TCE: a periodic timer, PULSE lines, counts expiries while the TCE copies",
                                "", two_kinds,
                                [](ScenarioContext& ctx, SimCpu&) { periodic_timer(ctx, tmr::IrqMode::kPulse); }});
const ScenarioRegistrar kKicked({"tmr_wdog_kicked", "TMR beside a TCE: a watchdog kicked every half period never barks",
                                 "", two_kinds, [](ScenarioContext& ctx, SimCpu&) { watchdog(ctx, true); }});
const ScenarioRegistrar kBark({"tmr_wdog_bark", "TMR beside a TCE: a watchdog never kicked barks after its period", "",
                               two_kinds, [](ScenarioContext& ctx, SimCpu&) { watchdog(ctx, false); }});

}  // namespace
}  // namespace tandem
