// What `tandem explore` reads about one run: the perturbations of its schedule (the
// simulator's own grammar, sim/model/schedule.hpp: `c0@17:irq,c1@4:first`, as `tandem run
// --schedule` takes them), how the run treated each one, and the HAL-call boundaries it
// recorded (boundaries.txt, one line each).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schedule.hpp"

namespace tandem::explore {

// The perturbations in the order the search added them (each after the one before it):
// the last is where the next one may go.
using Schedule = std::vector<Perturbation>;
inline std::string to_string(const Schedule& s) {
  return format_schedule(s);
}

// What the run did with a perturbation (result.txt: "perturbation=c0@17:irq applied").
using Applied = PerturbResult;
std::optional<Applied> parse_applied(const std::string& word);

// One line of boundaries.txt.
struct Boundary {
  unsigned cpu = 0;
  std::uint64_t k = 0;
  std::uint64_t cycle = 0;
  std::string call, target, ctx;
  bool irqs = false, inflight = false, pm = false;
  bool buffered = false;  // sb=: posted writes wait in the CPU's store buffer
  std::uint64_t state = 0;
};
std::optional<Boundary> parse_boundary(const std::string& line);
// Every line that parses, in the file's order (global: by cycle, then CPU).
std::vector<Boundary> parse_boundaries(const std::string& text);

}  // namespace tandem::explore
