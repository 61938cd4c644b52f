#include "pic.hpp"

#include "fnv.hpp"

namespace tandem {

void Pic::configure(unsigned line, tce::Trigger trigger, unsigned cpu) {
  Line& l = lines_.at(line);
  const bool was = l.pending && l.enabled;
  l.trigger = trigger;
  l.cpu = cpu;
  l.pending = false;
  update(l, was);
}

void Pic::enable(unsigned line, bool on) {
  Line& l = lines_.at(line);
  const bool was = l.pending && l.enabled;
  l.enabled = on;
  update(l, was);
}

void Pic::set_input(unsigned line, bool level) {
  Line& l = lines_.at(line);
  const bool was = l.pending && l.enabled;
  const bool rising = level && !l.input;
  l.input = level;
  if (l.trigger == tce::Trigger::kEdgeRising && rising) l.pending = true;  // masked lines latch too
  update(l, was);
}

// `was`: the line was pending and enabled before the change that called this; a CPU hears of
// it only when that becomes true.
void Pic::update(Line& l, bool was) {
  if (l.trigger == tce::Trigger::kLevelHigh) l.pending = l.input && !l.active;
  if (l.pending && l.enabled && !was && on_pending) on_pending(l.cpu);
}

int Pic::pending_for(unsigned cpu) const {
  for (unsigned i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    if (l.cpu == cpu && l.enabled && l.pending) return static_cast<int>(i);
  }
  return -1;
}

void Pic::acknowledge(unsigned line) {
  Line& l = lines_.at(line);
  l.pending = false;
  l.active = true;
}

void Pic::eoi(unsigned line) {
  Line& l = lines_.at(line);
  const bool was = l.pending && l.enabled;
  l.active = false;
  update(l, was);
}

std::uint64_t Pic::digest() const {
  Fnv1a h;
  for (const Line& l : lines_) {
    h.byte(static_cast<std::uint8_t>(l.trigger));
    h.u64(l.cpu);
    h.byte(static_cast<std::uint8_t>(l.enabled | l.input << 1 | l.pending << 2 | l.active << 3));
  }
  return h.value();
}

}  // namespace tandem
