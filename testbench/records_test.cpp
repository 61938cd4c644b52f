#include "records.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "checkers/timing.hpp"
#include "runner/outcome.hpp"

namespace tandem {

TEST_CASE("latency samples fall in power-of-two buckets") {
  CHECK(histogram_bucket(0) == 0);
  CHECK(histogram_bucket(1) == 1);
  CHECK(histogram_bucket(3) == 2);
  CHECK(histogram_bucket(64) == 64);
  CHECK(histogram_bucket(127) == 64);
  Latencies l;
  for (std::uint64_t v : {0, 5, 6, 7, 100}) l.add(v);
  const LatencyHistogram h = l.histogram("isr_duration");
  CHECK(h.name == "isr_duration");
  CHECK(h.buckets == std::map<std::uint64_t, std::uint64_t>{{0, 1}, {4, 3}, {64, 1}});
  CHECK(format_histogram(h) == "isr_duration 0:1 4:3 64:1");
}

TEST_CASE("histogram and DMA lines parse back, and malformed ones are refused") {
  const auto h = parse_histogram("signal_to_isr 16:2 32:7");
  REQUIRE(h.has_value());
  CHECK(h->name == "signal_to_isr");
  CHECK(h->buckets.at(32) == 7);
  CHECK(parse_histogram("signal_to_isr n=0").has_value() == false);
  CHECK(parse_histogram("x 3:1").has_value() == false);  // 3 is no bucket's lower bound
  CHECK(parse_histogram("empty")->buckets.empty());
  CHECK(parse_dma("4096 612") == DmaSample{4096, 612});
  CHECK_FALSE(parse_dma("4096").has_value());
  CHECK_FALSE(parse_dma("4096 612 9").has_value());
}

TEST_CASE("histograms and DMA requests round-trip through result.txt") {
  Outcome o;
  o.scenario = "dma_single_copy";
  o.cycles = 1234;
  o.latency_hist = {LatencyHistogram{"event_to_line", {{1, 4}, {2, 1}}}, LatencyHistogram{"isr_to_bh", {}}};
  o.dma = {DmaSample{64, 90}, DmaSample{1 << 20, 140000}};
  const std::string path = (std::filesystem::temp_directory_path() / "tandem-records-test.txt").string();
  REQUIRE(write_outcome(path, o));
  const std::optional<Outcome> back = read_outcome(path);
  std::filesystem::remove(path);
  REQUIRE(back.has_value());
  REQUIRE(back->latency_hist.size() == 2);
  CHECK(back->latency_hist[0].name == "event_to_line");
  CHECK(back->latency_hist[0].buckets == o.latency_hist[0].buckets);
  CHECK(back->latency_hist[1].buckets.empty());
  CHECK(back->dma == o.dma);
}

}  // namespace tandem
