// A copy whose outcome the scenario checks by itself: seeded random bytes in source
// segments, destination segments of their own (the two sides cut differently), every
// segment at its own byte alignment and fenced by guard bytes. After the device ran it,
// every byte must have arrived and no guard may have changed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "copy_request.hpp"
#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {

struct CopyShape {
  std::size_t len = 1;
  unsigned src_segments = 1;  // each at least one byte
  unsigned dst_segments = 1;
  unsigned src_align = 0;  // byte offset of the first segment within a 64-bit word (0..7)
  unsigned dst_align = 0;
};

// A shape drawn from the seed: length in [min_len, max_len], 1..max_segments per side
// (never more than bytes), any alignment.
CopyShape random_shape(Rng& rng, std::size_t min_len, std::size_t max_len, unsigned max_segments);

class CheckedCopy {
 public:
  CheckedCopy(ScenarioContext& ctx, const CopyShape& shape);
  tce::CopyRequest& request() { return req_; }
  const CopyShape& shape() const { return shape_; }
  std::string describe() const;
  // Every destination byte equals its source byte, and every guard (around both sides'
  // segments) is untouched; otherwise fails the run through the scoreboard, with the
  // offset and the values. Returns whether all was well.
  bool verify(ScenarioContext& ctx) const;

 private:
  struct Side {
    std::vector<std::uint8_t*> starts;  // each segment's first byte
    std::vector<std::size_t> lens;
    std::vector<std::uint8_t*> guards;  // each guard's first byte (kGuard bytes)
  };
  Side layout(ScenarioContext& ctx, unsigned segments, unsigned align);
  bool guards_intact(ScenarioContext& ctx, const Side& side, const char* which) const;

  CopyShape shape_;
  Side src_, dst_;
  std::vector<std::uint8_t> expected_;
  tce::CopyRequest req_;
};

// Waits for the request to finish within `timeout_ns`. A request the driver only notices
// at the end of the wait (an interrupt that never woke the CPU) counts as not finished.
bool finished_in_time(ScenarioContext& ctx, tce::TceDevice& dev, const tce::CopyRequest& req, std::uint64_t timeout_ns);

// Whether the request ended in the device error that a replayed schedule's `error`
// perturbation injected on it (sim/platform/perturber.hpp): -EIO on a bus error of one of its
// descriptors, which is what the driver must report, not a failure of the run.
bool injected_error(ScenarioContext& ctx, const tce::CopyRequest& req);

// Submits the copy, waits for it (bounded) and checks it: fails the run through
// `completion` when it does not finish with status 0, through `scoreboard` when a byte is
// wrong. Returns whether the copy arrived intact.
bool copy_and_check(ScenarioContext& ctx, tce::TceDevice& dev, CheckedCopy& copy, std::uint64_t timeout_ns);

// Probes the device, failing the run through `driver` when probe does not return 0.
bool probe_or_fail(ScenarioContext& ctx, tce::TceDevice& dev);

}  // namespace tandem
