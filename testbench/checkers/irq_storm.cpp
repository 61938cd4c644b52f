#include "irq_storm.hpp"

#include <fmt/core.h>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

IrqStormChecker::IrqStormChecker(Platform& p) : Checker(checker::kIrqStorm, p), lines_(p.pic().lines()) {
  on(kind_bit(EventKind::kIrqTaken) | kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kDeviceIrq),
     [this](const Event& e) {
       if (e.kind == EventKind::kIrqTaken) {
         taken(e);
       } else if (e.kind == EventKind::kCsrAccess) {
         csr_access(e);
       } else if (!e.level) {
         progress(e.device);
       }
     });
}

void IrqStormChecker::taken(const Event& e) {
  Line& l = lines_.at(e.line);
  if (l.takes++ == 0) l.first = e.cycle;
  if (l.takes < kMinTakes || e.cycle - l.first < kWindow) return;
  fail(
      fmt::format("line {} taken {} times in {} cycles with no progress in its devices: a handler leaves its "
                  "device asserting",
                  e.line, l.takes, e.cycle - l.first));
  l = Line{};
  platform_.stop_run();
}

void IrqStormChecker::csr_access(const Event& e) {
  if (e.resp != 0) return;
  const auto offset = static_cast<std::uint32_t>(e.addr);
  if (e.write) {
    if (offset == r::IRQ_STATUS::kOffset && e.data != 0) progress(e.device);
    return;
  }
  if (offset == r::IRQ_STATUS_RC::kOffset) {
    if (e.data != 0) progress(e.device);
    return;
  }
  unsigned index = 0;
  const r::RegInfo* info = r::find(offset, &index);
  std::uint64_t value = e.data;
  if (info != nullptr && info->offset == r::CH_STATUS::offset(0)) {
    value = r::get<r::CH_STATUS::COMPLETED>(static_cast<std::uint32_t>(e.data));
  } else if (info == nullptr || info->offset != r::RING_HEAD::offset(0)) {
    return;
  }
  // A descriptor retired since the last look at this channel.
  auto [it, first] = last_read_.try_emplace({e.device, offset}, value);
  if (!first && it->second != value) progress(e.device);
  it->second = value;
}

// Every line the device drives had its sources move.
void IrqStormChecker::progress(unsigned device) {
  for (unsigned v = 0; v < 4; ++v) {
    const unsigned line = platform_.line_of(device, v);
    if (line < lines_.size()) lines_[line] = Line{};
  }
}

}  // namespace tandem
