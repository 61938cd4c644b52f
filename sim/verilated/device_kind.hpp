// A device kind: what the platform knows of a device beyond its port contract (its RTL
// variants, its register window, whether it has a memory port, where the waves show it),
// and the optional extension that reads kind-specific state off its model. A kind
// registers itself (KindRegistrar) from its own folder (devices/<kind>/); each RTL variant
// names its kind. Generic code (the harness, the engine, the platform) sees only this.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tandem {

class VerilatedDevice;

// What the device is doing, read off the model's state without a bus access (so without
// side effects): for recording HAL-call boundaries and holding a CPU until the device moved.
// A kind without an extension reports an idle device.
struct DevicePeek {
  bool dma_busy = false;   // a work item (a TCE descriptor) is being worked on
  std::uint64_t desc = 0;  // the bus address of that work item
  bool pm_busy = false;    // a power transition is in progress
};

// The kind-specific side of one device's harness. The harness calls after_cycle() once per
// cycle (one virtual call per device and cycle, never one per pin); the rest answers the
// platform's questions about the device, with the answers of a kind that says nothing.
class DeviceExtension {
 public:
  virtual ~DeviceExtension() = default;
  // After the clock edge of each cycle; `cycle` is the cycle count after it.
  virtual void after_cycle(std::uint64_t cycle) = 0;
  // The cycle interrupt event `event` last became pending (latched and enabled).
  virtual std::uint64_t pending_since(unsigned /*event*/) const { return 0; }
  virtual DevicePeek peek() const { return {}; }
  // Counts, from now on, the work items that end (however they end).
  virtual void count_descriptors() {}
  virtual std::uint64_t descriptors_ended() const { return 0; }
  // The DMA channel the device works for now (a memory burst belongs to it).
  virtual unsigned dma_channel() const { return 0; }
  // What the bus traffic tells of the device, in the order it happens. A CPU's register
  // access answered OKAY: true, with the power state, when it shows one. A memory read of
  // the device's: true, with its channel and ring slot, when it fetches a descriptor.
  virtual bool csr_access(bool /*write*/, std::uint32_t /*offset*/, std::uint32_t /*data*/, unsigned* /*state*/) {
    return false;
  }
  virtual bool descriptor_fetch(std::uint64_t /*addr*/, std::uint64_t /*bytes*/, unsigned* /*channel*/,
                                unsigned* /*index*/) const {
    return false;
  }
};

// A register map's lookup (regtool's NAME::reg::register_at): the register's name at a CSR
// offset, nullptr when none; *element gets its index in an array, -1 for a lone register.
using RegisterLookup = const char* (*)(std::uint32_t offset, int* element);

struct DeviceKind {
  std::string name;                   // "tce": what variants and a platform's device list name
  std::string summary;                // one line, for listings
  bool has_memory_port = false;       // its top has the AXI4 master port (m_axi_*)
  std::uint32_t register_window = 0;  // bytes of CSR address space
  std::string wave_scope;             // the top scope of its first instance in the waves
  // Its extension for one model (empty: none).
  std::function<std::unique_ptr<DeviceExtension>(const VerilatedDevice& model)> extension;
  // Its register map's lookup (nullptr: a kind without a map, its registers go by their offsets).
  RegisterLookup register_at = nullptr;
};

// The name of a register, as the run log and the checkers show it: "CH_CTRL[1]" by a register
// map's lookup (a kind's), or its offset ("0x03c") when no register sits there (or no map).
std::string register_name(RegisterLookup register_at, std::uint32_t offset);
inline std::string register_name(const DeviceKind& kind, std::uint32_t offset) {
  return register_name(kind.register_at, offset);
}

std::vector<DeviceKind>& device_kinds();
const DeviceKind* find_kind(const std::string& name);

struct KindRegistrar {
  explicit KindRegistrar(DeviceKind k) { device_kinds().push_back(std::move(k)); }
};

}  // namespace tandem
