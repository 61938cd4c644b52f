#include "reg_usage.hpp"

#include <fmt/core.h>

#include "device_kind.hpp"
#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {

using Type = r::Access;

bool has_field_of(const r::RegInfo& info, Type access) {
  for (std::size_t i = 0; i < info.field_count; ++i) {
    if (info.fields[i].access == access) return true;
  }
  return false;
}

// The reads that show the latched events: the W1C register itself and its two views.
bool shows_status(std::uint32_t offset) {
  return offset == r::IRQ_STATUS::kOffset || offset == r::IRQ_PENDING::kOffset || offset == r::IRQ_STATUS_RC::kOffset;
}

}  // namespace

std::string RegUsageRules::access(const Access& a, std::uint32_t irq_enable) {
  const r::RegInfo* info = r::find(a.offset);
  if (info == nullptr) return {};  // no register there: csr_bus judges the DECERR
  const std::string name = register_name(r::register_at, a.offset);
  if (!a.write) {
    if (info->access == Type::WO) return fmt::format("read of write-only register {} (reads return 0)", name);
    if (a.okay && shows_status(a.offset)) status_read(a, info->used_mask);
    if (a.okay && info->access == Type::W1C) views_[{a.device, a.cpu}].last_read[a.offset] = a.data;
    return {};
  }
  if (info->access == Type::RO) return fmt::format("write of 0x{:08x} to read-only register {}", a.data, name);
  if (info->access == Type::RC) return fmt::format("write of 0x{:08x} to read-to-clear register {}", a.data, name);
  const std::uint32_t reserved = a.data & ~info->used_mask;
  if (has_field_of(*info, Type::W1S) && reserved != 0) {
    return fmt::format("write of 0x{:08x} to {} sets reserved bits 0x{:08x} of a register with a write-1-to-set field",
                       a.data, name, reserved);
  }
  if (info->access == Type::W1C) return w1c_write(a, info->used_mask, irq_enable);
  return {};
}

void RegUsageRules::status_read(const Access& a, std::uint32_t used) {
  const std::uint32_t bits = a.data & used;
  views_[{a.device, a.cpu}].seen |= bits;
  auto& frames = handlers_[a.cpu];
  if (!frames.empty() && frames.back().device == a.device) {
    Frame& f = frames.back();
    if (!f.has_snapshot || f.acked) {  // the first read, or the next round of a draining loop
      f = Frame{a.device, true, bits};
    } else if (!f.reread) {
      f.reread = true;
      f.reread_offset = a.offset;
      f.reread_bits = bits;
    }
    if (a.offset == r::IRQ_STATUS_RC::kOffset) f.acked = true;  // reading it acknowledged what it showed
  }
  if (a.offset != r::IRQ_STATUS_RC::kOffset) return;
  for (auto& [key, view] : views_) {  // those bits are cleared: nobody else saw them set since
    if (key.first == a.device && key.second != a.cpu) view.seen &= ~bits;
  }
}

