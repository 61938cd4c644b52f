#include "irq_contract.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "hal.hpp"
#include "irq_state.hpp"
#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {
constexpr std::uint64_t kHeldPeriod = 1024;  // well under any service bound
}  // namespace

IrqContractChecker::IrqContractChecker(Platform& p) : Checker(checker::kIrqContract, p) {
  on(kind_bit(EventKind::kHandlerEntry) | kind_bit(EventKind::kHandlerReturn) | kind_bit(EventKind::kCsrAccess) |
         kind_bit(EventKind::kIrqRegister) | kind_bit(EventKind::kIrqFree) | kind_bit(EventKind::kDeviceIrq) |
         kind_bit(EventKind::kFault) | kind_bit(EventKind::kMemBurst),
     [this](const Event& e) {
       switch (e.kind) {
         case EventKind::kMemBurst:
           // No event pends before the device's first burst. Armed from the device's side:
           // a wake-up scheduled from a CPU's access would reorder CPUs racing at one cycle.
           if (!held_armed_) {
             held_armed_ = true;
             platform_.scheduler().at_cycle(platform_.cycle() + kHeldPeriod, [this] { judge_unsignalled(); });
           }
           break;
         case EventKind::kHandlerEntry: entry(e); break;
         case EventKind::kHandlerReturn: returned(e); break;
         case EventKind::kCsrAccess: csr_access(e); break;
         case EventKind::kDeviceIrq: device_irq(e); break;
         case EventKind::kIrqRegister:
           if (e.level) triggers_[{e.line, e.device}] = static_cast<unsigned>(e.data);
           break;
         case EventKind::kIrqFree: triggers_.erase({e.line, e.device}); break;
         default: {
           const std::string_view what(e.what);
           if (what == kFaultDropIrqs || what == kFaultDelayIrq || what == kFaultRemoval) {
             faults_ = true;
             signalled_.clear();
           }
         }
       }
     });
}

void IrqContractChecker::entry(const Event& e) {
  frames_[e.cpu].push_back(Frame{e.device, e.line, pending_on(platform_, e.device, e.line), 0});
  signalled_.erase({e.device, e.line});
}

void IrqContractChecker::returned(const Event& e) {
  auto& frames = frames_[e.cpu];
  if (frames.empty()) return;
  const Frame f = frames.back();
  frames.pop_back();
  // An unplugged device's state is no answer's measure.
  if (platform_.faults().device_removed(f.device)) return;
  if (e.level && f.at_entry == 0 && f.acked == 0 && f.seen == 0) {
    fail(
        fmt::format("handler of device {} on line {} answered \"handled\" with nothing pending for it at entry, "
                    "nothing in its status reads and nothing acknowledged",
                    f.device, f.line));
    return;
  }
  const std::uint32_t left = pending_on(platform_, f.device, f.line) & f.at_entry;
  if (!e.level && f.at_entry != 0 && ((f.acked & f.at_entry) != 0 || left != 0)) {
    fail(fmt::format(
        "handler of device {} on line {} answered \"not mine\" with its events 0x{:03x} pending at entry "
        "({} by it, 0x{:03x} still pending)",
        f.device, f.line, f.at_entry, (f.acked & f.at_entry) != 0 ? "acknowledged" : "not acknowledged", left));
  }
  // A PULSE vector signals an event only when its bit newly sets: events the handler left
  // pending make no edge when they happen again, so their service is judged from here.
  if (left != 0 && !faults_ && pulse_line(f.device, f.line) &&
      signalled_.emplace(std::make_pair(f.device, f.line), e.cycle).second) {
    judge_service(f.device, f.line, e.cycle);
  }
}

bool IrqContractChecker::pulse_line(unsigned device, unsigned line) {
  for (unsigned v = 0; v < r::kMaxVectors; ++v) {
    if (platform_.line_of(device, v) == line && pulse_mode(platform_, device, v)) return true;
  }
  return false;
}

