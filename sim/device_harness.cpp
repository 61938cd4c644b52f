#include "device_harness.hpp"

#include <stdexcept>

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
  csr_ = std::make_unique<AxilMaster>(model_->pins().csr);
  // A device without a memory port (the port contract makes it optional) gets no memory model.
  if (model_->pins().has_mem) mem_port_ = std::make_unique<AxiMemSlave>(model_->pins().mem, memory, config.mem);
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

DevicePeek DeviceHarness::peek() const {
  return model_->peek();
}

std::uint64_t DeviceHarness::state_digest() const {
  return model_->state_digest();
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
  model_->eval();
  model_->dump(cycle_ * 1000 + 500);
  ++cycle_;
  if (!csr_->completed().empty()) observable_ = true;
  if (const std::uint32_t irq = p.irq.get(); irq != irq_) {
    irq_ = irq;
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
  return cycle_ > config_.reset_cycles && *model_->pins().quiescent != 0 && csr_->idle() &&
         (!mem_port_ || mem_port_->idle()) && !model_->got_error();
}

std::uint64_t DeviceHarness::run(std::uint64_t budget) {
  std::uint64_t n = 0;
  while (n < budget) {
    ++n;
    if (step()) break;
  }
  return n;
}

}  // namespace tandem
