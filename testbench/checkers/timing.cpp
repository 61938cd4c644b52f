#include "timing.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "axi.hpp"
#include "cpu.hpp"
#include "irq_state.hpp"

namespace tandem {

std::string Latencies::summary(const std::string& name) const {
  if (n_ == 0) return fmt::format("{} n=0", name);
  // The sample of rank r (0-based) in sorted order, walking the counts.
  auto at_rank = [this](std::uint64_t r) {
    for (const auto& [value, count] : counts_) {
      if (r < count) return value;
      r -= count;
    }
    return counts_.rbegin()->first;
  };
  const std::uint64_t p99 = (n_ * 99 + 99) / 100 - 1;  // the smallest sample at or above 99 % of them
  return fmt::format("{} n={} min={} median={} p99={} max={}", name, n_, counts_.begin()->first, at_rank((n_ - 1) / 2),
                     at_rank(p99), counts_.rbegin()->first);
}

LatencyHistogram Latencies::histogram(const std::string& name) const {
  LatencyHistogram h{name, {}};
  for (const auto& [value, count] : counts_) h.buckets[histogram_bucket(value)] += count;
  return h;
}

std::string latency_summary(const std::string& name, const std::vector<std::uint64_t>& samples) {
  Latencies l;
  for (std::uint64_t s : samples) l.add(s);
  return l.summary(name);
}

TimingChecker::TimingChecker(Platform& p) : Checker(checker::kTiming, p) {
  on(kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kDeviceIrq) | kind_bit(EventKind::kHandlerEntry) |
         kind_bit(EventKind::kHandlerReturn) | kind_bit(EventKind::kContext) | kind_bit(EventKind::kFault),
     [this](const Event& e) {
       switch (e.kind) {
         case EventKind::kCsrAccess: csr_access(e); break;
         case EventKind::kHandlerEntry: entry(e); break;
         case EventKind::kHandlerReturn: returned(e); break;
         case EventKind::kDeviceIrq:
           if (e.level) line_rose(e);
           break;
         case EventKind::kContext:
           if (std::string_view(e.what) == "bh") {
             if (auto it = awaiting_bh_.find(e.cpu); it != awaiting_bh_.end()) {
               isr_to_bh_.add(e.cycle - it->second);
               awaiting_bh_.erase(it);
             }
           }
           break;
         default: break;
       }
     });
}

void TimingChecker::csr_access(const Event& e) {
  const auto resp = static_cast<AxiResp>(e.resp);
  if (platform_.faults().device_removed(e.device) || resp == AxiResp::kTimeout) return;  // answered by nobody
  unsigned index = 0;
  const tce::reg::RegInfo* info = tce::reg::find(static_cast<std::uint32_t>(e.addr), &index);
  if (e.write && resp == AxiResp::kOkay && info != nullptr && info->offset == tce::reg::IRQ_COALESCE::offset(0) &&
      (tce::reg::get<tce::reg::IRQ_COALESCE::COUNT>(static_cast<std::uint32_t>(e.data)) > 1 ||
       tce::reg::get<tce::reg::IRQ_COALESCE::TIMER>(static_cast<std::uint32_t>(e.data)) != 0)) {
    coalescing_.insert({e.device, index});  // from now on its line may lag its events by design
  }
  csr_answer_.add(e.line);
  if (e.line <= kCsrAnswerBound) return;
  fail(fmt::format(
      "{} {} of device {} answered {} cycles after its handshake (bound {})", e.write ? "write to" : "read of",
      platform_.register_name(e.device, static_cast<std::uint32_t>(e.addr)), e.device, e.line, kCsrAnswerBound));
}

void TimingChecker::line_rose(const Event& e) {
  signalled_.emplace(std::make_pair(e.device, e.line), e.cycle);
  if (platform_.faults().device_removed(e.device)) return;
  for (unsigned v = 0; v < tce::reg::kMaxVectors; ++v) {
    if (platform_.line_of(e.device, v) != e.line || coalescing_.count({e.device, v}) != 0) continue;
    const std::uint32_t pending = pending_on(platform_, e.device, e.line);
    if (pending == 0) continue;
    // The latest of the events it signals: an earlier one may have waited for a coalescing
    // vector or for its enable, which this does not judge.
    std::uint64_t latest = 0;
    for (std::uint32_t bits = pending; bits != 0; bits &= bits - 1) {
      latest = std::max(latest, platform_.harness(e.device).pending_since(static_cast<unsigned>(__builtin_ctz(bits))));
    }
    const std::uint64_t lag = e.cycle - latest;
    event_to_line_.add(lag);
    if (lag > kEventToLineBound) {
      fail(
          fmt::format("device {} vector {} raised line {} {} cycles after its events 0x{:03x} became pending (bound {} "
                      "without coalescing)",
                      e.device, v, e.line, lag, pending, kEventToLineBound));
    }
  }
}

void TimingChecker::entry(const Event& e) {
  frames_[e.cpu].push_back(Frame{e.cycle, e.device, e.line});
  if (auto it = signalled_.find({e.device, e.line}); it != signalled_.end()) {
    signal_to_isr_.add(e.cycle - it->second);
    signalled_.erase(it);
  }
}

void TimingChecker::returned(const Event& e) {
  auto& frames = frames_[e.cpu];
  if (frames.empty()) return;
  const Frame f = frames.back();
  frames.pop_back();
  const std::uint64_t took = platform_.holds().between(f.entry, e.cycle);  // held cycles are the CPU's
  isr_duration_.add(took);
  if (e.level) awaiting_bh_.try_emplace(e.cpu, f.entry);
  const std::uint64_t budget = platform_.config().isr_budget;
  if (took > budget) {
    fail(fmt::format("handler of device {} on line {} ran {} cycles (cycle {} to {}), over its budget of {}", f.device,
                     f.line, took, f.entry, e.cycle, budget));
  }
}

std::vector<const Latencies*> TimingChecker::kinds(std::vector<std::string>* names) const {
  *names = {"csr_answer", "event_to_line", "signal_to_isr", "isr_duration", "isr_to_bh"};
  return {&csr_answer_, &event_to_line_, &signal_to_isr_, &isr_duration_, &isr_to_bh_};
}

std::vector<std::string> TimingChecker::records() const {
  std::vector<std::string> names, out;
  const std::vector<const Latencies*> all = kinds(&names);
  // cppcheck-suppress containerOutOfBounds ; kinds() gives a name for every entry of all
  for (std::size_t i = 0; i < all.size(); ++i) out.push_back(all[i]->summary(names[i]));
  return out;
}

std::vector<LatencyHistogram> TimingChecker::histograms() const {
  std::vector<std::string> names;
  std::vector<LatencyHistogram> out;
  const std::vector<const Latencies*> all = kinds(&names);
  // cppcheck-suppress containerOutOfBounds ; kinds() gives a name for every entry of all
  for (std::size_t i = 0; i < all.size(); ++i) out.push_back(all[i]->histogram(names[i]));
  return out;
}

}  // namespace tandem
