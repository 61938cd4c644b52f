// The interrupt handlers the drivers registered, by interrupt controller line, as a kernel's
// interrupt descriptors hold them: a line may be shared, and every handler on it runs, each
// owner once. The first handler enables the line, the last one freed disables it.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "hal.hpp"

namespace tandem {

class Platform;

class IrqHandlers {
 public:
  explicit IrqHandlers(Platform& platform) : platform_(platform) {}
  IrqHandlers(const IrqHandlers&) = delete;
  IrqHandlers& operator=(const IrqHandlers&) = delete;

  int add(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler, unsigned owner);
  void remove(unsigned line, unsigned owner);
  // Runs every handler of the line on the current CPU: handled if any of them says so.
  tce::IrqReturn dispatch(unsigned line);
  // Whether a handler of the line is running on some CPU (free_irq waits until none is).
  bool running(unsigned line) const { return running_.count(line) != 0 && running_.at(line) > 0; }

 private:
  int insert(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler, unsigned owner);

  Platform& platform_;
  std::map<unsigned, std::vector<std::pair<unsigned, tce::Hal::IrqHandler>>> handlers_;  // by line: (owner, handler)
  std::map<unsigned, unsigned> running_;  // by line: dispatches under way
};

}  // namespace tandem
