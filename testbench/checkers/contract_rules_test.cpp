// The register-usage rules and the latency summary on synthetic event streams.
#include <doctest/doctest.h>

#include <string>

#include "reg_usage.hpp"
#include "tce_regs.hpp"
#include "timing.hpp"

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

TEST_CASE("latency summary: min, median, p99 and max of the samples") {
  std::vector<std::uint64_t> samples;
  for (std::uint64_t i = 100; i >= 1; --i) samples.push_back(i);
  CHECK(tandem::latency_summary("x", samples) == "x n=100 min=1 median=50 p99=99 max=100");
  CHECK(tandem::latency_summary("x", {7}) == "x n=1 min=7 median=7 p99=7 max=7");
  CHECK(tandem::latency_summary("x", {}) == "x n=0");
  CHECK(tandem::latency_summary("x", {5, 9, 5, 5}) == "x n=4 min=5 median=5 p99=9 max=9");  // counts, not samples
}
