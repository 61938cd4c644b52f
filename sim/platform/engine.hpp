// The devices as one SystemC process. It runs the cycle loop of their DeviceHarnesses, in
// lockstep, ahead of SystemC time while no other process could observe anything, and
// yields to the kernel exactly when one could: a CSR request completes, an interrupt
// output changes, or the next pending SystemC event is due. Nothing is approximated; kernel round trips in which
// nothing happens are skipped. With step_every_cycle it yields after every cycle instead.
// Within a run ahead, cycles in which every device is quiescent are not even evaluated: the
// devices jump to the last cycles before the budget's end, the next pending SystemC
// activity (idle_skip.hpp).
#pragma once

#include <systemc>

#include <cstdint>
#include <functional>
#include <vector>

#include "device_harness.hpp"

namespace tandem {

// One device clock cycle. A function, not a constant: an sc_time made during static
// initialisation would start the SystemC kernel before main.
inline sc_core::sc_time cycle_period() {
  return sc_core::sc_time(1, sc_core::SC_NS);
}

// The SystemC time at which `cycle` starts.
inline sc_core::sc_time time_of_cycle(std::uint64_t cycle) {
  return sc_core::sc_time::from_value(cycle_period().value() * cycle);
}

// How long from now until `cycle` starts (nothing once it has).
inline sc_core::sc_time until_cycle(std::uint64_t cycle) {
  const sc_core::sc_time when = time_of_cycle(cycle);
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  return when > now ? when - now : sc_core::SC_ZERO_TIME;
}

struct EngineConfig {
  bool step_every_cycle = false;
  std::uint64_t max_cycles = 50'000'000;
  std::uint64_t max_run_ahead = 1 << 16;  // cycles per kernel round trip at most
};

class Engine : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Engine);
  Engine(sc_core::sc_module_name name, std::vector<DeviceHarness*> devices, const EngineConfig& config);

  // From a CPU thread at the current time: the request goes on device `device`'s bus at
  // the next cycle; `done` is notified at the cycle its response is taken.
  void submit(unsigned device, CsrRequest* request, sc_core::sc_event* done);

  std::uint64_t cycle() const { return devices_.front()->cycle(); }
  // The run is over: tick nothing more, so the cycle count stays where it ended.
  void stop() { stopped_ = true; }
  std::uint64_t kernel_round_trips() const { return round_trips_; }

  // Hooks, called at the SystemC time of the cycle they happened in.
  std::function<void(unsigned device, unsigned line, bool level)> on_irq_change;
  std::function<void()> on_cycle_limit;
  std::function<void()> on_rtl_error;

 private:
  void run();
  std::uint64_t run_ahead(std::uint64_t budget);
  void deliver(const std::vector<std::uint32_t>& irq_before);

  std::vector<DeviceHarness*> devices_;
  EngineConfig config_;
  std::uint64_t round_trips_ = 0;
  bool stopped_ = false;
};

}  // namespace tandem
