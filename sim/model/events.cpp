#include "events.hpp"

#include <algorithm>
#include <iterator>

namespace tandem {

const char* to_string(EventKind kind) {
  static const char* const kNames[] = {
      "csr_access",    "mem_burst",  "mem_response", "irq_line",     "device_irq",    "irq_taken",     "eoi",
      "dma_fault",     "fault",      "hal_call",     "context",      "dma_map",       "dma_unmap",     "dma_free",
      "lock",          "unlock",     "wait",         "irq_register", "irq_free",      "handler_entry", "handler_return",
      "cpu_dma_write", "desc_fetch", "power_state",  "timer",        "rtl_assertion", "cycle_limit",   "run_end"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(EventKind::kCount), "one name per kind");
  return kNames[static_cast<std::size_t>(kind)];
}

EventBus::Subscription EventBus::subscribe(Observer observer, EventKinds kinds) {
  const std::uint64_t id = next_id_++;
  entries_.push_back({id, kinds, false, std::move(observer)});
  update_wanted();
  return Subscription(this, id);
}

void EventBus::deliver(const Event& e) {
  ++delivering_;
  // By index: an observer may subscribe more (the vector grows) or unsubscribe (its entry
  // is emptied and erased once no delivery is under way) while it runs.
  for (std::size_t i = 0; i < entries_.size(); ++i) {  // NOLINT(modernize-loop-convert)
    if (!entries_[i].dead && (entries_[i].kinds & kind_bit(e.kind)) != 0) entries_[i].observer(e);
  }
  if (--delivering_ == 0 && dead_entries_) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [](const Entry& x) { return x.dead; }),
                   entries_.end());
    dead_entries_ = false;
  }
}

void EventBus::unsubscribe(std::uint64_t id) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [id](const Entry& x) { return x.id == id; });
  if (it == entries_.end()) return;
  if (delivering_ != 0) {
    // The observer may be the one running: destroy it only after its call returned.
    it->dead = true;
    dead_entries_ = true;
  } else {
    entries_.erase(it);
  }
  update_wanted();
}

void EventBus::update_wanted() {
  wanted_ = 0;
  for (const Entry& x : entries_) {
    if (!x.dead) wanted_ |= x.kinds;
  }
}

}  // namespace tandem
