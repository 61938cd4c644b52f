#include "func_collector.hpp"

#include <cstring>

#include "tce_regs.hpp"

namespace tandem::cov {

namespace r = tce::reg;

namespace {

constexpr unsigned kEvents = 9;  // IRQ_STATUS events: CH_DONE(c), CH_ERR(c), PM_DONE
constexpr std::uint32_t kPmDone = r::IRQ_STATUS::PM_DONE::kMask;

const std::string& cause_of(unsigned event) {
  const auto& causes = irq_causes();  // CH_DONE, CH_ERR, PM_DONE
  if ((std::uint32_t{1} << event) == kPmDone) return causes[2];
  return causes[event % 2];
}

std::uint32_t field_mask(const r::FieldInfo& f) {
  return static_cast<std::uint32_t>(((std::uint64_t{1} << f.width) - 1) << f.lsb);
}

}  // namespace

EventKinds FuncCollector::kinds() {
  return kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kContext) | kind_bit(EventKind::kPowerState) |
         kind_bit(EventKind::kTimer) | kind_bit(EventKind::kDescFetch);
}

void FuncCollector::on(const Event& e, std::uint32_t latched) {
  if (!taken_.takes(e)) return;
  switch (e.kind) {
    case EventKind::kCsrAccess:
      if (e.cpu >= 0 && e.resp == 0) csr(e, latched);  // what the driver did and the device took
      break;
    case EventKind::kContext: context_[e.cpu] = e.what; break;
    case EventKind::kPowerState: {
      Device& d = devices_[e.device];
      const auto to = static_cast<unsigned>(e.data);
      const std::string from_name = r::to_string(static_cast<r::PmState>(d.pm_state));
      const std::string to_name = r::to_string(static_cast<r::PmState>(to));
      if (to != d.pm_state && from_name != "?" && to_name != "?") hit(kPower, from_name + "->" + to_name);
      d.pm_state = to;
      break;
    }
    case EventKind::kTimer:
      // E2's flush timer: timers carry no device, so any device the driver left counting only.
      if (std::strcmp(e.what, kTimerFire) != 0) break;
      for (const auto& [id, d] : devices_) {
        if (d.e2_count_only) {
          hit(kQuirk, "E2_flush_timer");
          break;
        }
      }
      break;
    case EventKind::kDescFetch: {
      if (e.line >= 4) break;
      Channel& ch = devices_[e.device].channels[e.line];
      // A halted channel, reset by the driver, working again: the error was recovered from.
      if (ch.error != 0 && ch.reset) {
        hit(kError, std::string(r::to_string(static_cast<r::ErrCode>(ch.error))) + ":recovered");
        ch = Channel{};
      }
      break;
    }
    default: break;
  }
}

void FuncCollector::csr(const Event& e, std::uint32_t latched) {
  const auto offset = static_cast<std::uint32_t>(e.addr);
  const auto data = static_cast<std::uint32_t>(e.data);
  unsigned index = 0;
  const r::RegInfo* reg = r::find(offset, &index);
  if (reg == nullptr) return;
  register_bins(offset, e.write, data);
  Device& d = devices_[e.device];
  // Events the device latched that cannot signal: the driver, working the device, polls them
  // (in polling mode through the descriptors' STATUS words and CH_STATUS; PM_DONE through
  // PM_STATUS).
  for (unsigned ev = 0; ev < kEvents; ++ev) {
    const std::uint32_t bit = std::uint32_t{1} << ev;
    if ((latched & bit) != 0 && (d.irq_enable & bit) == 0) hit(kIrqCause, cause_of(ev) + ":polling");
  }
  if (e.write) {
    configure(d, reg->offset, index, data);
    return;
  }
  if (reg->offset == r::IRQ_STATUS::kOffset || reg->offset == r::IRQ_PENDING::kOffset) {
    events_seen(d, e.cpu, data, false);
  } else if (reg->offset == r::IRQ_STATUS_RC::kOffset) {
    events_seen(d, e.cpu, data, true);
  } else if (reg->offset == r::CH_STATUS::offset(0) && index < 4) {
    channel_status(d, index, data);
  } else if (reg->offset == r::PM_STATUS::kOffset && (data & r::PM_STATUS::PM_REFUSED::kMask) != 0) {
    hit(kPower, "D3_refused");
  }
  quirk_read(d, offset, data);
}

