#include "device_kind.hpp"

namespace tandem {

std::vector<DeviceKind>& device_kinds() {
  static std::vector<DeviceKind> all;  // filled during static initialisation, by each kind's registrar
  return all;
}

const DeviceKind* find_kind(const std::string& name) {
  for (const DeviceKind& k : device_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace tandem
