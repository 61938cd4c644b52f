// The sides that run copy_program.hpp besides the lean loop: the project's DeviceHarness in
// a plain loop, and the SystemC engine (sim/platform/engine.hpp) with a program thread, the way the
// platform's CPUs use it. Both on the same memory timing as the lean loop.
#pragma once

#include <systemc>

#include <cstdint>

#include "copy_program.hpp"
#include "device_harness.hpp"
#include "engine.hpp"

namespace tandem {

inline HarnessConfig copy_harness_config(unsigned latency, const std::string& fst = "", bool two_evals = false) {
  HarnessConfig c;
  c.edge_alone = !two_evals;
  c.mem.read_latency = c.mem.write_latency = latency;
  c.mem.backpressure_percent = 0;
  c.fst_path = fst;
  return c;
}

// DeviceHarness ticked from a plain C++ loop.
class HarnessSide {
 public:
  explicit HarnessSide(unsigned latency) : h_(memory_, copy_harness_config(latency)) {}
  std::uint64_t cycle() const { return h_.cycle(); }
  void wait_cycles(std::uint64_t n) {
    const std::uint64_t end = h_.cycle() + n;
    while (h_.cycle() < end) h_.run(end - h_.cycle());
    h_.csr().completed().clear();
  }
  bool write_csr(std::uint32_t addr, std::uint32_t value) {
    CsrRequest q;
    q.write = true;
    q.addr = addr;
    q.data = value;
    h_.csr().submit(&q, h_.cycle());
    while (!h_.csr().idle()) h_.run(1u << 16);  // the master times out: bounded
    h_.csr().completed().clear();
    return q.resp == AxiResp::kOkay;
  }
  std::uint64_t alloc(std::size_t size) { return memory_.alloc(size); }
  std::uint8_t* bytes(std::uint64_t addr, std::size_t len) { return memory_.at(addr, len); }
  bool rtl_error() const { return h_.rtl_error(); }

 private:
  HostMemory memory_;
  DeviceHarness h_;
};

// The engine module and a thread that runs the copies, as a CPU would; sc_stop() at the end.
class EngineSide : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(EngineSide);
  EngineSide(sc_core::sc_module_name name, const CopyTraffic& traffic, unsigned latency, const std::string& fst,
             bool two_evals = false)
      : sc_module(name),
        traffic_(traffic),
        h_(memory_, copy_harness_config(latency, fst, two_evals)),
        engine_("engine", {&h_}, EngineConfig{}) {
    SC_THREAD(program);
  }
  std::uint64_t cycle() const { return engine_.cycle(); }
  void wait_cycles(std::uint64_t n) { wait(sc_core::sc_time::from_value(cycle_period().value() * n)); }
  bool write_csr(std::uint32_t addr, std::uint32_t value) {
    CsrRequest q;
    q.write = true;
    q.addr = addr;
    q.data = value;
    sc_core::sc_event done;
    engine_.submit(0, &q, &done);
    wait(done);  // the master times out: bounded
    return q.resp == AxiResp::kOkay;
  }
  std::uint64_t alloc(std::size_t size) { return memory_.alloc(size); }
  std::uint8_t* bytes(std::uint64_t addr, std::size_t len) { return memory_.at(addr, len); }
  bool rtl_error() const { return h_.rtl_error(); }

  CopySpan span;
  std::function<void()> on_start;  // when the copies begin (setup done)

 private:
  void program() {
    span = run_copies(*this, traffic_, [this] {
      if (on_start) on_start();
    });
    engine_.stop();
    sc_core::sc_stop();
  }

  CopyTraffic traffic_;
  HostMemory memory_;
  DeviceHarness h_;
  Engine engine_;
};

}  // namespace tandem
