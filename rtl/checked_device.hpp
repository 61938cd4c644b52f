// A device under test that, when it goes, checks that no RTL assertion fired meanwhile.
#pragma once

#include <doctest/doctest.h>

#include "bare_device.hpp"

namespace tandem {

struct CheckedDevice : BareDevice {
  using BareDevice::BareDevice;
  ~CheckedDevice() { CHECK_MESSAGE(!harness().rtl_error(), "an RTL assertion fired (its message is above)"); }
};

}  // namespace tandem
