// Which devices this driver binds to, and the errata of each revision.
#pragma once

#include <cstdint>

namespace tce {

struct Quirks {
  // E1: CAPS reports 4 channels whatever the device has; registers of channels that do not
  // exist ignore writes and read 0. The driver counts channels by writing and reading back.
  bool caps_channels_unreliable = false;
  // E2: the coalescing timer never fires. The driver programs the count only and flushes
  // completions with a timer of its own.
  bool coalesce_timer_broken = false;
};

struct IdEntry {
  std::uint16_t vendor;
  std::uint16_t device;
  std::uint8_t revision;  // 0: any revision without an entry of its own
  Quirks quirks;
  const char* name;
};

// The entry for (vendor, device, revision): the exact revision first, else the device's
// any-revision entry; nullptr when this driver does not drive the device at all.
const IdEntry* match_id(std::uint16_t vendor, std::uint16_t device, std::uint8_t revision);

}  // namespace tce
