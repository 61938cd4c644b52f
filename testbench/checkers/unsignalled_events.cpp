#include "unsignalled_events.hpp"

#include <fmt/core.h>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

void UnsignalledEvents::coalesce_written(unsigned device, unsigned vector, std::uint32_t value) {
  coalesce_[{device, vector}] = value & r::IRQ_COALESCE::kWriteMask;
}

void UnsignalledEvents::signal(unsigned device, unsigned line, bool level) {
  Line& l = lines_[{device, line}];
  if (level && !l.high) ++l.rises;
  l.high = level;
}

std::string UnsignalledEvents::judge(unsigned device, unsigned vector, unsigned line, std::uint32_t pending,
                                     std::uint64_t now, std::uint64_t bound) {
  const std::uint32_t config = coalesce_[{device, vector}];
  const std::uint32_t count = r::get<r::IRQ_COALESCE::COUNT>(config);
  const std::uint32_t timer = r::get<r::IRQ_COALESCE::TIMER>(config);
  const Line& l = lines_[{device, line}];
  Held& h = held_[{device, vector}];
  if (pending == 0 || l.high || (count > 1 && timer == 0)) {  // nothing held, signalled, or held by choice
    h.active = false;
    return {};
  }
  if (!h.active || h.rises != l.rises) {  // newly held, or signalled since: judge from now
    h = Held{true, now, l.rises};
    return {};
  }
  if (now - h.since <= timer + bound) return {};
  const std::uint64_t since = h.since;
  h.active = false;  // one report per holding
  const auto rev = revisions_.find(device);
  const std::string why =
      timer == 0 ? "no coalescing: it should have signalled at once"
                 : fmt::format("coalescing by a timer of {} cycles (count {}) that never released them{}", timer, count,
                               rev != revisions_.end() && rev->second == 1
                                   ? ": this is revision 1, whose timer never fires (erratum E2), and the driver "
                                     "relied on it"
                                   : "");
  return fmt::format(
      "lost event: device {} events 0x{:03x} pending and enabled since cycle {}, routed to vector {} (IRQ_COALESCE({}) "
      "= 0x{:08x}), not signalled in {} cycles; {}",
      device, pending, since, vector, vector, config, now - since, why);
}

}  // namespace tandem
