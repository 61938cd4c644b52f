#include "tmr_tracker.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

#include "platform.hpp"

namespace tandem::tmr_check {

namespace {
// Where the platform's cycle numbers fall on the model's edges. The platform counts a
// request's handshake in the cycle before the edge that completes it (README section 1's
// edge E), and a line's change in the cycle after the edge that made it: so a write lands at
// edge handshake + 1, a read answers the state from before that edge, and a line seen at
// cycle c shows the state after edge c.
constexpr std::uint64_t kWriteEdge = 1;
constexpr std::uint64_t kReadEdge = 1;
// How far ahead the model looks for a line's next change.
constexpr std::uint64_t kLookAhead = std::uint64_t{1} << 33;

const char* line_name(unsigned vector) {
  return vector == 0 ? "the timer's line (vector 0)" : "the watchdog's line (vector 1)";
}
}  // namespace

void TmrTracker::on_event(const Event& e) {
  last_cycle_ = std::max(last_cycle_, e.cycle);
  if (e.kind == EventKind::kCsrAccess && e.resp == 0 && e.device != kNoDevice) {
    const std::uint64_t handshake = e.len - e.line;
    Item item{e.write ? Item::Type::kWrite : Item::Type::kRead};
    item.offset = static_cast<std::uint32_t>(e.addr);
    item.value = static_cast<std::uint32_t>(e.data);
    add(e.device, handshake + (e.write ? kWriteEdge : kReadEdge), item);
  } else if (e.kind == EventKind::kFault && e.device != kNoDevice && std::string_view(e.what) == kFaultRemoval) {
    devices_[e.device].diverged = true;  // unplugged: its lines fall silently, its registers read all ones
  } else if (e.kind == EventKind::kDeviceIrq && e.device != kNoDevice) {
    for (unsigned v = 0; v < kVectors; ++v) {
      if (platform_.line_of(e.device, v) != e.line) continue;
      Item item{Item::Type::kLine};
      item.vector = v;
      item.level = e.level;
      add(e.device, e.cycle, item);
    }
  }
  judge(last_cycle_, e.kind == EventKind::kRunEnd);
}

// At the run's end everything seen is judged (up to the cycle before the last event: a line
// may change in the last event's cycle after it); before it, what lies kLag behind `cycle`.
void TmrTracker::judge(std::uint64_t cycle, bool end) {
  const std::uint64_t upto = end ? (cycle > 0 ? cycle - 1 : 0) : (cycle > kLag ? cycle - kLag : 0);
  for (auto& [device, d] : devices_) {
    catch_up(d, device, end && !d.items.empty() ? std::max(upto, d.items.rbegin()->first) : upto);
  }
  if (!end) arm();
}

// Wakes the tracker kLag cycles after the next edge where something is to judge: the first
// observation waiting, or the model's next line change.
void TmrTracker::arm() {
  if (platform_.stopping() || platform_.programs_finished()) return;  // time must be free to end
  std::uint64_t next = std::numeric_limits<std::uint64_t>::max();
  for (const auto& [device, d] : devices_) {
    if (d.diverged) continue;
    if (!d.items.empty()) next = std::min(next, d.items.begin()->first);
    if (const std::uint64_t n = d.model.edges_to_look(kLookAhead); n != 0) next = std::min(next, d.model.edge() + n);
  }
  if (next == std::numeric_limits<std::uint64_t>::max()) return;
  const std::uint64_t at = next + kLag + 1;
  if (wake_at_ != 0 && wake_at_ <= at) return;  // an earlier one comes first, and arms again
  wake_at_ = at;
  platform_.scheduler().at_cycle(at, [this, at] {
    if (wake_at_ == at) wake_at_ = 0;
    last_cycle_ = std::max(last_cycle_, platform_.cycle());
    judge(last_cycle_, false);
  });
}

void TmrTracker::add(unsigned device, std::uint64_t edge, const Item& item) {
  Device& d = devices_[device];
  if (d.diverged) return;
  if (edge <= d.model.edge()) {
    diverge(d, {Divergence::What::kOrder, device, 0, item.offset, 0, edge,
                fmt::format("device {}: an observation of cycle {} came after the model judged cycle {}", device, edge,
                            d.model.edge())});
    return;
  }
  d.items.emplace(edge, item);
}

void TmrTracker::catch_up(Device& d, unsigned device, std::uint64_t upto) {
  while (!d.diverged && d.model.edge() < upto) {
    const std::uint64_t next = d.items.empty() ? std::numeric_limits<std::uint64_t>::max() : d.items.begin()->first;
    const std::uint64_t stop = std::min(next, upto);
    if (d.model.edge() + 1 < stop) {
      // Nothing written or seen before `stop`: only the model can change a line meanwhile.
      if (d.model.skip(stop - 1 - d.model.edge()) == 0) {
        d.model.step();
        compare_lines(d, device);
      }
      continue;
    }
    edge_at(d, device, stop);
  }
}

// The edge `edge` (the model's next): its reads see the state before it, its writes land at
// it, and the lines after it must be what the device showed.
void TmrTracker::edge_at(Device& d, unsigned device, std::uint64_t edge) {
  std::vector<TmrRefModel::Write> writes;
  std::vector<Item> lines;
  const auto [first, last] = d.items.equal_range(edge);
  for (auto it = first; it != last; ++it) {
    const Item& item = it->second;
    if (item.type == Item::Type::kWrite) {
      writes.push_back({item.offset, item.value});
    } else if (item.type == Item::Type::kLine) {
      lines.push_back(item);
    } else if (const std::uint32_t want = d.model.read(item.offset); want != item.value) {
      diverge(d, {Divergence::What::kRead, device, 0, item.offset, want ^ item.value, edge,
                  fmt::format("device {}: a read of {} at cycle {} answered 0x{:08x}, the contract's model holds "
                              "0x{:08x}",
                              device, platform_.register_name(device, item.offset), edge, item.value, want)});
      return;
    }
  }
  d.items.erase(first, last);
  d.model.step(writes.data(), static_cast<unsigned>(writes.size()));
  for (const Item& l : lines) d.seen[l.vector] = l.level;
  compare_lines(d, device);
}

bool TmrTracker::compare_lines(Device& d, unsigned device) {
  for (unsigned v = 0; v < kVectors; ++v) {
    const bool want = d.model.line(v);
    if (want == d.seen[v]) {
      d.agreed[v] = want;
      continue;
    }
    const bool was = d.agreed[v];  // both had it so: one of them moved
    Divergence div{was ? Divergence::What::kFall : Divergence::What::kRise, device, v};
    div.cycle = d.model.edge();
    div.message =
        fmt::format("device {}: {}", device, was ? fall_message(d, v, !d.seen[v]) : rise_message(d, v, d.seen[v]));
    diverge(d, div);
    return false;
  }
  return true;
}

void TmrTracker::diverge(Device& d, const Divergence& v) {
  d.diverged = true;
  d.items.clear();
  report_(v);
}

std::string TmrTracker::rise_message(const Device& d, unsigned vector, bool device_rose) const {
  const char* event = vector == 0 ? "an expiry" : "a bark";
  const std::uint64_t at = d.model.edge();
  if (device_rose) {
    TmrRefModel before = d.model;  // the next rise the contract allows, from this edge on
    const std::uint64_t next = before.edges_to_rise(vector, kLookAhead);
    if (next == 0) {
      return fmt::format(
          "{} rose at cycle {}, with no {} due (the contract's model: none to come, disabled or "
          "masked)",
          line_name(vector), at, event);
    }
    return fmt::format("{} rose at cycle {}: {} {} cycle(s) early (the contract's model: at cycle {})",
                       line_name(vector), at, event, next, at + next);
  }
  return fmt::format("{} did not rise at cycle {}, where the contract's model has {}: late or missing",
                     line_name(vector), at, event);
}

std::string TmrTracker::fall_message(const Device& d, unsigned vector, bool device_fell) const {
  const std::uint64_t at = d.model.edge();
  const char* mode = d.model.pulse_mode() ? "PULSE" : "LEVEL";
  if (device_fell) {
    return fmt::format(
        "{} fell at cycle {} in {} mode with its event still pending and enabled and nothing "
        "cleared: a LEVEL line stays up until the W1C write of its STATUS bit (or IRQ_ENABLE cleared)",
        line_name(vector), at, mode);
  }
  if (d.model.pulse_mode()) {
    return fmt::format(
        "{} is still high at cycle {}, past its one-cycle pulse: PULSE is high for exactly the one "
        "cycle after each enabled event",
        line_name(vector), at);
  }
  return fmt::format(
      "{} is still high at cycle {} in LEVEL mode though its STATUS bit was cleared (or IRQ_ENABLE "
      "masked it)",
      line_name(vector), at);
}

}  // namespace tandem::tmr_check
