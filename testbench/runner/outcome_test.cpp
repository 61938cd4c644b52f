#include "outcome.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

using tandem::exit_code;
using tandem::judge;
using tandem::Outcome;
using tandem::read_outcome;
using tandem::write_outcome;

namespace {
Outcome judged(std::string_view expect, const std::vector<std::string>& fired) {
  Outcome o;
  for (const std::string& f : fired) o.failures.push_back(f + ": what it saw");
  judge(expect, fired, &o);
  return o;
}
}  // namespace

TEST_CASE("an ordinary scenario passes only when every checker stayed quiet") {
  CHECK(judged("", {}).passed);
  const Outcome o = judged("", {"hang", "lost_irq"});
  CHECK_FALSE(o.passed);
  CHECK(o.verdict == "hang: what it saw");
}

TEST_CASE("a seeded bug passes when its checker fired first, whatever followed") {
  const Outcome o = judged("irq_storm", {"irq_storm", "completion"});
  CHECK(o.passed);
  CHECK(o.verdict == "seeded bug caught by the irq_storm checker, as it must be");
}

TEST_CASE("a seeded bug fails when another checker fired first, and the verdict names it") {
  const Outcome o = judged("irq_storm", {"hang", "irq_storm"});
  CHECK_FALSE(o.passed);
  CHECK(o.verdict == "the run failed on `hang` before `irq_storm` could judge");
  const Outcome never = judged("irq_storm", {"hang"});
  CHECK_FALSE(never.passed);
  CHECK(never.verdict == "the run failed on `hang` before `irq_storm` could judge");
}

TEST_CASE("a seeded bug that no checker caught is a miss") {
  const Outcome o = judged("lost_irq", {});
  CHECK_FALSE(o.passed);
  CHECK(o.verdict == "the lost_irq checker missed the seeded bug");
}

TEST_CASE("an outcome survives its result file, and its exit code says passed or failed") {
  Outcome o = judged("reg_usage", {"completion"});
  o.scenario = "xfail_zoo_rmw_w1c";
  const std::string path = (std::filesystem::temp_directory_path() / "tandem-outcome-test.txt").string();
  REQUIRE(write_outcome(path, o));
  const std::optional<Outcome> back = read_outcome(path);
  std::filesystem::remove(path);
  REQUIRE(back.has_value());
  CHECK(back->scenario == o.scenario);
  CHECK(back->verdict == o.verdict);
  CHECK_FALSE(back->passed);
  CHECK(exit_code(*back) == 1);
  CHECK(exit_code(judged("reg_usage", {"reg_usage"})) == 0);
}
