// reg_usage: every register access judged against its access type in the register map
// (the generated tce_regs.hpp tables, channel arrays included), and the W1C acknowledge
// discipline of the interrupt status. It fails a run on
// - a write to an RO or RC register, a read of a WO register;
// - a write to a register with a W1S field that also sets reserved bits;
// - an "ack-all": a W1C write with 1s in reserved bits, while any event is enabled;
// - a read-modify-write of a W1C register: a write that carries back bits the same CPU read
//   from that register which it may not acknowledge (events not enabled, or outside the
//   running handler's snapshot): writing back what was read clears events nobody handled;
// - a W1C clear of enabled bits this CPU has not seen set (in a read of IRQ_STATUS,
//   IRQ_PENDING or IRQ_STATUS_RC) since they were last cleared;
// - in a handler, acknowledging bits that were not in its first status read (its snapshot):
//   the read-then-clear race, where events that arrived between two reads are acknowledged
//   without being handled. Judged on what was acknowledged, not on whether an event happened
//   to land between the reads, so the pattern fails every run that has it;
// - in a handler, an acknowledge that follows a second status read made before its snapshot
//   was acknowledged, and carries bits that read showed: the acknowledge is not decided by
//   the snapshot but by a re-read (a read-modify-write of IRQ_STATUS, or clearing what a
//   fresh IRQ_PENDING shows), so an event landing between the reads is cleared unhandled.
//   Judged on the order of the accesses, so it fails every run that has the pattern, even
//   when nothing happened to land; a read after the acknowledge starts a new snapshot (a
//   handler draining its events in a loop).
// A clear of any bits while IRQ_ENABLE is 0 is allowed: no event can signal, so no
// interrupt is lost (a driver may clear stale status once at probe before enabling).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

// The rules on a stream of accesses, apart from the platform (unit-tested on their own).
class RegUsageRules {
 public:
  struct Access {
    int cpu = 0;
    unsigned device = 0;
    bool write = false;
    std::uint32_t offset = 0;
    std::uint32_t data = 0;
    bool okay = true;  // the device answered OKAY (only OKAY reads show status)
  };
  // What is wrong with `a` (empty: nothing); `irq_enable` is the device's IRQ_ENABLE then.
  std::string access(const Access& a, std::uint32_t irq_enable);
  void handler_entry(int cpu, unsigned device);
  void handler_return(int cpu);

 private:
  std::string w1c_write(const Access& a, std::uint32_t used, std::uint32_t irq_enable);
  void status_read(const Access& a, std::uint32_t used);

  struct Frame {  // a running handler
    unsigned device = 0;
    bool has_snapshot = false;
    std::uint32_t snapshot = 0;  // its first status read (or the first after an acknowledge)
    bool acked = false;          // the snapshot was acknowledged (W1C write or read-to-clear)
    bool reread = false;         // a status read after the snapshot, before its acknowledge
    std::uint32_t reread_offset = 0;
    std::uint32_t reread_bits = 0;
  };
  static std::string reread_ack(const Access& a, std::uint32_t used, const Frame& f);
  struct CpuView {
    std::uint32_t seen = 0;                            // status bits seen set since last cleared
    std::map<std::uint32_t, std::uint32_t> last_read;  // W1C register offset: value last read
  };
  std::map<std::pair<unsigned, int>, CpuView> views_;  // (device, cpu)
  std::map<int, std::vector<Frame>> handlers_;         // by cpu: nested handlers
};

class RegUsageChecker : public Checker {
 public:
  explicit RegUsageChecker(Platform& p);

 private:
  RegUsageRules rules_;
};

}  // namespace tandem
