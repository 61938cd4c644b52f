// Seeded driver bugs against the device contract, one per scenario, each proving the
// checker that must catch it first: a descriptor edited after its doorbell and a doorbell
// one short (desc_ownership), a register read in D3 and a context register not restored after
// resume (power), an interrupt leaked by the unwinding of a failed probe and a watchdog
// left running past remove (resources). A twin without the bug shows that a probe failing
// halfway leaves nothing behind.
#include <fmt/core.h>

#include <cerrno>
#include <vector>

#include "hal_decorator.hpp"
#include "scenario.hpp"
#include "seeded_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

constexpr std::uint64_t kTimeoutNs = 200'000;

// A copy of seeded length, submitted and waited for; false (and a failure) if it went wrong.
bool copy_once(ScenarioContext& ctx, tce::TceDevice& dev, SeededCopy& c) {
  if (int rc = dev.submit(c.req); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
    return false;
  }
  if (dev.wait(c.req, kTimeoutNs) != 0 || c.req.status != 0 || !c.arrived()) {
    ctx.fail(checker::kCompletion, fmt::format("the copy did not complete right (status {})", c.req.status));
    return false;
  }
  return true;
}

std::uint32_t seeded_len(ScenarioContext& ctx) {
  return static_cast<std::uint32_t>(ctx.rng().range(1, 8 * 1024));
}

// A driver bug: after ringing a doorbell it edits the descriptor just published (clears
// its IRQ bit), which the device owns from the doorbell on.
class EditAfterDoorbellHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int dma_alloc(std::size_t size, tce::DmaRegion* out) override {
    const int rc = inner_.dma_alloc(size, out);
    if (rc == 0) rings_.push_back(*out);  // probe allocates ring c as the c-th region
    return rc;
  }
  void write32(std::uint32_t offset, std::uint32_t value) override {
    inner_.write32(offset, value);
    unsigned c = 0;
    const r::RegInfo* info = r::find(offset, &c);
    if (info == nullptr || info->offset != r::RING_TAIL::offset(0) || c >= rings_.size()) return;
    const std::size_t slots = rings_[c].size / r::desc::kBytes;
    const std::size_t last = (value + slots - 1) % slots;
    auto* ctrl = static_cast<unsigned char*>(rings_[c].cpu) + last * r::desc::kBytes + r::desc::kCtrlOffset;
    ctrl[0] = static_cast<unsigned char>(ctrl[0] & ~r::desc::CTRL::IRQ::kMask);
  }

 private:
  std::vector<tce::DmaRegion> rings_;
};

// A driver bug: the doorbell names the last descriptor written instead of the slot after it.
class DoorbellOneShortHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void write32(std::uint32_t offset, std::uint32_t value) override {
    unsigned c = 0;
    const r::RegInfo* info = r::find(offset, &c);
    if (info != nullptr && info->offset == r::RING_SIZE_LOG2::offset(0)) log2_[c] = value;
    if (info != nullptr && info->offset == r::RING_TAIL::offset(0)) value = (value - 1) & ((1u << log2_[c]) - 1);
    inner_.write32(offset, value);
  }

 private:
  unsigned log2_[r::kMaxChannels] = {};
};

// Interrupt vectors past the first are taken (-EBUSY), so probe fails after it acquired
// its rings and vector 0. With `leak`, the bug: the unwinding never frees vector 0.
class SecondIrqBusyHal : public HalDecorator {
 public:
  SecondIrqBusyHal(tce::Hal& inner, bool leak) : HalDecorator(inner), leak_(leak) {}
  int request_irq(unsigned v, tce::Trigger t, IrqHandler h) override {
    return v == 0 ? inner_.request_irq(v, t, std::move(h)) : -EBUSY;
  }
  void free_irq(unsigned v) override {
    if (!leak_) inner_.free_irq(v);
  }

 private:
  bool leak_;
};

// A driver bug: cancelling a timer does nothing, so the watchdog outlives the device.
class CancelNothingHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void cancel_timer(tce::TimerId) override {}
};

