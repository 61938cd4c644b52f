#include "store_buffer_drain.hpp"

#include "engine.hpp"

namespace tandem {

// One process, woken for the earliest pending drain: a process spawned per drain would cost
// memory per copy.
StoreBufferDrain::StoreBufferDrain(StoreBuffer& buffer, std::function<std::uint64_t()> clock)
    : buffer_(buffer), clock_(std::move(clock)) {
  sc_core::sc_spawn([this] { run(); }, "store_buffer_drain");
}

void StoreBufferDrain::tick(unsigned cpu) {
  buffer_.drain_due(clock_());
  schedule(buffer_.notice_writes(clock_(), cpu));
}

void StoreBufferDrain::schedule(std::uint64_t next) {
  if (next == 0 || (scheduled_ != 0 && scheduled_ <= next)) return;
  scheduled_ = next;
  wakeup_.notify(until_cycle(next));  // an earlier one replaces a later
}

void StoreBufferDrain::run() {
  for (;;) {
    sc_core::wait(wakeup_);
    scheduled_ = 0;
    buffer_.drain_due(clock_());
    schedule(buffer_.next_due());
  }
}

}  // namespace tandem
