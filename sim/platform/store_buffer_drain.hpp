// Drives the CPUs' store buffer through time: CPU writes get their drain time at the writer's
// next HAL call, and drain when it comes even while no CPU makes a HAL call.
#pragma once

#include <systemc>

#include <cstdint>
#include <functional>

#include "store_buffer.hpp"

namespace tandem {

class StoreBufferDrain {
 public:
  // Spawns the drain process (call during elaboration); `clock` gives the current cycle.
  StoreBufferDrain(StoreBuffer& buffer, std::function<std::uint64_t()> clock);
  StoreBufferDrain(const StoreBufferDrain&) = delete;
  StoreBufferDrain& operator=(const StoreBufferDrain&) = delete;

  // At each HAL call of `cpu`: give its new writes their drain time and drain what is due.
  void tick(unsigned cpu);

 private:
  void schedule(std::uint64_t next);
  void run();

  StoreBuffer& buffer_;
  std::function<std::uint64_t()> clock_;
  sc_core::sc_event wakeup_;
  std::uint64_t scheduled_ = 0;  // the cycle the drain process waits for (0: none)
};

}  // namespace tandem
