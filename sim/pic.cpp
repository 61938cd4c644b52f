#include "pic.hpp"

namespace tandem {

void Pic::configure(unsigned line, tce::Trigger trigger, unsigned cpu) {
  Line& l = lines_.at(line);
  l.trigger = trigger;
  l.cpu = cpu;
  l.pending = false;
  update(l);
}

void Pic::enable(unsigned line, bool on) {
  Line& l = lines_.at(line);
  l.enabled = on;
  update(l);
}

void Pic::set_input(unsigned line, bool level) {
  Line& l = lines_.at(line);
  const bool rising = level && !l.input;
  l.input = level;
  if (l.trigger == tce::Trigger::kEdgeRising && rising && !l.pending) {
    l.pending = true;  // masked lines latch too; an enabled one calls its CPU now (update() sees no change)
    if (l.enabled && on_pending) on_pending(l.cpu);
  }
  update(l);
}

void Pic::update(Line& l) {
  const bool was = l.pending && l.enabled;
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
  l.active = false;
  update(l);
}

}  // namespace tandem