void copy_with(ScenarioContext& ctx, tce::Hal& hal) {
  SeededCopy c(ctx, seeded_len(ctx));
  tce::TceDevice dev(hal);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  (void)copy_once(ctx, dev, c);
  dev.remove();
}

// copy_with through a HAL with a seeded bug.
template <typename BuggyHal>
void copy_with_bug(ScenarioContext& ctx, SimCpu&) {
  BuggyHal hal(ctx.platform().hal());
  copy_with(ctx, hal);
}

// A copy, suspend, then `in_d3` (the bug, if any), resume, another copy.
void around_suspend(ScenarioContext& ctx, tce::Hal& hal, const std::function<void()>& in_d3) {
  SeededCopy before(ctx, seeded_len(ctx)), after(ctx, seeded_len(ctx));
  tce::DeviceConfig cfg;
  tce::TceDevice dev(hal, cfg);
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  if (!copy_once(ctx, dev, before)) return;
  if (dev.suspend() != 0) {
    ctx.fail(checker::kDriver, "suspend failed");
    return;
  }
  in_d3();
  if (dev.resume() != 0) {
    ctx.fail(checker::kDriver, "resume failed");
    return;
  }
  (void)copy_once(ctx, dev, after);
  dev.remove();
}

void probe_fails_halfway(ScenarioContext& ctx, bool leak) {
  SecondIrqBusyHal hal(ctx.platform().hal(), leak);
  tce::TceDevice dev(hal);
  const int rc = dev.probe();
  if (rc != -EBUSY) ctx.fail(checker::kDriver, fmt::format("probe returned {}, not -EBUSY", rc));
  ctx.note(fmt::format("probe failed as it should: {}", rc));
}

const ScenarioRegistrar kEditAfterDoorbell({
    "xfail_desc_rewritten_after_doorbell",
    "a driver that clears the IRQ bit of the descriptor it just published: the CPU writes a slot the device "
    "owns, and desc_ownership must catch it",
    checker::kDescOwnership,
    nullptr,
    copy_with_bug<EditAfterDoorbellHal>,
});

const ScenarioRegistrar kDoorbellOneShort({
    "xfail_doorbell_one_short",
    "a driver whose doorbell names its last descriptor instead of the slot after it: the descriptor just written "
    "stays unpublished, and desc_ownership must catch it at the doorbell",
    checker::kDescOwnership,
    nullptr,
    copy_with_bug<DoorbellOneShortHal>,
});

const ScenarioRegistrar kSuspendResume({
    "pm_suspend_resume_copy",
    "a copy of seeded length, suspend to D3, resume, another copy: the context comes back and no register is "
    "touched in D3",
    "",
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) { around_suspend(ctx, ctx.platform().hal(), [] {}); },
});

const ScenarioRegistrar kAccessInD3({
    "xfail_register_access_in_d3",
    "a driver that reads a channel's CH_STATUS while its device is in D3: power must catch it before the bus "
    "error it answers",
    checker::kPower,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) {
      tce::Hal& hal = ctx.platform().hal();
      around_suspend(ctx, hal, [&hal] { (void)hal.read32(r::CH_STATUS::offset(0)); });
    },
});

const ScenarioRegistrar kProbeHalfway({
    "probe_fails_halfway",
    "probe fails on its second interrupt vector, after its rings and first vector: it must leave nothing behind",
    "",
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) { probe_fails_halfway(ctx, false); },
});

const ScenarioRegistrar kProbeLeak({
    "xfail_probe_unwind_irq_leak",
    "probe fails on its second interrupt vector and its unwinding never frees the first: resources must catch "
    "the registration still held at the end",
    checker::kResources,
    nullptr,
    [](ScenarioContext& ctx, SimCpu&) { probe_fails_halfway(ctx, true); },
});

const ScenarioRegistrar kTimerLeak({
    "xfail_watchdog_outlives_remove",
    "a driver whose timer cancellations do nothing: its watchdog is still pending when remove frees the rings, "
    "and resources must catch it",
    checker::kResources,
    nullptr,
    copy_with_bug<CancelNothingHal>,
});

}  // namespace
}  // namespace tandem
