// The register-usage rules, the lost-event rule and the latency summary on synthetic event
// streams.
#include <doctest/doctest.h>

#include <string>

#include "reg_usage.hpp"
#include "tce_regs.hpp"
#include "timing.hpp"
#include "unsignalled_events.hpp"

using tandem::RegUsageRules;
namespace r = tce::reg;

namespace {

constexpr std::uint32_t kEnabled = 0xF;  // both channels' DONE and ERR

std::string read(RegUsageRules& rules, std::uint32_t offset, std::uint32_t value, int cpu = 0) {
  return rules.access({cpu, 0, false, offset, value, true}, kEnabled);
}
std::string write(RegUsageRules& rules, std::uint32_t offset, std::uint32_t value, std::uint32_t enable = kEnabled) {
  return rules.access({0, 0, true, offset, value, true}, enable);
}
bool has(const std::string& s, const char* what) {
  return s.find(what) != std::string::npos;
}

}  // namespace

// The checkers link the platform, whose SystemC library wants an elaboration entry point;
// these tests never start the kernel.
int sc_main(int, char*[]) {
  return 0;
}

TEST_CASE("access types from the register map, channel arrays included") {
  RegUsageRules rules;
  CHECK(has(write(rules, r::ID::kOffset, 1), "read-only register ID"));
  CHECK(has(write(rules, r::CH_STATUS::offset(1), 1), "read-only register CH_STATUS[1]"));
  CHECK(has(write(rules, r::IRQ_STATUS_RC::kOffset, 1), "read-to-clear register IRQ_STATUS_RC"));
  CHECK(has(read(rules, r::IRQ_TEST::kOffset, 0), "write-only register IRQ_TEST"));
  CHECK(write(rules, r::CH_CTRL::offset(3), r::CH_CTRL::RUN::kMask | r::CH_CTRL::RESET::kMask).empty());
  CHECK(has(write(rules, r::CTRL::kOffset, 0x101), "reserved bits 0x00000100"));
  CHECK(write(rules, r::SCRATCH::kOffset, 0xFFFFFFFF).empty());  // RW: anything goes
}

TEST_CASE("ack-all is caught while events are enabled, allowed while none is") {
  RegUsageRules rules;
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0xFFFFFFFF, 0).empty());
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0xFFFFFFFF), "ack-all"));
}

TEST_CASE("a W1C write of exactly the bits seen is legal, of a bit never seen or seen before its last clear is not") {
  RegUsageRules rules;
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x3).empty());
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0x1).empty());  // one vector's bits of what it saw
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x5), "unseen events"));
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x1), "unseen events"));  // cleared since it was seen
}

TEST_CASE("a read-to-clear read by one CPU takes the bits out of every other CPU's view") {
  RegUsageRules rules;
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x1, 0).empty());
  CHECK(read(rules, r::IRQ_STATUS_RC::kOffset, 0x1, 1).empty());
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x1), "unseen events"));
}

TEST_CASE("writing back what was read from IRQ_STATUS is a read-modify-write when it holds bits not to acknowledge") {
  RegUsageRules rules;
  CHECK(read(rules, r::IRQ_STATUS::kOffset, 0x101).empty());  // a disabled event latched beside one enabled
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x101), "read-modify-write of W1C register IRQ_STATUS"));
  CHECK(read(rules, r::IRQ_STATUS::kOffset, 0x001).empty());
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0x001).empty());  // all it read was enabled: its to acknowledge
}

TEST_CASE("a handler acknowledges only what its first status read showed") {
  RegUsageRules rules;
  rules.handler_entry(0, 0);
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x1).empty());
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x5).empty());  // an event landed after the snapshot
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x5), "read-then-clear race"));
  rules.handler_return(0);
  rules.handler_entry(0, 0);
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x4).empty());
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0x4).empty());
  rules.handler_return(0);
}

TEST_CASE("a handler that acknowledges after re-reading status is caught, whether or not an event landed between") {
  RegUsageRules rules;
  rules.handler_entry(0, 0);
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x1).empty());
  CHECK(read(rules, r::IRQ_STATUS::kOffset, 0x1).empty());  // nothing new: the same bit
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x1), "read-modify-write of W1C register IRQ_STATUS"));
  rules.handler_return(0);
  rules.handler_entry(0, 0);
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x4).empty());
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x4).empty());
  CHECK(has(write(rules, r::IRQ_STATUS::kOffset, 0x4), "clear by re-read"));
  rules.handler_return(0);
}

TEST_CASE("a handler draining its events in a loop takes a new snapshot after each acknowledge") {
  RegUsageRules rules;
  rules.handler_entry(0, 0);
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x1).empty());
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0x1).empty());
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x4).empty());
  CHECK(write(rules, r::IRQ_STATUS::kOffset, 0x4).empty());
  CHECK(read(rules, r::IRQ_PENDING::kOffset, 0x0).empty());
  rules.handler_return(0);
}

TEST_CASE("latency summary: min, median, p99 and max of the samples") {
  std::vector<std::uint64_t> samples;
  for (std::uint64_t i = 100; i >= 1; --i) samples.push_back(i);
  CHECK(tandem::latency_summary("x", samples) == "x n=100 min=1 median=50 p99=99 max=100");
  CHECK(tandem::latency_summary("x", {7}) == "x n=1 min=7 median=7 p99=7 max=7");
  CHECK(tandem::latency_summary("x", {}) == "x n=0");
  CHECK(tandem::latency_summary("x", {5, 9, 5, 5}) == "x n=4 min=5 median=5 p99=9 max=9");  // counts, not samples
}

TEST_CASE("an event held unsignalled past its coalescing timer and the bound is lost, one held by count alone is not") {
  tandem::UnsignalledEvents rule;
  const auto coalesce = [](std::uint32_t count, std::uint32_t timer) {
    return r::put<r::IRQ_COALESCE::COUNT>(count) | r::put<r::IRQ_COALESCE::TIMER>(timer);
  };
  rule.revision_read(0, 1);
  rule.coalesce_written(0, 0, coalesce(4, 2000));
  CHECK(rule.judge(0, 0, 0, 0x1, 1000, 100).empty());  // held from here
  CHECK(rule.judge(0, 0, 0, 0x1, 3100, 100).empty());  // within timer + bound
  const std::string lost = rule.judge(0, 0, 0, 0x1, 3101, 100);
  CHECK(has(lost, "lost event: device 0 events 0x001"));
  CHECK(has(lost, "IRQ_COALESCE(0)"));
  CHECK(has(lost, "erratum E2"));
  rule.coalesce_written(0, 1, coalesce(4, 0));  // count alone: the driver flushes itself
  CHECK(rule.judge(0, 1, 1, 0x4, 1000, 100).empty());
  CHECK(rule.judge(0, 1, 1, 0x4, 90000, 100).empty());
}

TEST_CASE("a signal restarts the judgement of held events, and without coalescing the bound alone applies") {
  tandem::UnsignalledEvents rule;
  CHECK(rule.judge(0, 0, 0, 0x1, 0, 100).empty());
  rule.signal(0, 0, true);
  CHECK(rule.judge(0, 0, 0, 0x1, 500, 100).empty());  // the line is high: signalled
  rule.signal(0, 0, false);
  CHECK(rule.judge(0, 0, 0, 0x1, 600, 100).empty());  // held again from here
  CHECK(rule.judge(0, 0, 0, 0x1, 700, 100).empty());
  CHECK(has(rule.judge(0, 0, 0, 0x1, 701, 100), "no coalescing"));
}
