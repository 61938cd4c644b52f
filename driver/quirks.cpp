#include "quirks.hpp"

#include "tce_regs.hpp"

namespace tce {
namespace {

constexpr IdEntry kIdTable[] = {
    {reg::kVendorId, reg::kDeviceId, 1, {true, true}, "TCE revision 1 (errata E1, E2)"},
    {reg::kVendorId, reg::kDeviceId, 2, {}, "TCE revision 2"},
    {reg::kVendorId, reg::kDeviceId, 0, {}, "TCE (unknown revision, no quirks)"},
};

}  // namespace

const IdEntry* match_id(std::uint16_t vendor, std::uint16_t device, std::uint8_t revision) {
  const IdEntry* any = nullptr;
  for (const IdEntry& e : kIdTable) {
    if (e.vendor != vendor || e.device != device) continue;
    if (e.revision == revision) return &e;
    if (e.revision == 0) any = &e;
  }
  return any;
}

}  // namespace tce
