// The VerilatedDevice of one Verilated class. Include only in a variant's own source file,
// the one place that sees that class's header (through its kind's model class, which binds
// the pins: devices/<kind>/).
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>
#if VM_COVERAGE
#include <verilated_cov.h>
#endif

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "fnv.hpp"
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

// Whether a Verilated model keeps trace activity flags (they follow the tracing, not the design).
template <typename Root, typename = void>
struct HasTraceActivity : std::false_type {};
template <typename Root>
struct HasTraceActivity<Root, std::void_t<decltype(std::declval<Root&>().__Vm_traceActivity)>> : std::true_type {};

// Whether a Verilated model keeps its clock's value at the last evaluation where eval_edge()
// can reach it (Verilator 5.0's trigger bookkeeping, for the port contract's clk_i).
template <typename Root, typename = void>
struct HasClockTrigger : std::false_type {};
template <typename Root>
struct HasClockTrigger<Root, std::void_t<decltype(std::declval<Root&>().__Vtrigrprev__TOP__clk_i)>> : std::true_type {};

// The model's state variables are its root's data members from its first port to its
// trigger vectors (generated in that order). Padding between them holds whatever the heap
// held, so the digest covers each byte XOR its value right after construction: padding adds
// nothing, a variable adds what it became since its (deterministic) reset value. Left out:
// the trace activity flags (tracing's, not the device's) and the probe inputs that only the
// waves read (what the CPUs do, which the platform's digest covers itself, and the failure
// marker).
template <typename Root>
class StateBytes {
 public:
  StateBytes(const Root& root, const ProbePins& probes)
      : initial_(bytes(root), bytes(root) + size(root)), skip_(initial_.size(), false) {
    if constexpr (HasTraceActivity<Root>::value) skip(root, &root.__Vm_traceActivity, sizeof(root.__Vm_traceActivity));
    for (unsigned i = 0; i < ProbePins::kCpus; ++i) {
      skip(root, probes.context[i], sizeof(CData));
      skip(root, probes.hal_call[i], sizeof(CData));
      skip(root, probes.reg[i], sizeof(SData));
    }
    skip(root, probes.dma_faults, sizeof(CData));
    skip(root, probes.injected_faults, sizeof(CData));
    skip(root, probes.checker_fail, sizeof(CData));
  }
  std::uint64_t digest(const Root& root) const {
    const unsigned char* now = bytes(root);
    Fnv1a h;
    for (std::size_t i = 0; i < initial_.size(); ++i) {
      if (!skip_[i]) h.byte(static_cast<std::uint8_t>(now[i] ^ initial_[i]));
    }
    return h.value();
  }
  // Whether two models of one variant hold the same state, byte by byte. Bytes still at
  // their value after construction in both are left out: that value may be a heap leftover
  // (padding, and the sampled values Verilator sets only when it first evaluates), which
  // the digest cancels within one model but which differs between two.
  bool same(const Root& root, const StateBytes& other, const Root& other_root) const {
    const unsigned char* a = bytes(root);
    const unsigned char* b = bytes(other_root);
    for (std::size_t i = 0; i < initial_.size(); ++i) {
      const bool moved = a[i] != initial_[i] || b[i] != other.initial_[i];
      if (!skip_[i] && moved && a[i] != b[i]) return false;
    }
    return true;
  }

 private:
  static const unsigned char* bytes(const Root& root) { return reinterpret_cast<const unsigned char*>(&root.clk_i); }
  static std::size_t size(const Root& root) {
    return static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(&root.__VstlTriggered) - bytes(root));
  }
  void skip(const Root& root, const void* at, std::size_t len) {
    const auto* p = static_cast<const unsigned char*>(at);
    if (p < bytes(root) || p + len > bytes(root) + initial_.size()) return;
    std::fill_n(skip_.begin() + (p - bytes(root)), len, true);
  }
  std::vector<unsigned char> initial_;
  std::vector<bool> skip_;
};

// A model's pins, as its kind's generated binding finds them.
struct VerilatedPins {
  DevicePins device;
  ProbePins probes;
};

template <typename Model>
class VerilatedDeviceOf : public VerilatedDevice {
 public:
  // Without waves the model has a context of its own; with them, the wave file's, which
  // every model writing into that file shares. `bind` finds the pins (generated per kind).
  VerilatedDeviceOf(std::shared_ptr<WaveFile> waves, const std::string& scope,
                    const std::function<VerilatedPins(Model&)>& bind)
      : waves_(std::move(waves)) {
    if (waves_ == nullptr) {
      own_context_ = std::make_unique<VerilatedContext>();
      own_context_->fatalOnError(false);  // RTL errors fail the run through got_error(), not abort()
    }
    context_ = waves_ ? waves_->context() : own_context_.get();
    Verilated::threadContextp(context_);
    model_ = std::make_unique<Model>(context_, scope.c_str());
    const VerilatedPins pins = bind(*model_);
    pins_ = pins.device;
    probes_ = pins.probes;
    state_ = std::make_unique<StateBytes<Root>>(*model_->rootp, probes_);
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
#if VM_COVERAGE
    // The context's coverage points count in this model's memory: write them while it lives,
    // then drop them all (models sharing a wave file's context lose only their last cycles).
    const std::string cov = next_rtl_coverage_file();
    if (!cov.empty()) context_->coveragep()->write(cov.c_str());
    context_->coveragep()->clear();
#endif
    if (waves_) waves_->close();  // nothing may read this model once it is gone
    model_.reset();
  }
  void eval() override {
    Verilated::threadContextp(context_);
    model_->eval();
  }
  void eval_edge() override {
    Verilated::threadContextp(context_);
    if constexpr (HasClockTrigger<Root>::value) {
      // The clock was high at the last evaluation; told it was low, the model takes this
      // evaluation's high clock for a rising edge, after settling the new inputs first.
      model_->rootp->__Vtrigrprev__TOP__clk_i = 0;
      model_->eval();
    } else {
      *pins_.clk = 0;
      model_->eval();
      *pins_.clk = 1;
      model_->eval();
    }
  }
  void allow_edge_alone(bool allowed) override {
    edge_alone_ = allowed && HasClockTrigger<Root>::value;
  }
  void set_time(std::uint64_t time) override {
    context_->time(time);
  }
  void dump(std::uint64_t time) override {
    if (waves_) waves_->dump(time);
  }
  void close_trace() override {
    if (waves_) waves_->left();
  }
  void final() override {
    model_->final();
  }
  bool got_error() const override {
    return context_->gotError();
  }

  std::uint64_t state_digest() const override {
    return state_->digest(*model_->rootp);
  }
  bool same_state(const VerilatedDevice& other) const override {
    const auto* o = dynamic_cast<const VerilatedDeviceOf*>(&other);
    return o != nullptr && state_->same(*model_->rootp, *o->state_, *o->model_->rootp);
  }

 protected:
  using Root = std::remove_pointer_t<decltype(Model::rootp)>;
  // The model's variables, for its kind's model class to read.
  const Root& root() const {
    return *model_->rootp;
  }

 private:
  std::shared_ptr<WaveFile> waves_;  // declared first: it outlives the model
  std::unique_ptr<VerilatedContext> own_context_;
  VerilatedContext* context_ = nullptr;
  std::unique_ptr<Model> model_;
  std::unique_ptr<StateBytes<Root>> state_;
};

}  // namespace tandem