void IrqContractChecker::csr_access(const Event& e) {
  const auto reg = static_cast<std::uint32_t>(e.addr);
  if (e.resp == 0 && e.write && reg >= r::IRQ_COALESCE::offset(0) &&
      reg < r::IRQ_COALESCE::offset(r::IRQ_COALESCE::kCount)) {
    unsignalled_.coalesce_written(e.device, (reg - r::IRQ_COALESCE::offset(0)) / r::IRQ_COALESCE::kStride,
                                  static_cast<std::uint32_t>(e.data));
  } else if (e.resp == 0 && !e.write && reg == r::VERSION::kOffset) {
    unsignalled_.revision_read(e.device, r::get<r::VERSION::REVISION>(static_cast<std::uint32_t>(e.data)));
  }
  auto& frames = frames_[e.cpu];
  if (frames.empty() || frames.back().device != e.device || e.resp != 0) return;
  const auto offset = static_cast<std::uint32_t>(e.addr);
  if ((e.write && offset == r::IRQ_STATUS::kOffset) || (!e.write && offset == r::IRQ_STATUS_RC::kOffset)) {
    frames.back().acked |= static_cast<std::uint32_t>(e.data);
  }
  if (!e.write &&
      (offset == r::IRQ_STATUS::kOffset || offset == r::IRQ_PENDING::kOffset || offset == r::IRQ_STATUS_RC::kOffset)) {
    frames.back().seen |= static_cast<std::uint32_t>(e.data);
  }
}

void IrqContractChecker::judge_unsignalled() {
  // From a fault on, losses are the injected faults' (and the scenario's) to judge; once the
  // run stops, time must be free to end (a judgement re-armed for ever would keep it going).
  if (faults_ || platform_.stopping() || platform_.programs_finished()) return;
  for (unsigned d = 0; d < platform_.devices(); ++d) {
    if (!judges(d)) continue;  // a device of another kind: its own checkers judge it
    for (unsigned v = 0; v < r::kMaxVectors; ++v) {
      const unsigned line = platform_.line_of(d, v);  // one per vector of a device, shared or not
      const std::string bug = unsignalled_.judge(d, v, line, pending_on(platform_, d, line), platform_.unheld_cycle(),
                                                 platform_.config().irq_service_bound);
      if (!bug.empty()) fail(bug);
    }
  }
  platform_.scheduler().at_cycle(platform_.cycle() + kHeldPeriod, [this] { judge_unsignalled(); });
}

void IrqContractChecker::device_irq(const Event& e) {
  unsignalled_.signal(e.device, e.line, e.level);
  if (!e.level) return;
  for (unsigned v = 0; v < r::kMaxVectors; ++v) {
    if (platform_.line_of(e.device, v) != e.line) continue;
    auto it = triggers_.find({e.line, e.device});
    if (it == triggers_.end()) continue;  // nobody asked for the line: lost_irq's concern
    const bool pulse = pulse_mode(platform_, e.device, v);
    const bool edge = it->second == static_cast<unsigned>(tce::Trigger::kEdgeRising);
    if (pulse != edge) {
      fail(fmt::format("line {} was requested {} but device {} vector {} signals it in {} mode (IRQ_MODE 0x{:x})",
                       e.line, edge ? "edge-rising" : "level-high", e.device, v, pulse ? "PULSE" : "LEVEL",
                       *platform_.harness(e.device).probes().irq_pulse));
    }
  }
  if (faults_) return;
  if (signalled_.emplace(std::make_pair(e.device, e.line), e.cycle).second) judge_service(e.device, e.line, e.cycle);
}

// At the bound's end: still not served, and its events still pending?
void IrqContractChecker::judge_service(unsigned device, unsigned line, std::uint64_t since) {
  if (!armed_.insert({device, line}).second) return;
  const std::uint64_t bound = platform_.config().irq_service_bound;
  // Held CPUs (a replayed schedule) are slow CPUs: their held cycles do not count.
  const std::uint64_t now = platform_.cycle(), waited = std::min(platform_.holds().between(since, now), bound);
  platform_.scheduler().at_cycle(now + (bound - waited) + 1, [this, device, line, bound] {
    armed_.erase({device, line});
    auto it = signalled_.find({device, line});
    if (it == signalled_.end()) return;
    const std::uint64_t age = platform_.holds().between(it->second, platform_.cycle());
    if (age <= bound) {
      judge_service(device, line, it->second);
      return;
    }
    const std::uint32_t pending = pending_on(platform_, device, line);
    if (pending != 0) {
      fail(fmt::format(
          "lost interrupt: device {} owed line {} a handler since cycle {} (its signal, or a PULSE "
          "handler that returned leaving them set) and none ran in {} cycles; events 0x{:03x} still pending",
          device, line, it->second, age, pending));
    }
    signalled_.erase(it);
  });
}

}  // namespace tandem
