// The device driven directly, without the driver: CSR accesses, rings and descriptors in
// host memory, doorbells, and running until something holds. For RTL tests and for
// benchmarks of the device itself.
#pragma once

#include <cstdint>
#include <functional>

#include "descriptor.hpp"
#include "device_harness.hpp"

namespace tandem {

class BareDevice {
 public:
  explicit BareDevice(const HarnessConfig& config = {});

  // Issues the requests together (a read and a write may meet in one cycle) and runs
  // until all are answered.
  void issue(std::initializer_list<CsrRequest*> requests);

  HostMemory& memory() { return memory_; }
  DeviceHarness& harness() { return harness_; }
  std::uint64_t cycle() const { return harness_.cycle(); }

  AxiResp read(std::uint32_t addr, std::uint32_t* value);
  std::uint32_t read(std::uint32_t addr);  // a response other than OKAY reads as 0xDEADBEEF
  AxiResp write(std::uint32_t addr, std::uint32_t value, std::uint8_t strobes = 0xF);

  // Gives channel c a zeroed ring of 2^log2 descriptors in host memory, then enables the
  // device, its bus mastering and the channel. Returns the ring's bus address.
  std::uint64_t setup_ring(unsigned c, unsigned log2);
  std::uint64_t ring(unsigned c) const { return rings_[c]; }
  void put(unsigned c, unsigned slot, const Descriptor& d);
  Descriptor get(unsigned c, unsigned slot);
  void doorbell(unsigned c, unsigned tail);

  // Runs until done() holds, checking after every cycle; false after `bound` cycles.
  bool run_until(const std::function<bool()>& done, std::uint64_t bound);
  // Runs until descriptor `slot` of channel c has DONE or ERR in memory.
  bool wait_descriptor(unsigned c, unsigned slot, std::uint64_t bound);

 private:
  HostMemory memory_;
  DeviceHarness harness_;
  std::uint64_t rings_[4] = {};
};

}  // namespace tandem
