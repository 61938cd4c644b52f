// Seeded bugs that prove the contract checkers (reg_usage, irq_contract, timing): each
// scenario runs copies through a driver whose HAL misbehaves in one precise way, and the
// checker it names must catch that first. Beside them, the release driver in each of its
// interrupt modes, which every checker must pass quietly.
#include <fmt/core.h>

#include <memory>

#include "hal_decorator.hpp"
#include "no_ack_hal.hpp"
#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

constexpr std::uint64_t kCopyTimeoutNs = 200'000;

// Probes through `hal`, runs `copies` seeded copies one after the other, removes. `before`
// runs after the probe (a scenario's own setup on the device).
void copies_through(ScenarioContext& ctx, tce::Hal& hal, const tce::DeviceConfig& cfg, unsigned copies,
                    const std::function<void()>& before = {}) {
  std::vector<std::unique_ptr<SeededCopy>> done;  // declared first: outlive the device's use of them
  tce::TceDevice dev(hal, cfg);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  if (before) before();
  for (unsigned i = 0; i < copies; ++i) {
    auto copy = std::make_unique<SeededCopy>(ctx, static_cast<std::uint32_t>(ctx.rng().range(1, 4096)));
    SeededCopy& c = *copy;
    done.push_back(std::move(copy));
    if (int rc = dev.submit(c.req); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
      break;
    }
    if (dev.wait(c.req, kCopyTimeoutNs) != 0 || c.req.status != 0 || !c.arrived()) {
      ctx.fail(checker::kCompletion, fmt::format("copy {} did not complete correctly", i));
      break;
    }
  }
  dev.remove();
}

// The top half acknowledges by read-modify-write: it reads IRQ_STATUS and writes back what it
// read with its own bits added.
class RmwAckHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    if (offset == r::IRQ_STATUS::kOffset) value |= inner_.read32(offset);
    inner_.write32(offset, value);
  }
};

// The driver zeroes each channel's RING_HEAD (read-only) as it starts the channel.
class WriteHeadHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    unsigned channel = 0;
    const r::RegInfo* info = r::find(offset, &channel);
    if (info != nullptr && info->offset == r::CH_CTRL::offset(0) && r::get<r::CH_CTRL::RUN>(value) != 0) {
      inner_.write32(r::RING_HEAD::offset(channel), 0);
    }
    inner_.write32(offset, value);
  }
};

// The top half acknowledges all ones, whatever it saw.
class AckAllHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    inner_.write32(offset, offset == r::IRQ_STATUS::kOffset ? 0xFFFFFFFFu : value);
  }
};

// The top half handles what it read, then reads IRQ_PENDING again and acknowledges that.
class ReReadAckHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    if (offset == r::IRQ_STATUS::kOffset) {
      for (int i = 0; i < 4; ++i) (void)inner_.read32(r::SCRATCH::kOffset);  // "handling"
      value = inner_.read32(r::IRQ_PENDING::kOffset);
    }
    inner_.write32(offset, value);
  }
};

// A software-raised event the driver has not enabled stays latched in IRQ_STATUS, as any
// disabled event would: what a write-back of IRQ_STATUS clears without anyone handling it.
void latch_disabled_event(ScenarioContext& ctx) {
  ctx.platform().hal().write32(r::IRQ_TEST::kOffset, r::IRQ_STATUS::PM_DONE::kMask);
}

const ScenarioRegistrar kRmwAck({
    "xfail_reg_rmw_ack",
    "copies with a top half that acknowledges IRQ_STATUS by read-modify-write, beside a latched event it does "
    "not own: reg_usage must catch the write-back",
    checker::kRegUsage,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      RmwAckHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 2, [&ctx] { latch_disabled_event(ctx); });
    },
});

const ScenarioRegistrar kWriteHead({
    "xfail_reg_write_ro",
    "copies with a driver that writes the read-only RING_HEAD of each channel it starts: reg_usage must name the "
    "misuse before csr_bus sees the SLVERR",
    checker::kRegUsage,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      WriteHeadHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 1);
    },
});

const ScenarioRegistrar kAckAll({
    "xfail_reg_ack_all",
    "copies with a top half that acknowledges all ones: reg_usage must catch the ack-all",
    checker::kRegUsage,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      AckAllHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 2);
    },
});

