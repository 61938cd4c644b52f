#include "device_list.hpp"

#include <algorithm>
#include <stdexcept>

#include "device_kind.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {
const DeviceVariant& variant_named(const std::string& name) {
  const DeviceVariant* v = find_variant(name);
  if (v == nullptr) throw std::invalid_argument("no RTL variant named '" + name + "'");
  return *v;
}
}  // namespace

std::vector<DeviceSpec> device_specs(const std::vector<DeviceSpec>& list, unsigned count, const std::string& variant) {
  std::vector<DeviceSpec> out = list;
  if (out.empty()) out.assign(std::max(count, 1u), DeviceSpec{variant_named(variant).kind, variant});
  for (std::size_t d = 0; d < out.size(); ++d) {
    if (find_kind(out[d].kind) == nullptr) throw std::invalid_argument("no device kind named '" + out[d].kind + "'");
    const DeviceVariant& v = variant_named(out[d].variant);
    if (v.kind != out[d].kind) {
      throw std::invalid_argument("device " + std::to_string(d) + ": RTL variant '" + v.name + "' is a " + v.kind +
                                  ", not a " + out[d].kind);
    }
  }
  return out;
}

std::vector<unsigned> irq_vectors(const std::vector<DeviceSpec>& devices) {
  std::vector<unsigned> out;
  for (const DeviceSpec& d : devices) {
    unsigned most = 0;
    for (const DeviceVariant& v : device_variants()) {
      if (v.kind == d.kind) most = std::max(most, v.vectors);
    }
    out.push_back(most);
  }
  return out;
}

}  // namespace tandem
