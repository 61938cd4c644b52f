// A copy of `len` seeded bytes between two fresh host buffers, as a request for the driver.
#pragma once

#include <cstdint>
#include <cstring>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem {

struct SeededCopy {
  SeededCopy(ScenarioContext& ctx, std::uint32_t len) : len(len) {
    src = ctx.host_buffer(len);
    dst = ctx.host_buffer(len);
    for (std::uint32_t i = 0; i < len; ++i) src[i] = static_cast<std::uint8_t>(ctx.rng().next());
    req.src = {{src, len}};
    req.dst = {{dst, len}};
  }
  bool arrived() const { return std::memcmp(src, dst, len) == 0; }
  std::uint32_t len;
  std::uint8_t* src;
  std::uint8_t* dst;
  tce::CopyRequest req;
};

}  // namespace tandem
