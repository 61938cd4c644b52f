#include "engine.hpp"

#include <algorithm>

#include "idle_skip.hpp"

namespace tandem {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

Engine::Engine(sc_core::sc_module_name name, std::vector<DeviceHarness*> devices, const EngineConfig& config)
    : sc_module(name), devices_(std::move(devices)), config_(config) {
  SC_THREAD(run);
}

void Engine::submit(unsigned device, CsrRequest* request, sc_core::sc_event* done) {
  request->owner = done;
  devices_.at(device)->csr().submit(request, cycle());
}

// Up to `budget` cycles of every device in lockstep; stops after a cycle in which any of
// them did something observable. Returns the cycles run.
std::uint64_t Engine::run_ahead(std::uint64_t budget) {
  if (devices_.size() == 1) return devices_.front()->run(budget);
  // Half cycle by half cycle, so that a wave file they share sees them all at each instant.
  std::uint64_t n = 0;
  while (n < budget) {
    n += skip_quiescent(devices_.data(), devices_.size(), budget - n);
    bool observable = false;
    for (DeviceHarness* d : devices_) d->begin_cycle();
    for (DeviceHarness* d : devices_) observable = d->end_cycle() || observable;
    ++n;
    if (observable) break;
  }
  return n;
}

void Engine::run() {
  const sc_time period = cycle_period();
  while (!stopped_) {
    const sc_time now = sc_core::sc_time_stamp();
    const sc_time until_next = sc_core::sc_time_to_pending_activity();
    if (until_next == SC_ZERO_TIME) {
      // Something else runs at this very time: let it go first, it may use the bus.
      wait(SC_ZERO_TIME);
      continue;
    }
    // Cycles whose edge falls at or before the next pending activity.
    std::uint64_t budget;
    if (until_next >= sc_core::sc_max_time() - now) {
      budget = config_.max_run_ahead;
    } else {
      const std::uint64_t horizon = (now + until_next).value() / period.value();
      budget = horizon > cycle() ? horizon - cycle() : 0;
    }
    if (config_.step_every_cycle) budget = std::min<std::uint64_t>(budget, 1);
    budget = std::min({budget, config_.max_run_ahead, config_.max_cycles - cycle()});
    if (budget == 0) {
      if (cycle() >= config_.max_cycles) {
        if (on_cycle_limit) on_cycle_limit();
        return;
      }
      wait(until_next);  // activity between two edges: let it happen
      continue;
    }
    std::vector<std::uint32_t> irq_before;
    for (DeviceHarness* d : devices_) irq_before.push_back(d->irq_lines());
    run_ahead(budget);
    ++round_trips_;
    const sc_time engine_time = sc_time::from_value(period.value() * cycle());
    if (engine_time > now) wait(engine_time - now);
    deliver(irq_before);
  }
}

void Engine::deliver(const std::vector<std::uint32_t>& irq_before) {
  for (unsigned dev = 0; dev < devices_.size(); ++dev) {
    DeviceHarness& h = *devices_[dev];
    if (h.rtl_error() && on_rtl_error) on_rtl_error();
    for (CsrRequest* req : h.csr().completed()) {
      static_cast<sc_core::sc_event*>(req->owner)->notify();
    }
    h.csr().completed().clear();
    const std::uint32_t changed = irq_before[dev] ^ h.irq_lines();
    for (unsigned line = 0; changed >> line; ++line) {
      if ((changed >> line & 1) && on_irq_change) on_irq_change(dev, line, h.irq_lines() >> line & 1);
    }
  }
}

}  // namespace tandem
