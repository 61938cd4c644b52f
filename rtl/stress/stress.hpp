// The RTL stress test: one Verilated variant driven for millions of cycles by seeded random
// CSR traffic, descriptors, memory latency and back-pressure, bus errors, channel and soft
// resets and power transitions, against reference models and checkers (csr_model,
// channel, irq_watch, and the AXI assertions in the RTL). Deterministic for a seed.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "axil_master.hpp"
#include "bare_device.hpp"
#include "csr_model.hpp"
#include "rng.hpp"

namespace tandem::stress {

struct StressConfig {
  std::string variant = "default";
  Variant shape;
  std::uint64_t seed = 1;
  std::uint64_t cycles = 1'000'000;
  bool trace = false;  // print every CSR access with its episode and cycle
};

struct StressResult {
  std::uint64_t cycles = 0;
  // The first check that fired, the cycle of its episode it fired in, and why.
  std::string check, message;
  std::uint64_t episode = 0, fail_cycle = 0;
  // What ran.
  std::uint64_t csr_ops = 0, done = 0, failed = 0, channel_resets = 0, soft_resets = 0, wakes = 0, rc_reads = 0;
  bool ok() const { return check.empty(); }
};

StressResult run_stress(const StressConfig& config);

// One CSR access of a group: the accesses of a group go on the bus in the same cycle, and
// the next group waits until all of them were answered.
struct CsrOp {
  bool write = false;
  std::uint32_t addr = 0, data = 0;
  std::uint8_t strobes = 0xF;
  std::function<void(const CsrRequest&)> done;  // after the answer was checked
};

inline CsrOp rd(std::uint32_t addr, std::function<void(const CsrRequest&)> done = {}) {
  CsrOp op;
  op.addr = addr;
  op.done = std::move(done);
  return op;
}
inline CsrOp wr(std::uint32_t addr, std::uint32_t data, std::function<void(const CsrRequest&)> done = {},
                std::uint8_t strobes = 0xF) {
  CsrOp op;
  op.write = true;
  op.addr = addr;
  op.data = data;
  op.strobes = strobes;
  op.done = std::move(done);
  return op;
}

class Channel;
class IrqWatch;

// What the parts of the stress test share: the device, the CSR queue, the seed, the verdict.
class Stress {
 public:
  Stress(const StressConfig& config, StressResult* result);
  ~Stress();
  void run();

  void csr(std::vector<CsrOp> group) { queue_.push_back(std::move(group)); }
  // Ahead of everything queued, at once: for accesses timed to a cycle.
  void csr_first(std::vector<CsrOp> group) {
    queue_.push_front(std::move(group));
    next_submit_ = 0;
  }
  void fail(const char* check, const std::string& message);
  bool failed() const { return !result_->ok(); }
  std::uint64_t now() const { return dev_->cycle(); }
  Rng& rng() { return rng_; }
  HostMemory& memory() { return dev_->memory(); }
  AxiMemSlave& memory_port() { return dev_->harness().memory_port(); }
  const CsrModel& model() const { return model_; }
  StressResult& result() { return *result_; }
  // Bound on one descriptor of `len` bytes from its fetch (README), stretched by the
  // memory's back-pressure.
  std::uint64_t descriptor_bound(std::uint64_t len) const;
  unsigned write_latency() const { return write_latency_; }
  // Channels stop posting while a power transition or a soft reset is prepared.
  bool quiescing() const { return quiesce_; }
  // A global action (soft reset, power cycle) owns the CSR port: channels issue nothing.
  bool exclusive() const { return exclusive_; }
  bool configured() const { return configured_; }

 private:
  void episode(std::uint64_t cycles);
  void submit_ready();
  void finish_group();
  void global_actions();
  void noise();
  void configure_device();
  void soft_reset();
  void power_cycle();
  void wake();
  void wake_writes(unsigned left, std::uint64_t until);
  void after_reset_poll(std::uint64_t since, std::uint64_t limit);
  void on_burst(bool write, std::uint64_t addr, std::uint64_t bytes);
  void on_write_beat(std::uint64_t addr, std::uint8_t strobes);
  void check_current();

  StressConfig cfg_;
  StressResult* result_;
  Rng rng_;
  std::unique_ptr<BareDevice> dev_;
  CsrModel model_;
  std::unique_ptr<IrqWatch> irq_;
  std::vector<std::unique_ptr<Channel>> channels_;
  std::deque<std::vector<CsrOp>> queue_;
  std::vector<CsrOp> group_;
  CsrRequest req_[2];
  std::optional<std::uint32_t> expect_value_[2];
  AxiResp expect_resp_[2] = {};
  std::uint64_t next_submit_ = 0, next_noise_ = 0, next_global_ = 0;
  unsigned backpressure_ = 0, write_latency_ = 0;
  std::uint64_t last_reset_ = 0;  // when a channel reset was last answered
  bool quiesce_ = false, configured_ = false, global_busy_ = false, exclusive_ = false, awaiting_wake_ = false;
  enum class Drain { kNone, kSoftReset, kPower } drain_ = Drain::kNone;
  std::uint64_t drain_since_ = 0, ctrl_at_ = 0;
  std::uint64_t episode_ = 0;
  // The descriptor the engine works on: every memory access belongs to it.
  struct Current {
    Channel* channel = nullptr;
    std::uint64_t desc = 0, src = 0, dst = 0, len = 0, deadline = 0;
    bool reads_src = false, writes_dst = false, ended = false, no_writeback = false;
  } cur_;

  friend class Channel;
};

}  // namespace tandem::stress
