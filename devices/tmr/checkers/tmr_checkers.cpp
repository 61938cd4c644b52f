// The TMR's own checkers, judged by its contract (devices/tmr/README.md): each follows every
// TMR of the run with the contract's model (tmr_tracker.hpp) and fails the run on the first
// divergence of its own sort. They join the runner's checkers as a plug-in
// (testbench/checkers/plugins.hpp): no file of the runner names them.
#include <fmt/core.h>

#include <map>
#include <memory>
#include <vector>

#include "checkers/plugins.hpp"
#include "tmr_checker_names.hpp"
#include "tmr_regs.hpp"
#include "tmr_tracker.hpp"

namespace tandem {
namespace {

namespace r = tmr::reg;
using tmr_check::Divergence;
using What = Divergence::What;

// Judges the divergences `mine` picks out of its own tracker's.
class TrackingChecker : public Checker {
 public:
  TrackingChecker(std::string_view name, Platform& platform, bool (*mine)(const Divergence&))
      : Checker(name, platform, "tmr"), tracker_(platform, [this, mine](const Divergence& d) {
          if (mine(d)) fail(d.message);
        }) {
    // Without a TMR on the platform it listens to nothing: no cost to a TCE's run.
    if (judges_any()) on(tmr_check::TmrTracker::kEvents, [this](const Event& e) { tracker_.on_event(e); });
  }

 private:
  tmr_check::TmrTracker tracker_;
};

bool watchdog_register(std::uint32_t offset) {
  return offset == r::WDOG_LOAD::kOffset || offset == r::WDOG_COUNT::kOffset || offset == r::BAD_KICKS::kOffset;
}

// When expiries happen: the timer's line rising, the timer's registers read.
bool period_divergence(const Divergence& d) {
  if (d.what == What::kRise) return d.vector == 0;
  if (d.what == What::kRead) {
    if (d.offset == r::STATUS::kOffset) return (d.differ & r::STATUS::EXPIRED::kMask) != 0;
    return !watchdog_register(d.offset);
  }
  return d.what == What::kOrder;  // the model lost track: said once, under the first checker
}

// When barks happen: the watchdog's line rising, its registers read.
bool watchdog_divergence(const Divergence& d) {
  if (d.what == What::kRise) return d.vector == 1;
  if (d.what == What::kRead) {
    if (d.offset == r::STATUS::kOffset) return (d.differ & r::STATUS::BARK::kMask) != 0;
    return watchdog_register(d.offset);
  }
  return false;
}

// How lines signal: a line falling (or not) as its mode says. And the contract's rule for
// LEVEL handlers (section 7): each clears exactly its own vector's STATUS bit.
class IrqModeChecker : public TrackingChecker {
 public:
  explicit IrqModeChecker(Platform& platform)
      : TrackingChecker(checker::kTmrIrqMode, platform, [](const Divergence& d) { return d.what == What::kFall; }) {
    if (!judges_any()) return;
    on(kind_bit(EventKind::kHandlerEntry) | kind_bit(EventKind::kHandlerReturn) | kind_bit(EventKind::kCsrAccess),
       [this](const Event& e) { handlers(e); });
  }

 private:
  struct Frame {
    unsigned device, line;
  };

  void handlers(const Event& e) {
    if (e.kind == EventKind::kHandlerEntry) {
      frames_[e.cpu].push_back({e.device, e.line});
    } else if (e.kind == EventKind::kHandlerReturn) {
      if (!frames_[e.cpu].empty()) frames_[e.cpu].pop_back();
    } else if (e.write && e.resp == 0) {
      written(e);
    }
  }

  void written(const Event& e) {
    const auto value = static_cast<std::uint32_t>(e.data);
    if (e.addr == r::CTRL::kOffset) ctrl_[e.device] = value;
    const std::vector<Frame>& frames = frames_[e.cpu];
    if (e.addr != r::STATUS::kOffset || frames.empty() || frames.back().device != e.device) return;
    if ((ctrl_[e.device] & r::CTRL::IRQ_MODE::kMask) != 0) return;  // PULSE: STATUS is no handler's business
    std::uint32_t own = 0;
    for (unsigned v = 0; v < tmr_check::kVectors; ++v) {
      if (platform_.line_of(e.device, v) == frames.back().line) own |= std::uint32_t{1} << v;
    }
    const std::uint32_t others = value & ~own & (r::STATUS::EXPIRED::kMask | r::STATUS::BARK::kMask);
    if (others == 0) return;
    fail(
        fmt::format("device {}: cpu{}'s LEVEL handler of line {} wrote 0x{:x} to STATUS, clearing {}: a LEVEL handler "
                    "clears exactly its own vector's bit (README section 7), another vector's event is lost",
                    e.device, e.cpu, frames.back().line, value,
                    (others & r::STATUS::BARK::kMask) != 0 ? "BARK (the watchdog's)" : "EXPIRED (the timer's)"));
  }

  std::map<int, std::vector<Frame>> frames_;  // each CPU's TMR handlers running
  std::map<unsigned, std::uint32_t> ctrl_;    // each TMR's CTRL as last written
};

const CheckerRegistrar kPeriod(
    {{checker::kTmrPeriod,
      "a TMR's timer line rises where the contract's model of the register writes has no expiry (early, or while "
      "disabled or masked) or does not rise where it has one (late, missing), or a read of COUNT, STATUS.EXPIRED or "
      "another timer register differs from the model"},
     [](Platform& p) { return std::make_unique<TrackingChecker>(checker::kTmrPeriod, p, period_divergence); }});
const CheckerRegistrar kIrqMode(
    {{checker::kTmrIrqMode,
      "a TMR's LEVEL line falls before its STATUS bit is cleared or stays up after it, a PULSE line stays high past "
      "its one cycle, or a LEVEL handler clears another vector's STATUS bit"},
     [](Platform& p) { return std::make_unique<IrqModeChecker>(p); }});
const CheckerRegistrar kWatchdog(
    {{checker::kTmrWatchdog,
      "a TMR's watchdog line rises where the contract's model has no bark (kicked in time with the magic value) or "
      "does not rise where it has one (a KICK of another value reloads nothing), or a read of WDOG_COUNT, STATUS.BARK "
      "or BAD_KICKS differs from the model"},
     [](Platform& p) { return std::make_unique<TrackingChecker>(checker::kTmrWatchdog, p, watchdog_divergence); }});

}  // namespace
}  // namespace tandem
