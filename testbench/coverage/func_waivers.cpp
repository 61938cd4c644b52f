#include "func_waivers.hpp"

namespace tandem::cov {

// Each reason says why the default regression cannot (or need not) hit the bin with the
// release driver, and where the behaviour is checked instead.
const std::vector<Waiver>& waivers() {
  static const std::vector<Waiver> w = {
      {"register/PM_CTRL.STATE:read",
       "the driver learns the power state from PM_STATUS and never reads back its own request"},
      {"register/RING_HEAD.INDEX:read",
       "the driver retires descriptors by the STATUS words the device writes back, never by HEAD; the RTL tests "
       "read it"},
      {"register/RING_TAIL.INDEX:read", "the driver owns the tail and keeps it; the RTL tests read it back"},
      {"register/CH_CTRL.RUN:read",
       "the driver starts and resets channels by writing CH_CTRL and learns their state from CH_STATUS, never by "
       "reading CH_CTRL back; the RTL tests read it"},
      {"irq_cause/PM_DONE:pulse",
       "the driver waits for power transitions by polling PM_STATUS and never enables PM_DONE (polled: hit); only a "
       "seeded bug's handler (xfail_reg_rmw_ack) sees it, in level mode"},
      {"irq_cause/PM_DONE:rc", "as PM_DONE:pulse: the driver never enables PM_DONE"},
      {"irq_cause/PM_DONE:coalesced", "as PM_DONE:pulse: the driver never enables PM_DONE"},
      {"error/MALFORMED:raised",
       "the driver never sets reserved CTRL bits or address bits 63:48; the RTL tests raise it (tce_dma_test, "
       "tce_abort_test, the stress test)"},
      {"error/MALFORMED:recovered", "never raised by the driver (see MALFORMED:raised); the RTL tests recover it"},
      {"error/BAD_LENGTH:recovered",
       "submit refuses a length of 0 or above 16 MiB; only seeded bugs reach the device with one (raised: hit) and "
       "their runs end at the checker that catches them; the RTL tests recover it"},
      {"error/BAD_RING:raised",
       "probe refuses a ring size outside 1..12 before any register access; the RTL tests "
       "raise it"},
      {"error/BAD_RING:recovered", "never raised by the driver (see BAD_RING:raised); the RTL tests recover it"},
      {"power/D3_refused",
       "the driver asks for D3 only once its rings are drained and answers -EBUSY itself; the RTL tests show the "
       "refusal (tce_dma_test, power)"},
      {"quirk/other_revision", "every RTL variant is revision 1 or 2: no device answers another revision"},
  };
  return w;
}

}  // namespace tandem::cov
