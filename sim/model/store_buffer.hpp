// Weak ordering of CPU writes to coherent DMA memory, one store buffer per CPU. The CPUs
// work on their view of each coherent region; bytes a CPU writes reach the memory the
// device sees only at that CPU's barrier or sync, or when a seeded delay has passed since
// the platform first noticed them. They are noticed at the writer's next HAL call, before
// any other CPU can run (CPUs interleave only inside HAL calls), so each pending byte is
// known to belong to the CPU that wrote it. Device writes update the CPU's view at once, except
// bytes the CPU has written and not yet drained. Register writes do not pass through here:
// a doorbell rung without a barrier can overtake the descriptor it announces.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "host_memory.hpp"
#include "rng.hpp"

namespace tandem {

class StoreBuffer {
 public:
  // Writes drain between min_delay and max_delay cycles after they are noticed.
  StoreBuffer(HostMemory& memory, std::uint64_t seed, std::uint64_t max_delay, std::uint64_t min_delay = 0)
      : memory_(memory), seed_(seed), max_delay_(max_delay), min_delay_(std::min(min_delay, max_delay)) {}

  // The CPU's view of a new coherent region at `bus` (as it is in memory now).
  std::uint8_t* add_region(std::uint64_t bus, std::size_t len);
  void remove_region(std::uint64_t bus);

  // CPU writes not seen before become `cpu`'s and get their drain time; returns the
  // earliest pending one, or 0 when nothing waits.
  std::uint64_t notice_writes(std::uint64_t now, unsigned cpu = 0);
  // Drains the bytes whose time has come.
  void drain_due(std::uint64_t now);
  // A barrier on `cpu`: everything it wrote reaches memory now.
  void drain_cpu(unsigned cpu);
  // Everything, whoever wrote it.
  void drain_all();
  // After the device wrote a beat at `addr` (8 bytes, `strobes`), keep the CPU view coherent.
  void device_wrote(std::uint64_t addr, std::uint8_t strobes);

  // Called by notice_writes for each run of bytes a CPU newly wrote: (cpu, region, address, length).
  std::function<void(unsigned cpu, std::uint64_t region, std::uint64_t addr, std::uint64_t len)> on_written;

  std::uint64_t bytes_pending() const;
  // Whether a byte of [addr, addr + len) was written by a CPU and has not reached memory.
  bool pending(std::uint64_t addr, std::uint64_t len) const;
  // The earliest drain time of a pending byte, or 0.
  std::uint64_t next_due() const;

  // While held, `cpu`'s pending bytes do not drain when their time comes, only at its
  // barriers (a slow buffer, never a broken barrier); released, the overdue ones drain at
  // the next drain_due.
  void hold(unsigned cpu, bool on);
  // Whether `cpu` has written bytes that have not reached memory (noticed or not yet).
  bool holds_writes(unsigned cpu) const;
  // A digest of the CPUs' views and what is pending in them (drain times relative to `now`).
  std::uint64_t digest(std::uint64_t now) const;

 private:
  struct Region {
    std::uint64_t bus;
    std::vector<std::uint8_t> cpu;
    std::vector<std::uint64_t> due;   // per byte: 0, or the cycle it drains
    std::vector<std::uint8_t> owner;  // per pending byte: the CPU that wrote it
  };
  void drain(std::uint64_t now, int cpu);  // cpu < 0: any not held
  bool held(std::uint8_t owner) const { return (held_ >> owner & 1) != 0; }
  Region* find(std::uint64_t addr);

  HostMemory& memory_;
  std::uint64_t seed_;
  std::uint64_t max_delay_;
  std::uint64_t min_delay_;
  std::map<std::uint64_t, std::unique_ptr<Region>> regions_;
  std::uint32_t held_ = 0;  // hold(): one bit per CPU
};

}  // namespace tandem
