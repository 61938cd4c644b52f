#include "device_harness.hpp"

#include <verilated_fst_c.h>

#include "Vtce_top.h"
#include "tce_pins_bind.hpp"

namespace tandem {

struct DeviceHarness::Model {
  explicit Model(bool trace) {
    context.fatalOnError(false);  // RTL errors fail the run through rtl_error(), not abort()
    context.traceEverOn(trace);
    top = std::make_unique<Vtce_top>(&context, "tce_top");
    pins = bind_pins(*top);
  }
  VerilatedContext context;
  std::unique_ptr<Vtce_top> top;
  TcePins pins;
  std::unique_ptr<VerilatedFstC> fst;
};

DeviceHarness::DeviceHarness(HostMemory& memory, const HarnessConfig& config)
    : config_(config), model_(std::make_unique<Model>(!config.fst_path.empty())) {
  csr_ = std::make_unique<AxilMaster>(model_->pins);
  mem_port_ = std::make_unique<AxiMemSlave>(model_->pins, memory, config.mem);
  if (!config.fst_path.empty()) {
    model_->fst = std::make_unique<VerilatedFstC>();
    model_->top->trace(model_->fst.get(), 99);
    model_->fst->open(config.fst_path.c_str());
  }
}

DeviceHarness::~DeviceHarness() {
  finish();
}

void DeviceHarness::finish() {
  if (model_->fst) {
    model_->fst->close();
    model_->fst.reset();
  }
  model_->top->final();
}

bool DeviceHarness::rtl_error() const {
  return model_->context.gotError();
}

void DeviceHarness::tick() {
  const TcePins& p = model_->pins;
  Vtce_top& top = *model_->top;
  // Low phase: inputs for this cycle's edge, then let combinational outputs settle.
  *p.clk = 0;
  *p.rst_n = cycle_ >= config_.reset_cycles;
  csr_->drive();
  mem_port_->drive(cycle_);
  top.eval();
  if (model_->fst) model_->fst->dump(cycle_ * 1000);
  // Handshakes complete at this edge.
  csr_->sample(cycle_);
  mem_port_->sample(cycle_);
  *p.clk = 1;
  top.eval();
  if (model_->fst) model_->fst->dump(cycle_ * 1000 + 500);
  ++cycle_;
  if (!csr_->completed().empty()) observable_ = true;
  if (*p.irq != irq_) {
    irq_ = *p.irq;
    observable_ = true;
  }
}

std::uint64_t DeviceHarness::run(std::uint64_t budget) {
  observable_ = false;
  std::uint64_t n = 0;
  while (n < budget) {
    tick();
    ++n;
    if (observable_) break;
  }
  return n;
}

}  // namespace tandem
