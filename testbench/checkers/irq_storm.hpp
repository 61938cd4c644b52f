// irq_storm: a line taken again and again while its sources make no progress: no status bit
// cleared (a W1C write to IRQ_STATUS, a read of IRQ_STATUS_RC that returned events), no
// descriptor retired (CH_STATUS.COMPLETED or RING_HEAD moved), no device output on the line
// dropped. A handler that does not clear its device keeps a level line up for ever; on a
// shared line the other devices' handlers answer "not mine" meanwhile. Private and shared
// lines alike fail within kWindow cycles of the last progress (plus one take), and the run
// stops there: nothing good can follow.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class IrqStormChecker : public Checker {
 public:
  static constexpr std::uint64_t kWindow = 20'000;  // cycles of takes without progress
  static constexpr unsigned kMinTakes = 16;         // "again and again", not one slow interrupt

  explicit IrqStormChecker(Platform& p);

 private:
  void taken(const Event& e);
  void csr_access(const Event& e);
  void progress(unsigned device);

  struct Line {
    unsigned takes = 0;       // since its sources last made progress
    std::uint64_t first = 0;  // the cycle of the first of them
  };
  std::vector<Line> lines_;
  std::map<std::pair<unsigned, std::uint64_t>, std::uint64_t> last_read_;  // (device, offset): value
};

}  // namespace tandem
