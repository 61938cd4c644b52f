// timing: the device's and the driver's time bounds. It fails a run when
// - a CSR request is answered more than 4 cycles after its handshake (spec section 2);
// - a vector without coalescing raises its output more than 2 cycles after the latest of
//   the events routed to it became pending (the device's own bound from event to line);
// - one handler call runs longer than the scenario's budget (PlatformConfig::isr_budget):
//   a top half does its least and defers the rest.
// It also records, per run, the latencies of interrupt service: from an event to its line,
// from a device's signal on a line to its handler's entry, each handler's duration, and from a handled interrupt's
// handler entry to the bottom half that follows on its CPU (min, median, p99, max, and
// bucketed for histograms), which the runner writes into the run's outcome.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "checker.hpp"
#include "checker_names.hpp"
#include "records.hpp"

namespace tandem {

// "name n=.. min=.. median=.. p99=.. max=.." for a set of samples (in cycles).
// Latency samples in cycles, kept as counts per value: exact percentiles in memory that grows
// with the distinct values, not with the length of the run.
class Latencies {
 public:
  void add(std::uint64_t cycles) {
    ++counts_[cycles];
    ++n_;
  }
  // "name n=.. min=.. median=.. p99=.. max=.." (or "name n=0").
  std::string summary(const std::string& name) const;
  // The same samples in power-of-two buckets, for the regression's histograms.
  LatencyHistogram histogram(const std::string& name) const;

 private:
  std::map<std::uint64_t, std::uint64_t> counts_;
  std::uint64_t n_ = 0;
};
std::string latency_summary(const std::string& name, const std::vector<std::uint64_t>& samples);

class TimingChecker : public Checker {
 public:
  static constexpr std::uint64_t kCsrAnswerBound = 4;    // cycles from handshake to response
  static constexpr std::uint64_t kEventToLineBound = 2;  // cycles from a pending event to its line

  explicit TimingChecker(Platform& p);
  std::vector<std::string> records() const override;
  std::vector<LatencyHistogram> histograms() const override;

 private:
  void csr_access(const Event& e);
  void entry(const Event& e);
  void returned(const Event& e);
  void line_rose(const Event& e);
  // Every latency kind, in the order records() writes them, with its name.
  std::vector<const Latencies*> kinds(std::vector<std::string>* names) const;

  struct Frame {
    std::uint64_t entry = 0;
    unsigned device = 0;
    unsigned line = 0;
  };
  std::map<int, std::vector<Frame>> frames_;                          // by cpu
  std::map<std::pair<unsigned, unsigned>, std::uint64_t> signalled_;  // (device, line): since, not served
  std::map<int, std::uint64_t> awaiting_bh_;                          // cpu: entry of a handled interrupt
  std::set<std::pair<unsigned, unsigned>> coalescing_;                // (device, vector) ever set to coalesce
  Latencies csr_answer_, event_to_line_, signal_to_isr_, isr_duration_, isr_to_bh_;
};

}  // namespace tandem
