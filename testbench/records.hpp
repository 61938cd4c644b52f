// Measurements a run writes into its result.txt beside its verdict, so that the regression's
// report can plot them across runs: latency histograms from the timing checker and the DMA
// requests' sizes and durations. Plain data, shared by the checkers that measure and the
// runner that reads them back.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

// Samples of one latency kind in power-of-two buckets: bucket b (0, 1, 2, 4, 8, ...) counts
// the samples in [b, 2b) (bucket 0 the zeros). Coarse enough to stay a short line per run,
// fine enough to show where a distribution sits and how long its tail is.
struct LatencyHistogram {
  std::string name;
  std::map<std::uint64_t, std::uint64_t> buckets;  // lower bound -> samples
};

// The bucket a sample falls in: its lower bound.
std::uint64_t histogram_bucket(std::uint64_t value);
// "name 0:3 4:17 8:2" (bucket:count, buckets in order, empty ones left out).
std::string format_histogram(const LatencyHistogram& h);
std::optional<LatencyHistogram> parse_histogram(std::string_view text);

// One completed DMA request: its bytes and the cycles from the doorbell that published it
// to the write-back of its last descriptor.
struct DmaSample {
  std::uint64_t bytes = 0;
  std::uint64_t cycles = 0;
  bool operator==(const DmaSample& o) const { return bytes == o.bytes && cycles == o.cycles; }
};

// "bytes cycles".
std::string format_dma(const DmaSample& s);
std::optional<DmaSample> parse_dma(std::string_view text);

}  // namespace tandem
