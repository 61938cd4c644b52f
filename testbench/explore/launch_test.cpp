// How a child run is read back: its first failure decides, and each perturbation's fate is
// found by name, whatever order the run wrote them in.
#include "launch.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace tandem::explore {

TEST_CASE("explore: a child's result gives its first failure and each perturbation's fate") {
  const std::string path = "explore_launch_test_result.txt";
  std::ofstream(path) << "scenario=s\nvariant=default\nseed=1\npassed=0\nverdict=x\ncycles=1234\n"
                         "failure=completion: copy 0 did not complete (cycle 99)\nfailure=hang: late (cycle 100)\n"
                         "schedule=c0@17:done,c1@4:first\n"
                         "perturbation=c0@17:done applied\nperturbation=c1@4:first expired\n";
  const Schedule s = {{1, 4, PerturbKind::kFirst}, {0, 17, PerturbKind::kDone}, {0, 20, PerturbKind::kIrq}};
  const RunResult r = read_result(path, "c0 0 cycle=4 call=read32 state=1\n", s);
  CHECK_FALSE(r.passed);
  CHECK(r.checker == "completion");
  CHECK(r.message == "copy 0 did not complete (cycle 99)");
  CHECK(r.cycles == 1234);
  REQUIRE(r.applied.size() == 3);
  CHECK(r.applied[0] == Applied::kExpired);
  CHECK(r.applied[1] == Applied::kApplied);
  CHECK(r.applied[2] == Applied::kUnreached);  // the run did not name it
  CHECK(r.boundaries.size() == 1);
  std::remove(path.c_str());

  const RunResult none = read_result("no_such_result.txt", "", s);
  CHECK(none.checker == "no_result");
  CHECK_FALSE(none.passed);
}

}  // namespace tandem::explore
