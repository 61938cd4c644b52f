// desc_ownership: a descriptor slot touched by the side that does not own it. The CPU
// writes a slot the device owns (published by RING_TAIL, not yet written back: a ring-full
// check off by one, a descriptor rewritten after its doorbell); a doorbell hands over every
// slot (TAIL == HEAD: the device sees an empty ring) or leaves descriptors the CPU just
// wrote unpublished; or the device fetches a slot the driver never published, or one whose
// bytes the CPU wrote but that still wait in its store buffer (a doorbell rung without a
// write barrier).
#pragma once

#include <cstdint>
#include <set>
#include <tuple>
#include <vector>

#include "checker.hpp"
#include "desc_ledger.hpp"

namespace tandem {

class DescOwnershipChecker : public Checker {
 public:
  // A fetch may be published a few cycles before the doorbell that allowed it: the CPU
  // reports its register write when it takes the response, after the device acted on it.
  static constexpr std::uint64_t kDoorbellSlack = 64;  // cycles

  explicit DescOwnershipChecker(Platform& p);
  void end_of_run(bool finished) override;

 private:
  struct Fetch {
    unsigned device, channel, index;
    std::uint64_t addr, cycle;
    bool stale;  // the CPU's bytes of the slot were still in its store buffer
  };
  void csr(const Event& e);
  void fetched(const Fetch& f);
  void cpu_wrote(const Event& e);
  void doorbell(const Event& e, const Doorbell& d);
  void judge_unpublished(std::uint64_t now);

  DescLedger ledger_;
  std::vector<Fetch> unpublished_;  // fetches not (yet) covered by a doorbell
  std::set<std::tuple<unsigned, unsigned, unsigned, std::uint64_t>> reported_;  // slots written while owned
};

}  // namespace tandem
