// What a simulated CPU (and the HAL that runs on it) needs of the platform, and nothing
// else. Platform implements it privately: a scenario holds a Platform and cannot reach
// these, only the CPUs it made and its HALs can.
#pragma once

#include <cstdint>
#include <string>

#include "events.hpp"

namespace tce {
struct SpinLock;
}  // namespace tce

namespace tandem {

class BoundaryHook;
class DeviceEvents;
class DmaMappings;
class DriverTimers;
class Engine;
class HostMemory;
class IrqRouting;
struct LockHandoff;
class RunLog;
class SimCpu;
class StoreBuffer;
class StoreBufferDrain;
struct ProbePins;

class CpuPlatform {
 public:
  // The run.
  virtual unsigned hal_call_cycles() const = 0;  // driver work charged per HAL call
  virtual unsigned reset_cycles() const = 0;     // the devices are out of reset after these
  virtual bool stopping() const = 0;
  virtual void cpu_finished() = 0;
  virtual std::uint64_t cycle() const = 0;
  virtual RunLog& log() = 0;
  virtual void publish(Event e) = 0;
  // The CPUs' markers in the waves (what each does, the register it last reached).
  virtual const ProbePins& markers() const = 0;
  virtual BoundaryHook* boundary_hook() const = 0;
  // How the log names a device's register: by its kind's register map, not by any one kind's.
  virtual std::string register_name(unsigned device, std::uint32_t offset) const = 0;

  // What the HAL calls reach.
  virtual Engine& engine() = 0;
  virtual HostMemory& memory() = 0;
  virtual StoreBuffer* store_buffer() = 0;
  virtual StoreBufferDrain* store_buffer_drain() = 0;
  virtual DmaMappings& dma() = 0;
  virtual IrqRouting& irq() = 0;
  virtual DriverTimers& timers() = 0;
  virtual DeviceEvents& device_events() = 0;
  virtual LockHandoff& lock_state(const tce::SpinLock& lock) = 0;

  // The other CPUs.
  virtual unsigned cpus() const = 0;
  virtual SimCpu& cpu(unsigned i) = 0;
  virtual SimCpu& current_cpu() = 0;
  virtual void wake_all_cpus() = 0;

 protected:
  ~CpuPlatform() = default;
};

}  // namespace tandem
