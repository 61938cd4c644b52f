// What the devices' buses show, published as events: every memory burst and its answer, the descriptor
// fetches among them, and the power states that CSR reads reveal (each device's kind
// extension reads them off the traffic: sim/verilated/device_kind.hpp).
#pragma once

#include <cstdint>

#include "events.hpp"

namespace tandem {

class Platform;

// An event about an access of device `device` to host memory (a burst, a refused access).
inline Event memory_access_event(EventKind kind, unsigned device, bool write, std::uint64_t addr, std::uint64_t bytes) {
  Event e{kind};
  e.device = device;
  e.write = write;
  e.addr = addr;
  e.len = bytes;
  return e;
}

class DeviceEvents {
 public:
  explicit DeviceEvents(Platform& platform) : platform_(platform) {}
  DeviceEvents(const DeviceEvents&) = delete;
  DeviceEvents& operator=(const DeviceEvents&) = delete;

  // Publishes the bursts of device `device`'s memory port and their answers.
  void attach(unsigned device);
  // A CPU's register access completed: published, with the power state it shows.
  void csr_completed(Event e);

 private:
  Platform& platform_;
};

}  // namespace tandem
