#include "device_harness.hpp"

#include <stdexcept>

#include "idle_skip.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {

const DeviceVariant& variant_of(const HarnessConfig& config) {
  const DeviceVariant* v = find_variant(config.variant);
  if (v == nullptr) throw std::invalid_argument("no RTL variant named '" + config.variant + "'");
  return *v;
}

const DeviceKind& kind_of(const DeviceVariant& v) {
  const DeviceKind* k = find_kind(v.kind);
  if (k == nullptr)
    throw std::invalid_argument("RTL variant '" + v.name + "' names no known device kind '" + v.kind + "'");
  return *k;
}

std::unique_ptr<VerilatedDevice> make_model(const HarnessConfig& config) {
  const DeviceVariant* v = &variant_of(config);
  std::shared_ptr<WaveFile> waves = config.waves;
  if (waves == nullptr && !config.fst_path.empty()) waves = std::make_shared<WaveFile>(config.fst_path, 1);
  return v->make(std::move(waves), config.scope);
}

}  // namespace

DeviceHarness::DeviceHarness(MemoryBus& memory, const HarnessConfig& config)
    : config_(config),
      kind_(&kind_of(variant_of(config))),
      vectors_(variant_of(config).vectors),
      model_(make_model(config)) {
  if (model_->pins().has_mem != kind_->has_memory_port) {
    throw std::invalid_argument("RTL variant '" + config.variant + "': its top's memory port disagrees with its kind");
  }
  if (kind_->extension) ext_ = kind_->extension(*model_);
  csr_ = std::make_unique<AxilMaster>(model_->pins().csr);
  // A device without a memory port (the port contract makes it optional) gets no memory model.
  if (model_->pins().has_mem) mem_port_ = std::make_unique<AxiMemSlave>(model_->pins().mem, memory, config.mem);
  const bool no_waves = config.waves == nullptr && config.fst_path.empty();
  skipping_ = config.idle_skip && shortcut_allowed("TANDEM_NO_SKIP") && no_waves;
  // A trace needs the low clock phase evaluated: with waves, two evaluations always.
  edge_alone_ = config.edge_alone && shortcut_allowed("TANDEM_TWO_EVALS") && no_waves && model_->edge_alone();
}

DeviceHarness::~DeviceHarness() {
  finish();
}

void DeviceHarness::finish() {
  if (finished_) return;
  finished_ = true;
  model_->eval();  // the probes written since the last cycle
  model_->dump(cycle_ * 1000);
  model_->close_trace();
  model_->final();
}

AxiMemSlave& DeviceHarness::memory_port() {
  if (!mem_port_) throw std::logic_error("this device has no memory port");
  return *mem_port_;
}

const ProbePins& DeviceHarness::probes() const {
  return model_->probes();
}

std::uint64_t DeviceHarness::state_digest() const {
  return model_->state_digest();
}

bool DeviceHarness::same_state(const DeviceHarness& other) const {
  return model_->same_state(*other.model_);
}

bool DeviceHarness::rtl_error() const {
  return model_->got_error();
}

void DeviceHarness::begin_cycle() {
  const DevicePins& p = model_->pins();
  // Low phase: inputs for this cycle's edge, then let combinational outputs settle.
  *p.clk = 0;
  *p.rst_n = cycle_ >= config_.reset_cycles;
  csr_->drive();
  if (mem_port_) mem_port_->drive(cycle_);
  // With the CSR inputs as they were, the outputs the handshakes read are those the last
  // edge left (the variant's plan: its other outputs do not follow its inputs), so the
  // settling evaluation can be folded into the edge's. Past reset: the first edges of a
  // model are its initialisation's.
  single_ = edge_alone_ && cycle_ > config_.reset_cycles && csr_->steady();
  if (single_) return;
  model_->eval();
  model_->dump(cycle_ * 1000);
}

bool DeviceHarness::end_cycle() {
  observable_ = false;
  const DevicePins& p = model_->pins();
  // Handshakes complete at this edge.
  csr_->sample(cycle_);
  if (mem_port_) mem_port_->sample(cycle_);
  *p.clk = 1;
  model_->set_time(cycle_);
  if (single_) {
    model_->eval_edge();
    ++singles_;
  } else {
    model_->eval();
  }
  model_->dump(cycle_ * 1000 + 500);
  ++cycle_;
  if (!csr_->completed().empty()) observable_ = true;
  if (const std::uint32_t irq = p.irq.get(); irq != irq_) {
    irq_ = irq;
    observable_ = true;
  }
  if (ext_) ext_->after_cycle(cycle_);
  return observable_;
}

bool DeviceHarness::step() {
  begin_cycle();
  return end_cycle();
}

bool DeviceHarness::quiescent() const {
  return cycle_ > config_.reset_cycles && *model_->pins().quiescent != 0 && csr_->idle() &&
         (!mem_port_ || mem_port_->idle()) && !model_->got_error();
}

void DeviceHarness::skip(std::uint64_t n) {
  // Quiescent, the device's state, outputs and the harness's view of them stay; its inputs
  // are driven again by the cycles evaluated after the span.
  cycle_ += n;
  skipped_ += n;
}

std::uint64_t DeviceHarness::run(std::uint64_t budget) {
  DeviceHarness* const self = this;
  std::uint64_t n = 0;
  while (n < budget) {
    n += skip_quiescent(&self, 1, budget - n);
    ++n;
    if (step()) break;
  }
  return n;
}

}  // namespace tandem
