#include "verilated_device.hpp"

namespace tandem {

std::vector<DeviceVariant>& device_variants() {
  static std::vector<DeviceVariant> all;
  return all;
}

const DeviceVariant* find_variant(const std::string& name) {
  for (const DeviceVariant& v : device_variants()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace tandem
