#include "signature.hpp"

#include <doctest/doctest.h>

#include <csignal>

namespace tandem {

TEST_CASE("numbers are masked, names keep their digits") {
  CHECK(mask_numbers("irq_storm: line 0 asserted for 812 cycles (cycle 9031)") ==
        "irq_storm: line # asserted for # cycles (cycle #)");
  CHECK(mask_numbers("dma_fault: write to 0x1f000 outside CH_CTRL[1] on rev2") ==
        "dma_fault: write to # outside CH_CTRL[#] on rev2");
  CHECK(mask_numbers("") == "");
}

TEST_CASE("runs failing the same way share a signature, other causes do not") {
  RunRecord a, b, c;
  for (RunRecord* r : {&a, &b, &c}) r->status = RunRecord::Status::kFailed;
  a.outcome = Outcome{};
  a.outcome->verdict = "hang: no progress for 100000 cycles (cycle 51234)";
  b.outcome = Outcome{};
  b.outcome->verdict = "hang: no progress for 100000 cycles (cycle 7)";
  c.outcome = Outcome{};
  c.outcome->verdict = "lost_irq: completion of channel 1 never signalled (cycle 7)";
  CHECK(failure_signature(a) == failure_signature(b));
  CHECK(failure_signature(a) != failure_signature(c));
  RunRecord crash;
  crash.status = RunRecord::Status::kCrashed;
  crash.signal = SIGSEGV;
  CHECK(failure_signature(crash).find("crashed") == 0);
  RunRecord ok;
  ok.status = RunRecord::Status::kPassed;
  CHECK(failure_signature(ok).empty());
}

}  // namespace tandem
