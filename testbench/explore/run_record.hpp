// What `tandem explore` reads and writes about one run: the perturbations of a schedule
// (`c0@17:irq,c1@4:first`, as `tandem run --schedule` takes them), how the run treated each
// one, and the HAL-call boundaries it recorded (boundaries.txt, one line each).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tandem::explore {

// Hold CPU `cpu` before its k-th HAL call until the kind's condition (see the README).
struct Perturbation {
  int cpu = 0;
  std::uint64_t k = 0;
  std::string kind;  // done, error, pm, irq, first, drain
  bool operator==(const Perturbation& o) const { return cpu == o.cpu && k == o.k && kind == o.kind; }
};
using Schedule = std::vector<Perturbation>;

const std::vector<std::string>& perturbation_kinds();
std::string to_string(const Perturbation& p);
std::string to_string(const Schedule& s);  // "" for the empty schedule
// nullopt with `error` set when the text is not a schedule.
std::optional<Schedule> parse_schedule(const std::string& text, std::string* error);

// What the run did with a perturbation (result.txt: "perturbation=c0@17:irq applied").
enum class Applied { kApplied, kInapplicable, kExpired, kUnreached };
std::optional<Applied> parse_applied(const std::string& word);

// One line of boundaries.txt.
struct Boundary {
  int cpu = 0;
  std::uint64_t k = 0;
  std::uint64_t cycle = 0;
  std::string call, target, ctx;
  bool irqs = false, inflight = false, pm = false;
  std::optional<bool> buffered;  // sb=: posted writes wait in the CPU's store buffer (when recorded)
  std::uint64_t state = 0;
};
std::optional<Boundary> parse_boundary(const std::string& line);
// Every line that parses, in the file's order (global: by cycle, then CPU).
std::vector<Boundary> parse_boundaries(const std::string& text);

}  // namespace tandem::explore
