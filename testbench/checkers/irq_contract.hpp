// irq_contract: the interrupt contract between a device and its handler, judged against the
// device's own state (its interrupt controller's status, enables, routing and modes, read
// off the RTL without a bus access, so judging changes no timing). It fails a run when
// - a handler answers "handled" though its device had nothing pending for its line at
//   entry and the handler acknowledged nothing;
// - a handler answers "not mine" though events of its device for its line were pending at
//   entry and it acknowledged some of them, or left them pending;
// - a line's trigger (request_irq) does not fit the mode of the vector driving it when the
//   vector signals: edge-rising on a LEVEL vector, level-high on a PULSE vector;
// - a device signals a line and no handler of that device runs within the scenario's bound
//   (PlatformConfig::irq_service_bound) while its events stay pending: a lost interrupt,
//   such as a PULSE edge the interrupt controller never latched; or, on a PULSE vector, its
//   handler returns leaving its events pending and none runs within the bound (a later event
//   of a set bit makes no edge: lost). The bound starts at the signal (or that return), so
//   coalescing (which delays the signal) is no loss;
// - an event stays pending and enabled without its vector signalling it for longer than its
//   coalescing timer (none: 0) plus that bound: a lost event (unsignalled_events.hpp), such
//   as one a driver left to a coalescing timer that revision 1 does not have (erratum E2).
//   Injected interrupt faults and surprise removal end the judgement of losses: those are
//   lost_irq's and the scenario's.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "checker.hpp"
#include "checker_names.hpp"
#include "unsignalled_events.hpp"

namespace tandem {

class IrqContractChecker : public Checker {
 public:
  explicit IrqContractChecker(Platform& p);

 private:
  void entry(const Event& e);
  void returned(const Event& e);
  void csr_access(const Event& e);
  void device_irq(const Event& e);
  bool pulse_line(unsigned device, unsigned line);  // a PULSE vector drives it
  void judge_service(unsigned device, unsigned line, std::uint64_t since);
  void judge_unsignalled();  // every kHeldPeriod cycles, from the first register access on

  struct Frame {
    unsigned device = 0;
    unsigned line = 0;
    std::uint32_t at_entry = 0;  // pending for the line when the handler was called
    std::uint32_t acked = 0;     // events it cleared (W1C writes, read-to-clear reads)
    std::uint32_t seen = 0;      // events its status reads showed (one may set after entry)
  };
  std::map<int, std::vector<Frame>> frames_;                          // by cpu
  std::map<std::pair<unsigned, unsigned>, unsigned> triggers_;        // (line, owner): tce::Trigger
  std::map<std::pair<unsigned, unsigned>, std::uint64_t> signalled_;  // (device, line): since, not served
  std::set<std::pair<unsigned, unsigned>> armed_;                     // a judgement is scheduled
  bool faults_ = false;                                               // an interrupt fault or removal was injected
  UnsignalledEvents unsignalled_;
  bool held_armed_ = false;
};

}  // namespace tandem
