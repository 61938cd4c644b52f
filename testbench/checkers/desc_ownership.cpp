#include "desc_ownership.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "checker_names.hpp"

namespace tandem {

DescOwnershipChecker::DescOwnershipChecker(Platform& p) : Checker(checker::kDescOwnership, p) {
  constexpr EventKinds kinds = kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kMemBurst) |
                               kind_bit(EventKind::kDescFetch) | kind_bit(EventKind::kCpuDmaWrite) |
                               kind_bit(EventKind::kPowerState) | kind_bit(EventKind::kDmaFree);
  on(kinds, [this](const Event& e) {
    switch (e.kind) {
      case EventKind::kCsrAccess: csr(e); break;
      case EventKind::kMemBurst:
        if (e.write) ledger_.device_write(e.device, e.addr, e.len);
        break;
      case EventKind::kDescFetch: {
        const StoreBuffer* sb = platform_.store_buffer();
        fetched({e.device, e.line, static_cast<unsigned>(e.data), e.addr, e.cycle,
                 sb != nullptr && sb->pending(e.addr, DescLedger::kSlotBytes)});
        break;
      }
      case EventKind::kCpuDmaWrite: cpu_wrote(e); break;
      case EventKind::kPowerState:
        if (e.data != 0) ledger_.reset_device(e.device);  // D3 loses every ring register
        break;
      case EventKind::kDmaFree: ledger_.freed(e.device, e.addr); break;
      default: break;
    }
  });
}

void DescOwnershipChecker::csr(const Event& e) {
  if (e.resp != 0) return;  // refused: it changed nothing
  const auto offset = static_cast<std::uint32_t>(e.addr);
  const auto value = static_cast<std::uint32_t>(e.data);
  if (!e.write) {
    ledger_.csr_read(e.device, offset, value);
    return;
  }
  if (const std::optional<Doorbell> d = ledger_.csr_write(e.device, offset, value, e.cycle)) doorbell(e, *d);
  // A doorbell that came just after a fetch it explains.
  std::vector<Fetch> waiting;
  waiting.swap(unpublished_);
  for (const Fetch& f : waiting) {
    if (ledger_.owned(f.device, f.channel, f.index) && e.cycle <= f.cycle + kDoorbellSlack) {
      fetched(f);
    } else {
      unpublished_.push_back(f);
    }
  }
  judge_unpublished(e.cycle);
}

void DescOwnershipChecker::fetched(const Fetch& f) {
  if (!ledger_.owned(f.device, f.channel, f.index)) {
    unpublished_.push_back(f);
    platform_.scheduler().at_cycle(f.cycle + kDoorbellSlack + 1, [this] { judge_unpublished(platform_.cycle()); });
    return;
  }
  ledger_.device_fetch(f.device, f.channel, f.index);
  if (f.stale) {
    fail(
        fmt::format("device {} channel {} fetched descriptor slot {} at 0x{:x} before the CPU's write to it "
                    "drained (missing barrier before the RING_TAIL doorbell)",
                    f.device, f.channel, f.index, f.addr));
  }
}

void DescOwnershipChecker::judge_unpublished(std::uint64_t now) {
  auto late = std::stable_partition(unpublished_.begin(), unpublished_.end(),
                                    [now](const Fetch& f) { return now <= f.cycle + kDoorbellSlack; });
  for (auto it = late; it != unpublished_.end(); ++it) {
    fail(
        fmt::format("device {} channel {} fetched descriptor slot {} at 0x{:x} (cycle {}), which the driver never "
                    "published (not between HEAD and the RING_TAIL it wrote)",
                    it->device, it->channel, it->index, it->addr, it->cycle));
  }
  unpublished_.erase(late, unpublished_.end());
}

void DescOwnershipChecker::doorbell(const Event& e, const Doorbell& d) {
  if (d.overfull) {
    fail(
        fmt::format("cpu{} wrote RING_TAIL[{}] = {} of device {}, handing the device every slot: TAIL == HEAD, "
                    "which it reads as an empty ring (a ring-full check off by one)",
                    e.cpu, d.channel, d.tail, e.device));
  }
  if (d.left_out != 0) {
    fail(
        fmt::format("cpu{} wrote RING_TAIL[{}] = {} of device {} (it was {}), leaving {} descriptor slot(s) it "
                    "wrote since the last doorbell unpublished (a doorbell one short, or a full ring wrapped to "
                    "TAIL == HEAD)",
                    e.cpu, d.channel, d.tail, e.device, d.old_tail, d.left_out));
  }
}

void DescOwnershipChecker::cpu_wrote(const Event& e) {
  for (const DescSlot& s : ledger_.cpu_write(e.addr, e.len)) {
    if (!reported_.insert({s.device, s.channel, s.index, s.published}).second) continue;  // once per publication
    fail(
        fmt::format("cpu{} wrote descriptor slot {} of device {} channel {} (0x{:x}) while the device owns it: "
                    "published by RING_TAIL at cycle {} and not yet written back",
                    e.cpu, s.index, s.device, s.channel, s.addr, s.published));
  }
}

void DescOwnershipChecker::end_of_run(bool) {
  judge_unpublished(~std::uint64_t{0} - kDoorbellSlack - 1);
}

}  // namespace tandem
