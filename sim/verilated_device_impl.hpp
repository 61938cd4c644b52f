// The VerilatedDevice of one Verilated class. Include only in a variant's own source file,
// the one place that sees that class's header.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "tce_pins_bind.hpp"
#include "verilated_device.hpp"

namespace tandem {

// Several models may live on one thread (two devices, tests side by side). Verilator's
// runtime finds "the" context through a per-thread pointer, even when a model's scopes are
// destroyed, so each model makes its own context current before it runs or goes away.
// Whether a Verilated model was built with tracing.
template <typename Model, typename = void>
struct CanTrace : std::false_type {};
template <typename Model>
struct CanTrace<Model, std::void_t<decltype(std::declval<Model&>().trace(static_cast<VerilatedFstC*>(nullptr), 0))>>
    : std::true_type {};

template <typename Model>
class VerilatedDeviceOf : public VerilatedDevice {
 public:
  explicit VerilatedDeviceOf(bool trace) {
    context_.fatalOnError(false);  // RTL errors fail the run through got_error(), not abort()
    context_.traceEverOn(trace);
    Verilated::threadContextp(&context_);
    model_ = std::make_unique<Model>(&context_, "tandem");
    pins_ = bind_pins(*model_);
    probes_ = bind_probes(*model_);
  }
  ~VerilatedDeviceOf() override {
    Verilated::threadContextp(&context_);
    fst_.reset();
    model_.reset();
  }
  void eval() override {
    Verilated::threadContextp(&context_);
    model_->eval();
  }
  void set_time(std::uint64_t time) override { context_.time(time); }
  void open_trace(const std::string& fst_path) override {
    if constexpr (CanTrace<Model>::value) {
      fst_ = std::make_unique<VerilatedFstC>();
      model_->trace(fst_.get(), 99);
      fst_->open(fst_path.c_str());
    } else {
      throw std::invalid_argument("this RTL variant was built without tracing: no waves (" + fst_path + ")");
    }
  }
  void dump(std::uint64_t time) override {
    if (fst_) fst_->dump(time);
  }
  void close_trace() override {
    if (fst_) fst_->close();
    fst_.reset();
  }
  void final() override { model_->final(); }
  bool got_error() const override { return context_.gotError(); }

 private:
  VerilatedContext context_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<VerilatedFstC> fst_;
};

}  // namespace tandem
