#include "device_harness.hpp"

#include <stdexcept>

#include "idle_skip.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {

std::unique_ptr<VerilatedDevice> make_model(const HarnessConfig& config) {
  const DeviceVariant* v = find_variant(config.variant);
  if (v == nullptr) throw std::invalid_argument("no RTL variant named '" + config.variant + "'");
  std::shared_ptr<WaveFile> waves = config.waves;
  if (waves == nullptr && !config.fst_path.empty()) waves = std::make_shared<WaveFile>(config.fst_path, 1);
  return v->make(std::move(waves), config.scope);
}

}  // namespace

DeviceHarness::DeviceHarness(MemoryBus& memory, const HarnessConfig& config)
    : config_(config), model_(make_model(config)) {
  csr_ = std::make_unique<AxilMaster>(model_->pins());
  mem_port_ = std::make_unique<AxiMemSlave>(model_->pins(), memory, config.mem);
  skipping_ = config.idle_skip && idle_skip_allowed() && config.waves == nullptr && config.fst_path.empty();
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

const ProbePins& DeviceHarness::probes() const {
  return model_->probes();
}

DevicePeek DeviceHarness::peek() const {
  return model_->peek();
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
  const TcePins& p = model_->pins();
  // Low phase: inputs for this cycle's edge, then let combinational outputs settle.
  *p.clk = 0;
  *p.rst_n = cycle_ >= config_.reset_cycles;
  csr_->drive();
  mem_port_->drive(cycle_);
  model_->eval();
  model_->dump(cycle_ * 1000);
}

bool DeviceHarness::end_cycle() {
  observable_ = false;
  const TcePins& p = model_->pins();
  // Handshakes complete at this edge.
  csr_->sample(cycle_);
  mem_port_->sample(cycle_);
  *p.clk = 1;
  model_->set_time(cycle_);
  model_->eval();
  model_->dump(cycle_ * 1000 + 500);
  ++cycle_;
  if (!csr_->completed().empty()) observable_ = true;
  if (*p.irq != irq_) {
    irq_ = *p.irq;
    observable_ = true;
  }
  const ProbePins& probes = model_->probes();
  const std::uint32_t pending = *probes.irq_status & *probes.irq_enable;
  for (std::uint32_t fresh = pending & ~pending_; fresh != 0; fresh &= fresh - 1) {
    pending_since_[static_cast<unsigned>(__builtin_ctz(fresh))] = cycle_;
  }
  pending_ = pending;
  if (counting_) {
    const bool busy = model_->peek().dma_busy;
    descriptors_ended_ += dma_busy_ && !busy;
    dma_busy_ = busy;
  }
  return observable_;
}

bool DeviceHarness::step() {
  begin_cycle();
  return end_cycle();
}

bool DeviceHarness::quiescent() const {
  return cycle_ > config_.reset_cycles && *model_->pins().quiescent != 0 && csr_->idle() && mem_port_->idle() &&
         !model_->got_error();
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
