// A failure's signature: what it failed on with every number masked, so that runs failing
// the same way (the same checker, the same rule, at other cycles or addresses) group together.
#pragma once

#include <string>
#include <string_view>

#include "run_record.hpp"

namespace tandem {

// "irq_storm: line 0 asserted for 812 cycles (cycle 9031)" -> "irq_storm: line # asserted for # cycles (cycle #)".
std::string mask_numbers(std::string_view text);
// The signature of a run that did not pass (empty for one that passed).
std::string failure_signature(const RunRecord& run);

}  // namespace tandem
