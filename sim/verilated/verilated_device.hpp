// One Verilated variant of a device (each is its own C++ class), behind one interface, so
// that the harness runs any of them. Variants register a factory under their name and kind.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bus_pins.hpp"
#include "device_kind.hpp"
#include "probe_pins.hpp"
#include "wave_file.hpp"

namespace tandem {

class VerilatedDevice {
 public:
  virtual ~VerilatedDevice() = default;
  virtual void eval() = 0;
  // The clock's rising edge evaluated alone, the inputs set since the last evaluation
  // settling in the same evaluation (eval() with the clock low, then high, in one). Exact
  // when the outputs read between the two, the handshakes, are those the last evaluation
  // left: for a model whose outputs computed from its inputs are only the CSR port's READYs
  // and quiescent_o (scripts/eval_plan.py) while the CSR port's inputs hold still. Only
  // where edge_alone() says the model can.
  virtual void eval_edge() = 0;
  // Whether eval_edge() may be used: the variant's plan allows it and this Verilator's model
  // lets the edge be told (otherwise the harness evaluates twice, always exact).
  bool edge_alone() const { return edge_alone_; }
  // Set by the variant's factory from its plan (scripts/eval_plan.py).
  virtual void allow_edge_alone(bool allowed) = 0;
  // The simulation time RTL messages print ($time): the harness keeps it at the cycle count.
  virtual void set_time(std::uint64_t time) = 0;
  // Its values at `time` (ps) for its wave file, if it has one.
  virtual void dump(std::uint64_t time) = 0;
  // Done with its wave file (the file closes when all its models are).
  virtual void close_trace() = 0;
  virtual void final() = 0;
  virtual bool got_error() const = 0;
  // What only the kind's own model class knows how to read (idle for a kind that does not).
  virtual DevicePeek peek() const { return {}; }
  // A digest of every state variable of the model (equal states, equal digests).
  virtual std::uint64_t state_digest() const = 0;
  // Whether `other`, a model of the same variant, holds the same state (digests compare one
  // model's states over time; between two models, heap leftovers would differ).
  virtual bool same_state(const VerilatedDevice& other) const = 0;
  // The port contract's pins (scripts/portgen.py), whatever the device.
  const DevicePins& pins() const { return pins_; }
  const ProbePins& probes() const { return probes_; }

 protected:
  DevicePins pins_{};
  ProbePins probes_{};
  bool edge_alone_ = false;
};

struct DeviceVariant {
  std::string name;     // "default", "rev1", "ch1", "ch4"
  std::string kind;     // its device kind (sim/verilated/device_kind.hpp): "tce"
  std::string summary;  // its parameters
  unsigned channels;    // NUM_CH (DMA channels; 0 for a kind without)
  unsigned vectors;     // NUM_VEC: its interrupt outputs
  // A model named `scope`, writing into `waves` (nullptr: no waves). Throws
  // std::invalid_argument for waves of a variant built without tracing.
  std::function<std::unique_ptr<VerilatedDevice>(std::shared_ptr<WaveFile> waves, const std::string& scope)> make;
};

std::vector<DeviceVariant>& device_variants();
const DeviceVariant* find_variant(const std::string& name);

// RTL coverage (a build with TANDEM_COVERAGE only; elsewhere nothing is written). Each model
// writes its counts when it goes away, into the folder set here (a run's folder: the first
// model's file is coverage.dat, a second device's coverage-1.dat, ...) or, when none is set,
// into $TANDEM_COVERAGE_DIR as coverage-<pid>-<n>.dat (the RTL tests, many processes at once).
bool rtl_coverage_built();
void set_rtl_coverage_dir(const std::string& dir);
// The file the next model writes ("" when no folder is set, and then nothing is written).
std::string next_rtl_coverage_file();

struct VariantRegistrar {
  explicit VariantRegistrar(DeviceVariant v) { device_variants().push_back(std::move(v)); }
};

}  // namespace tandem