// A read covers every field it returns; a write covers a stored field whatever its value, an
// action field (W1C, W1S, WO) only where it wrote a 1 (a 0 does nothing).
void FuncCollector::register_bins(std::uint32_t offset, bool write, std::uint32_t data) {
  const r::RegInfo* reg = r::find(offset);
  for (std::size_t f = 0; f < reg->field_count; ++f) {
    const r::FieldInfo& field = reg->fields[f];
    bool used = false;
    if (!write) {
      used = readable(field.access);
    } else if (field.access == r::Access::RW) {
      used = true;
    } else if (writable(field.access)) {
      used = (data & field_mask(field)) != 0;
    }
    if (used) hit(kRegister, register_bin(reg->name, field.name, write));
  }
}

void FuncCollector::configure(Device& d, std::uint32_t offset, unsigned index, std::uint32_t data) {
  if (offset == r::IRQ_ENABLE::kOffset) d.irq_enable = data;
  if (offset == r::IRQ_VEC_MAP::kOffset) d.vec_map = data;
  if (offset == r::IRQ_MODE::kOffset) d.irq_mode = data;
  if (offset == r::IRQ_COALESCE::offset(0) && index < 4) {
    d.coalesce[index] = data;
    const bool count_only = r::get<r::IRQ_COALESCE::COUNT>(data) > 1 && r::get<r::IRQ_COALESCE::TIMER>(data) == 0;
    if (d.revision == 1 && count_only) {
      hit(kQuirk, "E2_timer_left_off");
      d.e2_count_only = true;
    }
  }
  if (offset == r::CH_CTRL::offset(0) && index < 4 && (data & r::CH_CTRL::RESET::kMask) != 0) {
    d.channels[index].reset = true;
  }
  if (offset == r::CTRL::kOffset && (data & r::CTRL::SOFT_RESET::kMask) != 0) {
    // Every register but the power domain back to reset; every channel's error cleared.
    const int revision = d.revision;
    const unsigned pm = d.pm_state;
    std::array<Channel, 4> channels = d.channels;
    for (Channel& c : channels) c.reset = true;
    d = Device{};
    d.revision = revision;
    d.pm_state = pm;
    d.channels = channels;
  }
  d.readback_offset = 0;
  if (d.revision == 1 && offset == r::RING_SIZE_LOG2::offset(0) && data == 1) {
    d.readback_offset = r::RING_SIZE_LOG2::offset(index);
  }
}

// Each event the driver saw pending, binned by how it reached the driver: read to clear, or
// polled (not in a handler, with its enable off), or in a handler by its vector's mode, and
// also as coalesced when that vector coalesces.
void FuncCollector::events_seen(const Device& d, int cpu, std::uint32_t events, bool rc) {
  const auto ctx = context_.find(cpu);
  const bool in_isr = ctx != context_.end() && ctx->second == "isr";
  for (unsigned e = 0; e < kEvents; ++e) {
    const std::uint32_t bit = std::uint32_t{1} << e;
    if ((events & bit) == 0) continue;
    const std::string& cause = cause_of(e);
    if (rc) {
      hit(kIrqCause, cause + ":rc");
      continue;
    }
    if (!in_isr) {
      if ((d.irq_enable & bit) == 0) hit(kIrqCause, cause + ":polling");
      continue;
    }
    const unsigned vec = (d.vec_map >> (2 * e)) & 3;
    hit(kIrqCause, cause + (((d.irq_mode >> vec) & 1) != 0 ? ":pulse" : ":level"));
    const std::uint32_t c = d.coalesce[vec];
    if (r::get<r::IRQ_COALESCE::COUNT>(c) > 1 || r::get<r::IRQ_COALESCE::TIMER>(c) != 0) {
      hit(kIrqCause, cause + ":coalesced");
    }
  }
}

void FuncCollector::channel_status(Device& d, unsigned channel, std::uint32_t data) {
  const std::uint32_t code = r::get<r::CH_STATUS::ERR_CODE>(data);
  if ((data & r::CH_STATUS::HALTED::kMask) == 0 || code == 0) return;
  Channel& ch = d.channels[channel];
  if (ch.error == code && !ch.reset) return;  // the same halt read again
  hit(kError, std::string(r::to_string(static_cast<r::ErrCode>(code))) + ":raised");
  ch.error = code;
  ch.reset = false;
}

void FuncCollector::quirk_read(Device& d, std::uint32_t offset, std::uint32_t data) {
  if (offset == r::VERSION::kOffset) {
    d.revision = static_cast<int>(r::get<r::VERSION::REVISION>(data));
    hit(kQuirk, d.revision == 1 ? "rev1_errata" : d.revision == 2 ? "rev2_no_quirks" : "other_revision");
  }
  if (d.readback_offset != 0 && offset == d.readback_offset) {
    hit(kQuirk, "E1_channels_by_readback");
    if (data != 1) hit(kQuirk, "E1_missing_channel");
  }
  d.readback_offset = 0;
}

}  // namespace tandem::cov
