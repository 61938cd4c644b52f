// A schedule: perturbations of a run at HAL-call boundaries, written `c<cpu>@<k>:<kind>`
// and separated by commas (`c0@17:irq,c1@4:first`). Boundary (c, k) is the point just
// before CPU c begins its k-th HAL call (from 0, in every context). Each perturbation holds
// CPU c there until something happens (the kind), within a bound: a CPU may always be slow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

enum class PerturbKind : std::uint8_t {
  kDone,   // until the descriptor in flight completes
  kError,  // its next memory answer is an error, then until the device's error completion
  kPm,     // until the power transition in progress finishes (PM_DONE)
  kIrq,    // until an interrupt is pending for the CPU, which takes it there
  kFirst,  // until another CPU has begun and finished its next HAL call
  kDrain,  // the CPU's posted writes stay in its store buffer until call k has finished
};
const char* to_string(PerturbKind kind);

// What became of a perturbation in a run.
enum class PerturbResult : std::uint8_t { kUnreached, kInapplicable, kApplied, kExpired };
const char* to_string(PerturbResult result);

struct Perturbation {
  unsigned cpu = 0;
  std::uint64_t k = 0;
  PerturbKind kind = PerturbKind::kDone;
  bool operator==(const Perturbation& o) const { return cpu == o.cpu && k == o.k && kind == o.kind; }
};
std::string to_string(const Perturbation& p);

inline constexpr unsigned kMaxScheduleCpus = 4;

// Parses a schedule; nullopt with `error` saying what is wrong. The result is normalized:
// sorted by CPU, then boundary. An empty text is the empty schedule; two perturbations at
// one boundary are an error (a boundary holds once).
std::optional<std::vector<Perturbation>> parse_schedule(std::string_view text, std::string* error);
// The normalized text of a schedule (parse_schedule reads it back to the same).
std::string format_schedule(const std::vector<Perturbation>& schedule);

}  // namespace tandem