// The event that lands between the two reads: raised on the device as soon as the handler's
// first status read completed, by a bus write of no CPU (as hardware would raise it).
void raise_after_first_read(Platform& p) {
  p.scheduler().when(
      [](const Event& e) { return e.kind == EventKind::kCsrAccess && !e.write && e.addr == r::IRQ_PENDING::kOffset; },
      [&p] {
        p.scheduler().at_cycle(p.cycle(), [&p] {
          auto req = std::make_shared<CsrRequest>();
          auto done = std::make_shared<sc_core::sc_event>();
          req->write = true;
          req->addr = r::IRQ_TEST::kOffset;
          req->data = r::IRQ_STATUS::CH_DONE::mask(1);
          p.engine().submit(0, req.get(), done.get());
          sc_core::wait(*done);
        });
      });
}

const ScenarioRegistrar kReReadAck({
    "xfail_reg_reread_ack",
    "copies with a top half that re-reads IRQ_PENDING after handling and acknowledges the second read, while an "
    "event lands between the reads: reg_usage must catch the read-then-clear race",
    checker::kRegUsage,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      ReReadAckHal hal(ctx.platform().hal());
      raise_after_first_read(ctx.platform());
      copies_through(ctx, hal, {}, 2);
    },
});

// The handler does its work but answers "not mine".
class NotMineHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    return inner_.request_irq(v, t, [h = std::move(h)] {
      (void)h();
      return tce::IrqReturn::kNone;
    });
  }
};

// The handler claims every interrupt as its own, whatever its device shows.
class AlwaysMineHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    return inner_.request_irq(v, t, [h = std::move(h)] {
      (void)h();
      return tce::IrqReturn::kHandled;
    });
  }
};

// request_irq asks for the other trigger than the device's mode needs.
class WrongTriggerHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    const auto other = t == tce::Trigger::kLevelHigh ? tce::Trigger::kEdgeRising : tce::Trigger::kLevelHigh;
    return inner_.request_irq(v, other, std::move(h));
  }
};

// The handler is slow: it polls the device in interrupt context instead of deferring.
class SlowHandlerHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    return inner_.request_irq(v, t, [this, h = std::move(h)] {
      for (int i = 0; i < 100; ++i) (void)inner_.read32(r::SCRATCH::kOffset);
      return h();
    });
  }
};

const ScenarioRegistrar kNotMine({
    "xfail_irq_not_mine",
    "copies with a handler that handles its device's events but answers \"not mine\": irq_contract must catch it",
    checker::kIrqContract,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      NotMineHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 2);
    },
});

const ScenarioRegistrar kAlwaysMine({
    "xfail_irq_always_mine",
    "two devices share their lines; device 1's handler answers \"handled\" for every interrupt while copies run "
    "on device 0 only: irq_contract must catch the false claim",
    checker::kIrqContract,
    [](PlatformConfig& c) {
      c.devices = 2;
      c.share_irq_lines = true;
    },
    [](ScenarioContext& ctx, SimCpu&) {
      AlwaysMineHal hal(ctx.platform().hal(1));
      tce::TceDevice idle(hal);
      if (int rc = idle.probe(); rc != 0) {
        ctx.fail(checker::kDriver, fmt::format("probe of device 1 failed: {}", rc));
        return;
      }
      copies_through(ctx, ctx.platform().hal(0), {}, 2);
      idle.remove();
    },
});

const ScenarioRegistrar kWrongTrigger({
    "xfail_irq_wrong_trigger",
    "copies with a driver whose request_irq asks for an edge-rising line while its device signals LEVEL: "
    "irq_contract must catch the mismatch",
    checker::kIrqContract,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      WrongTriggerHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 2);
    },
});

const ScenarioRegistrar kLostPulse({
    "xfail_irq_lost_pulse",
    "PULSE mode with a top half that never clears the device's status: later events of the same bits make no "
    "edge, and irq_contract must report the lost interrupt within the scenario's bound",
    checker::kIrqContract,
    [](PlatformConfig& c) { c.irq_service_bound = 20'000; },
    [](ScenarioContext& ctx, SimCpu&) {
      NoAckHal hal(ctx.platform().hal());
      tce::DeviceConfig cfg;
      cfg.irq_mode = tce::IrqMode::kPulse;
      cfg.max_channels = 1;       // both copies' events on the one bit
      cfg.watchdog_ns = 100'000;  // the driver's own recovery comes only after the bound
      copies_through(ctx, hal, cfg, 2);
    },
});

const ScenarioRegistrar kSlowHandler({
    "xfail_isr_over_budget",
    "copies with a handler that polls the device 100 times before its work: the timing checker must catch the "
    "handler over its budget",
    checker::kTiming,
    [](PlatformConfig& c) { c.isr_budget = 1'000; },
    [](ScenarioContext& ctx, SimCpu&) {
      SlowHandlerHal hal(ctx.platform().hal());
      copies_through(ctx, hal, {}, 2);
    },
});

}  // namespace
}  // namespace tandem
