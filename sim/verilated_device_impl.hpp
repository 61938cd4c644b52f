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
#include "wave_file.hpp"

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
  // Without waves the model has a context of its own; with them, the wave file's, which
  // every model writing into that file shares.
  VerilatedDeviceOf(std::shared_ptr<WaveFile> waves, const std::string& scope) : waves_(std::move(waves)) {
    if (waves_ == nullptr) {
      own_context_ = std::make_unique<VerilatedContext>();
      own_context_->fatalOnError(false);  // RTL errors fail the run through got_error(), not abort()
    }
    context_ = waves_ ? waves_->context() : own_context_.get();
    Verilated::threadContextp(context_);
    model_ = std::make_unique<Model>(context_, scope.c_str());
    pins_ = bind_pins(*model_);
    probes_ = bind_probes(*model_);
    if (waves_ == nullptr) return;
    if constexpr (CanTrace<Model>::value) {
      model_->trace(waves_->trace(), 99);
      waves_->joined();
    } else {
      throw std::invalid_argument("this RTL variant was built without tracing: no waves (" + waves_->path() + ")");
    }
  }
  ~VerilatedDeviceOf() override {
    Verilated::threadContextp(context_);
    if (waves_) waves_->close();  // nothing may read this model once it is gone
    model_.reset();
  }
  void eval() override {
    Verilated::threadContextp(context_);
    model_->eval();
  }
  void set_time(std::uint64_t time) override { context_->time(time); }
  void dump(std::uint64_t time) override {
    if (waves_) waves_->dump(time);
  }
  void close_trace() override {
    if (waves_) waves_->left();
  }
  void final() override { model_->final(); }
  bool got_error() const override { return context_->gotError(); }

 private:
  std::shared_ptr<WaveFile> waves_;  // declared first: it outlives the model
  std::unique_ptr<VerilatedContext> own_context_;
  VerilatedContext* context_ = nullptr;
  std::unique_ptr<Model> model_;
};

}  // namespace tandem
