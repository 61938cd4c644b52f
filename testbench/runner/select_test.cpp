#include "select.hpp"

#include <doctest/doctest.h>

namespace tandem {

namespace {
const std::vector<std::string> kNames = {"dma_single_copy", "dma_smp_submit", "irq_mode_level", "irq_mode_pulse",
                                         "xfail_irq_storm"};
}  // namespace

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("dma_single_copy", "dma_singel_copy") == 2);
}

TEST_CASE("names and globs select in listing order, each once, less the excluded") {
  std::vector<std::string> got;
  std::string error;
  REQUIRE(select_names(kNames, {"irq_*", "dma_single_copy", "irq_mode_level"}, {"*pulse"}, &got, &error));
  CHECK(got == std::vector<std::string>{"dma_single_copy", "irq_mode_level"});
  REQUIRE(select_names(kNames, {}, {"xfail_*"}, &got, &error));
  CHECK(got.size() == 4);
}

TEST_CASE("a name matching nothing is an error, with the nearest name only for a near miss") {
  std::vector<std::string> got;
  std::string error;
  CHECK_FALSE(select_names(kNames, {"irq_mode_levle"}, {}, &got, &error));
  CHECK(error.find("did you mean 'irq_mode_level'?") != std::string::npos);
  CHECK_FALSE(select_names(kNames, {"network_card"}, {}, &got, &error));
  CHECK(error.find("did you mean") == std::string::npos);
  CHECK_FALSE(select_names(kNames, {"dma_*", "zzz_*"}, {}, &got, &error));
  CHECK(error.find("'zzz_*'") != std::string::npos);
}

}  // namespace tandem
