#include "schedule.hpp"

#include <doctest/doctest.h>

#include <string>

using tandem::format_schedule;
using tandem::parse_schedule;
using tandem::PerturbKind;

namespace {
// The normalized text of a schedule, or "error: <why>".
std::string normalized(const std::string& text) {
  std::string error;
  const auto s = parse_schedule(text, &error);
  return s ? format_schedule(*s) : "error: " + error;
}
}  // namespace

TEST_CASE("a schedule reads back as given, sorted by CPU and boundary") {
  CHECK(normalized("c0@17:irq,c1@4:first") == "c0@17:irq,c1@4:first");
  CHECK(normalized("c1@4:first, c0@17:irq") == "c0@17:irq,c1@4:first");
  CHECK(normalized("c0@9:drain,c0@3:done") == "c0@3:done,c0@9:drain");
  CHECK(normalized(" c2@0:pm ") == "c2@0:pm");
  CHECK(normalized("") == "");
  std::string error;
  const auto s = parse_schedule("c3@12345678901:error", &error);
  REQUIRE(s);
  REQUIRE(s->size() == 1);
  CHECK(s->front().cpu == 3);
  CHECK(s->front().k == 12345678901ull);
  CHECK(s->front().kind == PerturbKind::kError);
  // Every kind, by name.
  CHECK(normalized("c0@0:done,c0@1:error,c0@2:pm,c0@3:irq,c0@4:first,c0@5:drain") ==
        "c0@0:done,c0@1:error,c0@2:pm,c0@3:irq,c0@4:first,c0@5:drain");
}

TEST_CASE("a bad schedule says what is wrong") {
  CHECK(normalized("c0@17:nap") ==
        "error: unknown perturbation kind 'nap' in 'c0@17:nap' (known: done, error, pm, irq, first, drain)");
  CHECK(normalized("c0@17") == "error: a perturbation is c<cpu>@<k>:<kind>, not 'c0@17'");
  CHECK(normalized("0@17:irq") == "error: a perturbation is c<cpu>@<k>:<kind>, not '0@17:irq'");
  CHECK(normalized("c4@1:irq") == "error: the CPU of 'c4@1:irq' is not one of 0 to 3");
  CHECK(normalized("cx@1:irq") == "error: the CPU of 'cx@1:irq' is not one of 0 to 3");
  CHECK(normalized("c0@-1:irq") == "error: the boundary of 'c0@-1:irq' is not a whole number");
  CHECK(normalized("c0@99999999999999999999:irq") ==
        "error: the boundary of 'c0@99999999999999999999:irq' is not a whole number");
  CHECK(normalized("c0@1:irq,") == "error: a perturbation is c<cpu>@<k>:<kind>, not ''");
  CHECK(normalized("c0@1:irq,c0@1:done") == "error: two perturbations at one boundary: 'c0@1:irq' and 'c0@1:done'");
}
