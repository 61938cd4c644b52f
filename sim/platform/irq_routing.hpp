// How the devices' interrupt outputs reach the CPUs: each vector of each device drives an
// interrupt controller line, its own or (shared lines) the line of that vector which every
// device drives, wired-OR as level lines are; fault injection stands between a line and the
// interrupt controller; the drivers' handlers hang on the lines.
#pragma once

#include <vector>

#include "irq_handlers.hpp"
#include "pic.hpp"

namespace tandem {

class Platform;

class IrqRouting {
 public:
  // `vectors`: each device's interrupt outputs, as its description counts them.
  IrqRouting(Platform& platform, std::vector<unsigned> vectors, bool shared);
  IrqRouting(const IrqRouting&) = delete;
  IrqRouting& operator=(const IrqRouting&) = delete;

  unsigned lines() const { return pic_.lines(); }
  // How many lines device `device` drives (its vectors).
  unsigned vectors(unsigned device) const { return vectors_.at(device); }
  // The line that device `device`'s vector `vector` drives.
  unsigned line_of(unsigned device, unsigned vector) const {
    return shared_ ? vector : first_line_.at(device) + vector;
  }
  // The line's level: the OR of every device output wired to it (an unplugged device
  // drives none).
  bool line_level(unsigned line) const;
  // Device `device`'s output `vector` changed: published, and passed on to the interrupt
  // controller when the line's level changed and fault injection lets it through.
  void device_changed(unsigned device, unsigned vector);
  // Device `device` was unplugged: its lines fall, unless another device holds a shared one up.
  void device_removed(unsigned device);

  Pic& pic() { return pic_; }
  IrqHandlers& handlers() { return handlers_; }

 private:
  Platform& platform_;
  std::vector<unsigned> vectors_;
  std::vector<unsigned> first_line_;  // per device, when lines are not shared
  bool shared_;
  Pic pic_;
  std::vector<bool> level_;  // what the interrupt controller was last told, per line
  IrqHandlers handlers_;
};

}  // namespace tandem
