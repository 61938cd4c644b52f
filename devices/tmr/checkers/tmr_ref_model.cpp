#include "tmr_ref_model.hpp"

#include <algorithm>
#include <limits>

#include "tmr_regs.hpp"

namespace tandem::tmr_check {

namespace r = tmr::reg;

namespace {
constexpr std::uint32_t kKickMagic = 0x4B1C4B1C;  // README section 3: the one value that kicks
constexpr std::uint32_t kEvents = r::STATUS::EXPIRED::kMask | r::STATUS::BARK::kMask;
constexpr std::uint32_t kCtrlBits =
    r::CTRL::ENABLE::kMask | r::CTRL::PERIODIC::kMask | r::CTRL::IRQ_MODE::kMask | r::CTRL::WDOG_EN::kMask;
}  // namespace

bool TmrRefModel::pulse_mode() const {
  return (ctrl_ & r::CTRL::IRQ_MODE::kMask) != 0;
}

void TmrRefModel::step(const Write* writes, unsigned count) {
  ++edge_;
  // Everything at this edge follows from the state before it.
  const bool enable = (ctrl_ & r::CTRL::ENABLE::kMask) != 0;
  const bool wdog_en = (ctrl_ & r::CTRL::WDOG_EN::kMask) != 0;
  // The timer (section 4): a start loads LOAD; then one down per edge; the edge at 1 expires.
  const bool start = enable && !enabled_before_;
  const bool counting = enable && enabled_before_ && count_ != 0;
  const bool expire = counting && count_ == 1;
  if (start) {
    count_ = load_;
  } else if (expire) {
    count_ = (ctrl_ & r::CTRL::PERIODIC::kMask) != 0 ? load_ : 0;
  } else if (counting) {
    --count_;
  }
  // The watchdog (section 5): a start or a kick loads WDOG_LOAD, and wins over a bark.
  const bool reload = wdog_en && (!wdog_enabled_before_ || kicked_);
  const bool wdog_counting = wdog_en && !reload && wdog_count_ != 0;
  const bool bark = wdog_counting && wdog_count_ == 1;
  if (reload || bark) {
    wdog_count_ = wdog_load_;
  } else if (wdog_counting) {
    --wdog_count_;
  }
  if (bad_kick_ && bad_kicks_ != r::BAD_KICKS::COUNT::kMask) ++bad_kicks_;
  const std::uint32_t events = (expire ? r::STATUS::EXPIRED::kMask : 0) | (bark ? r::STATUS::BARK::kMask : 0);
  pulses_ = events & irq_enable_;  // enabled as the edge found IRQ_ENABLE
  enabled_before_ = enable;
  wdog_enabled_before_ = wdog_en;
  kicked_ = bad_kick_ = false;
  // The writes of this edge: visible after it; an event beats its own clear.
  std::uint32_t cleared = 0;
  for (unsigned i = 0; i < count; ++i) {
    const Write& w = writes[i];
    switch (w.offset) {
      case r::CTRL::kOffset: ctrl_ = w.value & kCtrlBits; break;
      case r::LOAD::kOffset: load_ = w.value; break;
      case r::STATUS::kOffset: cleared |= w.value & kEvents; break;
      case r::IRQ_ENABLE::kOffset: irq_enable_ = w.value & kEvents; break;
      case r::WDOG_LOAD::kOffset: wdog_load_ = w.value; break;
      case r::KICK::kOffset: (w.value == kKickMagic ? kicked_ : bad_kick_) = true; break;
      default: break;  // read-only: answered SLVERR, no effect
    }
  }
  status_ = (status_ & ~cleared) | events;
}

std::uint64_t TmrRefModel::skip(std::uint64_t most) {
  const bool enable = (ctrl_ & r::CTRL::ENABLE::kMask) != 0;
  const bool wdog_en = (ctrl_ & r::CTRL::WDOG_EN::kMask) != 0;
  if (enable != enabled_before_ || wdog_en != wdog_enabled_before_ || kicked_ || bad_kick_ || pulses_ != 0) return 0;
  std::uint64_t n = most;
  const bool counting = enable && count_ != 0;
  const bool wdog_counting = wdog_en && wdog_count_ != 0;
  if (counting) n = std::min<std::uint64_t>(n, count_ - 1);  // the edge at 1 expires: step() it
  if (wdog_counting) n = std::min<std::uint64_t>(n, wdog_count_ - 1);
  if (counting) count_ -= static_cast<std::uint32_t>(n);
  if (wdog_counting) wdog_count_ -= static_cast<std::uint32_t>(n);
  edge_ += n;
  return n;
}

bool TmrRefModel::line(unsigned vector) const {
  const std::uint32_t bit = std::uint32_t{1} << vector;
  if (pulse_mode()) return (pulses_ & bit) != 0;
  return (status_ & irq_enable_ & bit) != 0;
}

std::uint32_t TmrRefModel::read(std::uint32_t offset) const {
  switch (offset) {
    case r::ID::kOffset: return r::put<r::ID::VENDOR>(r::kVendorId) | r::put<r::ID::DEVICE>(r::kDeviceId);
    case r::CTRL::kOffset: return ctrl_;
    case r::LOAD::kOffset: return load_;
    case r::COUNT::kOffset: return count_;
    case r::STATUS::kOffset: return status_;
    case r::IRQ_ENABLE::kOffset: return irq_enable_;
    case r::WDOG_LOAD::kOffset: return wdog_load_;
    case r::WDOG_COUNT::kOffset: return wdog_count_;
    case r::BAD_KICKS::kOffset: return bad_kicks_;
    default: return 0;  // KICK reads 0; an offset no register has reads 0 (DECERR)
  }
}

template <typename Happened>
std::uint64_t TmrRefModel::edges_until(Happened happened, std::uint64_t most, bool* found) const {
  // Eventful edges (a start, expiry, bark, pulse) are stepped one by one: a periodic timer
  // whose LEVEL line stays up has one every period, and nothing else can change without a
  // write, so the search stops after a few of them.
  constexpr int kEventfulEdges = 64;
  TmrRefModel ahead = *this;
  *found = false;
  for (int eventful = 0; ahead.edge_ - edge_ < most && eventful < kEventfulEdges && !*found;) {
    const TmrRefModel before = ahead;
    if (ahead.skip(most - (ahead.edge_ - edge_)) == 0) {
      ahead.step();
      ++eventful;
    }
    *found = happened(before, ahead);
  }
  return ahead.edge_ - edge_;
}

std::uint64_t TmrRefModel::edges_to_rise(unsigned vector, std::uint64_t most) const {
  bool found = false;
  const std::uint64_t n = edges_until(
      [vector](const TmrRefModel& a, const TmrRefModel& b) { return !a.line(vector) && b.line(vector); }, most, &found);
  return found ? n : 0;
}

std::uint64_t TmrRefModel::edges_to_look(std::uint64_t most) const {
  bool found = false;
  const std::uint64_t n = edges_until(
      [](const TmrRefModel& a, const TmrRefModel& b) { return a.line(0) != b.line(0) || a.line(1) != b.line(1); }, most,
      &found);
  return found || n < most ? n : 0;
}

}  // namespace tandem::tmr_check
