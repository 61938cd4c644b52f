// A Verilated device of any kind with its buses and host memory, ticked cycle by cycle in plain C++.
// It is the fast core of the SystemC engine, and also what RTL tests and benchmarks drive
// directly. One cycle is 1 ns in waves (clock edges at 0.5 ns).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "axi_mem_slave.hpp"
#include "axil_master.hpp"
#include "device_kind.hpp"
#include "host_memory.hpp"
#include "probe_pins.hpp"
#include "wave_file.hpp"

namespace tandem {

struct HarnessConfig {
  std::string variant = "default";  // which Verilated device (sim/verilated/verilated_device.hpp): it names its kind
  MemConfig mem;
  unsigned reset_cycles = 4;
  std::string fst_path;  // empty: no waves (a file of its own; see `waves` for a shared one)
  // A wave file shared with other devices (it wins over fst_path), and this device's top
  // scope in the waves.
  std::shared_ptr<WaveFile> waves;
  std::string scope = "tandem";
  // Idle skipping (idle_skip.hpp): quiescent cycles are counted, not evaluated. Off here,
  // with TANDEM_NO_SKIP=1 in the environment, or with waves, every cycle is evaluated: a
  // trace records what each evaluation changed, and the clock (and the READYs memory
  // back-pressure toggles) change at every edge, so a trace of a run that skipped would lack
  // them. A traced run is not sped up; its waves are those of any run.
  bool idle_skip = true;
  // One evaluation in a cycle whose CSR inputs hold still, when the variant allows it
  // (VerilatedDevice::eval_edge): the same states, cycles and outputs as two. Off here, with
  // TANDEM_TWO_EVALS=1 in the environment (tandem --two-evals), or with waves (a trace
  // shows the low clock phase).
  bool edge_alone = true;
};

class DeviceHarness {
 public:
  // Throws std::invalid_argument for a variant that does not exist.
  DeviceHarness(MemoryBus& memory, const HarnessConfig& config);
  ~DeviceHarness();
  DeviceHarness(const DeviceHarness&) = delete;
  DeviceHarness& operator=(const DeviceHarness&) = delete;

  // Runs at most `budget` cycles, stopping after the first cycle in which something the
  // rest of the platform could observe happened: a CSR request completed or an interrupt
  // output changed. Returns the cycles run, quiescent ones skipped (idle_skip) included.
  std::uint64_t run(std::uint64_t budget);
  // One cycle; true if something observable happened in it.
  bool step();
  // One cycle in two halves, for devices ticked in lockstep into one wave file: every
  // device's first half (inputs driven, settled: the low clock phase), then every device's
  // second (the clock edge). The second returns what step() does.
  void begin_cycle();
  bool end_cycle();

  // Past reset, no RTL error, the device quiescent (its top's quiescent_o) and its CSR
  // master and memory port with nothing to do: nothing in the device changes until the
  // platform submits a request (memory back-pressure may toggle a READY no VALID waits for).
  bool quiescent() const;
  // Idle skipping on for this device (configured, allowed, no waves).
  bool skipping() const { return skipping_; }
  // Advances `n` cycles of a quiescent device without evaluating it (skip_quiescent).
  void skip(std::uint64_t n);
  // Cycles skipped so far.
  std::uint64_t skipped() const { return skipped_; }
  // Cycles evaluated once (the clock edge alone), so far.
  std::uint64_t single_evaluations() const { return singles_; }

  std::uint64_t cycle() const { return cycle_; }
  unsigned reset_cycles() const { return config_.reset_cycles; }
  std::uint32_t irq_lines() const { return irq_; }
  // Its interrupt outputs (the variant's NUM_VEC), and its kind.
  unsigned vectors() const { return vectors_; }
  const DeviceKind& kind() const { return *kind_; }
  // What follows is its kind's extension's to say (sim/verilated/device_kind.hpp); a kind without one
  // answers nothing pending, an idle device, no descriptors, channel 0.
  // The cycle interrupt event `event` last became pending (latched and enabled), for checkers
  // that time the device's interrupt outputs against their events.
  std::uint64_t pending_since(unsigned event) const { return ext_ ? ext_->pending_since(event) : 0; }
  AxilMaster& csr() { return *csr_; }
  // The model of its memory port; throws std::logic_error for a device without one.
  AxiMemSlave& memory_port();
  bool has_memory_port() const { return mem_port_ != nullptr; }
  // What the waves show beside the RTL: set by the platform, read by nothing in the device.
  const ProbePins& probes() const;
  // What the device is doing, and a digest of its whole state, without a bus access.
  DevicePeek peek() const { return ext_ ? ext_->peek() : DevicePeek{}; }
  std::uint64_t state_digest() const;
  // Whether `other`, a device of the same variant, holds the same state (VerilatedDevice).
  bool same_state(const DeviceHarness& other) const;
  // Counts, from now on, the descriptors that end (however they end): the DMA engine going
  // idle after working on one. Off by default: it costs a look at the model every cycle.
  void count_descriptors() {
    if (ext_) ext_->count_descriptors();
  }
  std::uint64_t descriptors_ended() const { return ext_ ? ext_->descriptors_ended() : 0; }
  // Its kind's extension (nullptr: none), for what its bus traffic shows (DeviceEvents).
  DeviceExtension* extension() { return ext_.get(); }
  // The DMA channel its engine serves now: every memory burst belongs to it.
  unsigned dma_channel() const { return ext_ ? ext_->dma_channel() : 0; }
  // An RTL error ($error, a failed assertion) since the start, with its message in the log.
  bool rtl_error() const;
  // Closes the wave file (also done by the destructor), after a last sample of the waves
  // at the cycle the run ended (markers set since the last cycle, such as a failure that
  // stopped the run, show there).
  void finish();

 private:
  HarnessConfig config_;
  const DeviceKind* kind_ = nullptr;
  unsigned vectors_ = 0;
  std::unique_ptr<class VerilatedDevice> model_;
  std::unique_ptr<DeviceExtension> ext_;
  std::unique_ptr<AxilMaster> csr_;
  std::unique_ptr<AxiMemSlave> mem_port_;
  std::uint64_t cycle_ = 0;
  std::uint32_t irq_ = 0;
  bool observable_ = false;
  bool finished_ = false;
  bool skipping_ = false;
  bool edge_alone_ = false;  // configured and the variant allows it
  bool single_ = false;      // this cycle's edge is evaluated alone
  std::uint64_t skipped_ = 0;
  std::uint64_t singles_ = 0;
};

}  // namespace tandem