std::string RegUsageRules::w1c_write(const Access& a, std::uint32_t used, std::uint32_t irq_enable) {
  const std::string name = register_name(r::register_at, a.offset);
  CpuView& view = views_[{a.device, a.cpu}];
  auto& frames = handlers_[a.cpu];
  Frame* frame = !frames.empty() && frames.back().device == a.device ? &frames.back() : nullptr;
  // What this CPU may acknowledge now: in a handler, its snapshot; elsewhere, enabled events.
  const std::uint32_t ackable = frame != nullptr && frame->has_snapshot ? frame->snapshot : irq_enable;
  std::string bug;
  if (irq_enable == 0) {
    // Nothing can signal: clearing stale status (even all of it) loses no interrupt.
  } else if (auto it = view.last_read.find(a.offset);
             it != view.last_read.end() && (a.data & it->second & used & ~ackable) != 0) {
    bug = fmt::format(
        "read-modify-write of W1C register {}: wrote 0x{:08x} after reading 0x{:08x} from it, clearing events "
        "0x{:08x} that were not its to acknowledge (IRQ_ENABLE 0x{:08x}{})",
        name, a.data, it->second, a.data & it->second & used & ~ackable, irq_enable,
        frame != nullptr && frame->has_snapshot ? fmt::format(", handler snapshot 0x{:08x}", frame->snapshot) : "");
  } else if ((a.data & ~used) != 0) {
    bug = fmt::format(
        "ack-all: wrote 0x{:08x} to W1C register {}, 1s in reserved bits 0x{:08x}, while IRQ_ENABLE is 0x{:08x}: "
        "events never seen are cleared",
        a.data, name, a.data & ~used, irq_enable);
  } else if (frame != nullptr && frame->has_snapshot && (a.data & ~frame->snapshot) != 0) {
    bug = fmt::format(
        "read-then-clear race: the handler acknowledged 0x{:08x} in {}, bits 0x{:08x} beyond its first status read "
        "0x{:08x}: events arriving after that read are cleared without being handled",
        a.data, name, a.data & ~frame->snapshot, frame->snapshot);
  } else if (frame != nullptr && frame->reread && (a.data & frame->reread_bits) != 0) {
    bug = reread_ack(a, used, *frame);
  } else if ((a.data & irq_enable & ~view.seen) != 0) {
    bug = fmt::format(
        "W1C clear of unseen events: wrote 0x{:08x} to {}, clearing enabled bits 0x{:08x} this CPU never read set "
        "since they were last cleared",
        a.data, name, a.data & irq_enable & ~view.seen);
  }
  for (auto& [key, v] : views_) {  // cleared: seen by nobody any more
    if (key.first == a.device) v.seen &= ~a.data;
  }
  view.last_read.erase(a.offset);
  if (frame != nullptr && frame->has_snapshot) {
    frame->acked = true;
    frame->reread = false;
  }
  return bug;
}

// The handler acknowledged after re-reading status: name the pattern by what it re-read.
std::string RegUsageRules::reread_ack(const Access& a, std::uint32_t used, const Frame& f) {
  const std::string name = register_name(r::register_at, a.offset);
  const std::uint32_t carried = a.data & f.reread_bits & used;
  if (f.reread_offset == a.offset) {
    return fmt::format(
        "read-modify-write of W1C register {}: the handler read it (0x{:08x}) after its snapshot 0x{:08x} and wrote "
        "0x{:08x} back, acknowledging 0x{:08x} by what it re-read, not by its snapshot: an event latched between "
        "the reads is cleared unhandled",
        name, f.reread_bits, f.snapshot, a.data, carried);
  }
  return fmt::format(
      "clear by re-read: the handler acknowledged 0x{:08x} in {} after re-reading {} (0x{:08x}) before "
      "acknowledging its snapshot 0x{:08x}: whatever the re-read shows, events arrived since the snapshot "
      "included, is cleared unhandled",
      a.data, name, register_name(r::register_at, f.reread_offset), f.reread_bits, f.snapshot);
}

void RegUsageRules::handler_entry(int cpu, unsigned device) {
  handlers_[cpu].push_back(Frame{device});
}

void RegUsageRules::handler_return(int cpu) {
  auto& frames = handlers_[cpu];
  if (!frames.empty()) frames.pop_back();
}

RegUsageChecker::RegUsageChecker(Platform& p) : Checker(checker::kRegUsage, p) {
  on(kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kHandlerEntry) | kind_bit(EventKind::kHandlerReturn),
     [this](const Event& e) {
       if (e.kind == EventKind::kHandlerEntry) {
         rules_.handler_entry(e.cpu, e.device);
       } else if (e.kind == EventKind::kHandlerReturn) {
         rules_.handler_return(e.cpu);
       } else if (!platform_.faults().device_removed(e.device)) {  // an unplugged one reads all ones
         RegUsageRules::Access a{
             e.cpu,      e.device, e.write, static_cast<std::uint32_t>(e.addr), static_cast<std::uint32_t>(e.data),
             e.resp == 0};
         const std::uint32_t enable = *platform_.harness(e.device).probes().irq_enable;
         const std::string bug = rules_.access(a, enable);
         if (!bug.empty()) fail(fmt::format("cpu{} device {}: {}", e.cpu, e.device, bug));
       }
     });
}

}  // namespace tandem
