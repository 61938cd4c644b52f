#include "device_list.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include "verilated_device.hpp"

namespace tandem {

TEST_CASE("the device shorthand is N devices of one variant, of that variant's kind") {
  const std::vector<DeviceSpec> d = device_specs({}, 2, "ch4");
  REQUIRE(d.size() == 2);
  CHECK(d[1].kind == "tce");
  CHECK(d[1].variant == "ch4");
  CHECK(device_specs({}, 0, "default").size() == 1);  // a platform has a device
}

TEST_CASE("a device list is taken as it is, each device its own variant") {
  const std::vector<DeviceSpec> d = device_specs({{"tce", "default"}, {"tce", "ch1"}}, 5, "rev1");
  REQUIRE(d.size() == 2);
  CHECK(d[0].variant == "default");
  CHECK(d[1].variant == "ch1");
}

TEST_CASE("a device list naming what does not exist, or a variant of another kind, is refused") {
  CHECK_THROWS_AS(device_specs({{"tce", "no_such_variant"}}, 1, "default"), std::invalid_argument);
  CHECK_THROWS_AS(device_specs({{"no_such_kind", "default"}}, 1, "default"), std::invalid_argument);
  CHECK_THROWS_AS(device_specs({}, 1, "no_such_variant"), std::invalid_argument);
  // A kind of its own with one variant, registered here: the TCE's variants are not its.
  static const KindRegistrar kOther({"other_kind", "a kind with no model, for this test", false, 0x100, "other", {}});
  static const VariantRegistrar kOtherVariant({"other_variant", "other_kind", "", 0, 3, {}});
  CHECK_THROWS_AS(device_specs({{"other_kind", "default"}}, 1, "default"), std::invalid_argument);
  CHECK_THROWS_AS(device_specs({{"tce", "other_variant"}}, 1, "default"), std::invalid_argument);
  CHECK(device_specs({{"other_kind", "other_variant"}}, 1, "default").size() == 1);
}

TEST_CASE("each device's interrupt lines are sized from its kind's variants") {
  unsigned most_tce = 0;
  for (const DeviceVariant& v : device_variants()) {
    if (v.kind == "tce") most_tce = std::max(most_tce, v.vectors);
  }
  CHECK(most_tce == 4);  // ch4
  CHECK(irq_vectors({{"tce", "ch1"}, {"tce", "default"}}) == std::vector<unsigned>{4, 4});
}

}  // namespace tandem
