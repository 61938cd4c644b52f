// The platform's devices as a list: each its kind and its RTL variant. A platform
// configuration may give the list itself, or its shorthand: N devices of one variant.
#pragma once

#include <string>
#include <vector>

namespace tandem {

struct DeviceSpec {
  std::string kind = "tce";         // sim/verilated/device_kind.hpp
  std::string variant = "default";  // an RTL variant of that kind (sim/verilated/verilated_device.hpp)
};

// `list` as it is, or, when it is empty, `count` devices (at least one) of `variant`, of that
// variant's kind. Throws std::invalid_argument for an unknown variant or kind, or a variant
// of another kind than its device's.
std::vector<DeviceSpec> device_specs(const std::vector<DeviceSpec>& list, unsigned count, const std::string& variant);

// Each device's interrupt lines: the most vectors a variant of its kind has, so that a
// device's lines are the same on every variant of its kind.
std::vector<unsigned> irq_vectors(const std::vector<DeviceSpec>& devices);

}  // namespace tandem
