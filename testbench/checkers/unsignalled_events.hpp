// The lost-event rule of irq_contract, apart from the platform (unit-tested on its own): an
// event pending (latched and enabled) that its vector does not signal within a bound. With
// no coalescing the vector signals at once; with coalescing by a timer of T cycles it
// signals at the latest T cycles after the first unsignalled event; so either way an event
// left unsignalled for T + the service bound was lost. Only coalescing by count alone may
// hold events for ever: a driver that chose it flushes completions itself.
// This catches a driver that trusts a timer the device does not have: erratum E2 of
// revision 1 (its coalescing timer never fires) when the errata are not applied.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace tandem {

class UnsignalledEvents {
 public:
  // A write to IRQ_COALESCE(vector) (the value the device took).
  void coalesce_written(unsigned device, unsigned vector, std::uint32_t value);
  // The REVISION the driver read from VERSION (named in the report: E2 is revision 1's).
  void revision_read(unsigned device, unsigned revision) { revisions_[device] = revision; }
  // The device's output for `line` changed.
  void signal(unsigned device, unsigned line, bool level);
  // At cycle `now`, `pending` events of (device, vector) driving `line`: what is wrong
  // (empty: nothing). Call it often (a period well under `bound`).
  std::string judge(unsigned device, unsigned vector, unsigned line, std::uint32_t pending, std::uint64_t now,
                    std::uint64_t bound);

 private:
  struct Line {
    bool high = false;
    std::uint64_t rises = 0;
  };
  struct Held {
    bool active = false;
    std::uint64_t since = 0;  // first judged pending and unsignalled
    std::uint64_t rises = 0;  // the line's rises then
  };
  std::map<std::pair<unsigned, unsigned>, std::uint32_t> coalesce_;  // (device, vector): IRQ_COALESCE
  std::map<std::pair<unsigned, unsigned>, Line> lines_;              // (device, line)
  std::map<std::pair<unsigned, unsigned>, Held> held_;               // (device, vector)
  std::map<unsigned, unsigned> revisions_;
};

}  // namespace tandem
