#include "variant_fit.hpp"

#include <algorithm>

#include "platform.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {
std::string kind_of(const std::string& variant) {
  const DeviceVariant* v = find_variant(variant);
  return v == nullptr ? "?" : v->kind;
}
}  // namespace

std::string variant_misfit(const Scenario& s, const std::string& variant) {
  // The scenario's configure sees the variant asked for, as in the run itself: a scenario
  // with devices of its own may give it to the device of its kind (a seeded bug's TMR
  // scenario run on the correct TMR with `--variant tmr`).
  PlatformConfig config;
  config.variant = variant;
  if (s.configure) s.configure(config);
  const std::string kind = kind_of(variant);
  if (!config.device_list.empty()) {
    std::string devices;
    for (const DeviceSpec& d : config.device_list) {
      if (d.variant == variant) return {};
      devices += (devices.empty() ? "" : ", ") + d.kind + " '" + d.variant + "'";
    }
    return "scenario '" + s.name + "' runs on devices of its own (" + devices + "); RTL variant '" + variant +
           "' is a " + kind + " and none of them";
  }
  const std::string expected = kind_of(s.variants.empty() ? "default" : s.variants.front());
  if (kind == expected) return {};
  return "scenario '" + s.name + "' runs on a " + expected + "; RTL variant '" + variant + "' is a " + kind +
         " (see 'tandem list')";
}

}  // namespace tandem
