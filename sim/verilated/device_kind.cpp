#include "device_kind.hpp"

#include <cstdio>

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

std::string register_name(RegisterLookup register_at, std::uint32_t offset) {
  int element = -1;
  const char* name = register_at != nullptr ? register_at(offset, &element) : nullptr;
  if (name == nullptr) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%03x", static_cast<unsigned>(offset));
    return hex;
  }
  return element < 0 ? std::string(name) : std::string(name) + "[" + std::to_string(element) + "]";
}

}  // namespace tandem
