// The RTL variants rtl/CMakeLists.txt builds, with the parameters each was built with, so
// that register tests run on every one of them.
#pragma once

#include <array>
#include <string>

#include "device_harness.hpp"
#include "tce_regs.hpp"

namespace tandem {

struct RtlVariant {
  const char* name;
  unsigned channels;  // NUM_CH (CAPS lies on revision 1)
  unsigned vectors;   // NUM_VEC
  unsigned revision;
};

inline constexpr std::array<RtlVariant, 4> kRtlVariants{{
    {"default", 2, 2, 2},
    {"rev1", 2, 2, 1},
    {"ch1", 1, 1, 2},
    {"ch4", 4, 4, 2},
}};

inline HarnessConfig config_of(const RtlVariant& v) {
  HarnessConfig config;
  config.variant = v.name;
  return config;
}

// Instances of a register the variant has: channel arrays by NUM_CH, vector arrays by NUM_VEC.
inline unsigned instances_of(const tce::reg::RegInfo& reg, const RtlVariant& v) {
  if (std::string(reg.name) == "IRQ_COALESCE") return v.vectors;
  return reg.count > 1 ? v.channels : 1;
}

}  // namespace tandem
