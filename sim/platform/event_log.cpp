#include "event_log.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "axi.hpp"
#include "descriptor.hpp"
#include "platform.hpp"
#include "tce_regs.hpp"

namespace tandem {

namespace {

using Level = RunLog::Level;

constexpr EventKinds kInfoKinds = kind_bit(EventKind::kHandlerReturn) | kind_bit(EventKind::kPowerState);
constexpr EventKinds kDebugKinds = kInfoKinds | kind_bit(EventKind::kMemResponse) | kind_bit(EventKind::kDescFetch) |
                                   kind_bit(EventKind::kDmaMap) | kind_bit(EventKind::kDmaUnmap) |
                                   kind_bit(EventKind::kDeviceIrq);
// Logged where they happen, not here.
constexpr EventKinds kLoggedElsewhere =
    kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kIrqLine) | kind_bit(EventKind::kFault);

const char* direction(std::uint64_t dir) {
  switch (static_cast<tce::DmaDir>(dir)) {
    case tce::DmaDir::kToDevice: return "to_device";
    case tce::DmaDir::kFromDevice: return "from_device";
    case tce::DmaDir::kBidirectional: return "bidirectional";
  }
  return "?";
}

// Whether Event::device means something for the kind (else it is 0 by default).
bool about_device(EventKind kind) {
  switch (kind) {
    case EventKind::kMemBurst:
    case EventKind::kDeviceIrq:
    case EventKind::kDmaFault:
    case EventKind::kFault:
    case EventKind::kDmaFree:
    case EventKind::kIrqRegister:
    case EventKind::kIrqFree:
    case EventKind::kHandlerEntry:
    case EventKind::kDescFetch:
    case EventKind::kTimer: return true;
    default: return false;
  }
}

const char* resp_name(std::uint8_t resp) {
  return to_string(static_cast<AxiResp>(resp));
}

}  // namespace

EventLog::EventLog(Platform& platform) : platform_(platform) {
  const RunLog& log = platform.log();
  const EventKinds kinds = log.enabled(Level::kTrace)   ? kAllEvents & ~kLoggedElsewhere
                           : log.enabled(Level::kDebug) ? kDebugKinds
                           : log.enabled(Level::kInfo)  ? kInfoKinds
                                                        : 0;
  if (kinds != 0) subscription_ = platform.events().subscribe([this](const Event& e) { on_event(e); }, kinds);
}

void EventLog::on_event(const Event& e) {
  RunLog& log = platform_.log();
  switch (e.kind) {
    case EventKind::kHandlerReturn:
      log.print(Level::kInfo, e.cycle, who(e), "dev{} handler on line {}: {}", e.device, e.line,
                e.level ? "handled" : "not mine");
      break;
    case EventKind::kPowerState:
      log.print(Level::kInfo, e.cycle, "device", "dev{} power state D{}", e.device, e.data);
      break;
    case EventKind::kMemResponse: burst(e); break;
    case EventKind::kDescFetch:
      fetches_.push_back({e.device, e.line, static_cast<unsigned>(e.data), e.addr});
      if (log.enabled(Level::kTrace)) other(e);
      break;
    case EventKind::kDmaMap:
    case EventKind::kDmaUnmap: mapping(e); break;
    case EventKind::kDeviceIrq:
      log.print(Level::kDebug, e.cycle, "device", "dev{} irq output to line {} {}", e.device, e.line,
                e.level ? "rises" : "falls");
      break;
    default: other(e); break;
  }
}

void EventLog::burst(const Event& e) {
  platform_.log().print(Level::kDebug, e.cycle, "dma", "dev{} ch{} {:<5} 0x{:x} {} beats {} B {}", e.device, e.line,
                        e.write ? "write" : "read", e.addr, e.len / 8, e.len, resp_name(e.resp));
  if (e.write) return;
  for (auto it = fetches_.begin(); it != fetches_.end(); ++it) {
    if (it->device == e.device && it->addr == e.addr) {
      const Fetch f = *it;
      fetches_.erase(it);
      fetched(e, f);
      return;
    }
  }
}

// Shown as the device read it: the bytes in memory when its fetch was answered.
void EventLog::fetched(const Event& e, const Fetch& f) {
  RunLog& log = platform_.log();
  const std::uint8_t* bytes = platform_.memory().at(f.addr, tce::reg::desc::kBytes);
  if (e.resp != static_cast<std::uint8_t>(AxiResp::kOkay) || bytes == nullptr) {
    log.print(Level::kDebug, e.cycle, "dma", "dev{} ch{} descriptor slot {} at 0x{:x}: fetch failed {}", f.device,
              f.channel, f.slot, f.addr, resp_name(e.resp));
    return;
  }
  const Descriptor d = decode_descriptor(bytes);
  const DescriptorCtrl c = decode_ctrl(d.ctrl);
  log.print(Level::kDebug, e.cycle, "dma",
            "dev{} ch{} descriptor slot {} at 0x{:x}: src 0x{:x} dst 0x{:x} len {} ctrl 0x{:08x} ({}{}{}tag {}{})",
            f.device, f.channel, f.slot, f.addr, d.src, d.dst, d.len, d.ctrl, c.irq ? "irq " : "",
            c.chain ? "chain " : "", c.crc ? "crc " : "", c.tag, c.reserved != 0 ? ", reserved bits set" : "");
}

void EventLog::mapping(const Event& e) {
  platform_.log().print(Level::kDebug, e.cycle, who(e), "dev{} {} 0x{:x} {} B {}", e.device, e.what, e.addr, e.len,
                        direction(e.data));
}

// Everything else, at trace: the event's kind and its fields that are set (sim/model/events.hpp
// says what each means for each kind).
void EventLog::other(const Event& e) {
  std::string text = about_device(e.kind) && e.device != kNoDevice
                         ? fmt::format("dev{} {}", e.device, to_string(e.kind))
                         : to_string(e.kind);
  if (e.write) text += " write";
  if (e.kind == EventKind::kLock || e.kind == EventKind::kUnlock) {
    text += fmt::format(" lock#{}", lock_number(e.addr));  // a host address would differ from run to run
  } else if (e.addr != 0) {
    text += fmt::format(" addr=0x{:x}", e.addr);
  }
  if (e.data != 0) text += fmt::format(" data=0x{:x}", e.data);
  if (e.len != 0) text += fmt::format(" len={}", e.len);
  if (e.line != 0) text += fmt::format(" line={}", e.line);
  if (e.level) text += " level=1";
  if (*e.what != '\0') text += fmt::format(" '{}'", e.what);
  platform_.log().line(Level::kTrace, e.cycle, who(e), text);
}

unsigned EventLog::lock_number(std::uint64_t addr) {
  const auto it = std::find(locks_.begin(), locks_.end(), addr);
  if (it != locks_.end()) return static_cast<unsigned>(it - locks_.begin());
  locks_.push_back(addr);
  return static_cast<unsigned>(locks_.size() - 1);
}

std::string EventLog::who(const Event& e) const {
  if (e.cpu < 0 || static_cast<unsigned>(e.cpu) >= platform_.cpus()) return "platform";
  return platform_.cpu(static_cast<unsigned>(e.cpu)).who();
}

}  // namespace tandem
