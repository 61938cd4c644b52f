#include "schedule.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>

namespace tandem {

namespace {

constexpr std::array<PerturbKind, 6> kKinds = {PerturbKind::kDone, PerturbKind::kError, PerturbKind::kPm,
                                               PerturbKind::kIrq,  PerturbKind::kFirst, PerturbKind::kDrain};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A whole decimal number, nothing else.
bool whole_number(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string known_kinds() {
  std::string names;
  for (PerturbKind k : kKinds) names += (names.empty() ? "" : ", ") + std::string(to_string(k));
  return names;
}

std::optional<Perturbation> parse_one(std::string_view item, std::string* error) {
  const std::string quoted = "'" + std::string(item) + "'";
  const auto at = item.find('@'), colon = item.find(':');
  if (item.size() < 2 || item[0] != 'c' || at == std::string_view::npos || colon == std::string_view::npos ||
      colon < at) {
    *error = "a perturbation is c<cpu>@<k>:<kind>, not " + quoted;
    return std::nullopt;
  }
  std::uint64_t cpu = 0;
  Perturbation p;
  if (!whole_number(item.substr(1, at - 1), &cpu) || cpu >= kMaxScheduleCpus) {
    *error = "the CPU of " + quoted + " is not one of 0 to " + std::to_string(kMaxScheduleCpus - 1);
    return std::nullopt;
  }
  p.cpu = static_cast<unsigned>(cpu);
  if (!whole_number(item.substr(at + 1, colon - at - 1), &p.k)) {
    *error = "the boundary of " + quoted + " is not a whole number";
    return std::nullopt;
  }
  const std::string_view kind = item.substr(colon + 1);
  for (PerturbKind k : kKinds) {
    if (kind == to_string(k)) {
      p.kind = k;
      return p;
    }
  }
  *error = "unknown perturbation kind '" + std::string(kind) + "' in " + quoted + " (known: " + known_kinds() + ")";
  return std::nullopt;
}

}  // namespace

const char* to_string(PerturbKind kind) {
  switch (kind) {
    case PerturbKind::kDone: return "done";
    case PerturbKind::kError: return "error";
    case PerturbKind::kPm: return "pm";
    case PerturbKind::kIrq: return "irq";
    case PerturbKind::kFirst: return "first";
    case PerturbKind::kDrain: return "drain";
  }
  return "?";
}

const char* to_string(PerturbResult result) {
  switch (result) {
    case PerturbResult::kUnreached: return "unreached";
    case PerturbResult::kInapplicable: return "inapplicable";
    case PerturbResult::kApplied: return "applied";
    case PerturbResult::kExpired: return "expired";
  }
  return "?";
}

std::string to_string(const Perturbation& p) {
  return "c" + std::to_string(p.cpu) + "@" + std::to_string(p.k) + ":" + to_string(p.kind);
}

std::optional<std::vector<Perturbation>> parse_schedule(std::string_view text, std::string* error) {
  std::vector<Perturbation> schedule;
  if (trim(text).empty()) return schedule;
  for (;;) {
    const auto comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    auto p = parse_one(item, error);
    if (!p) return std::nullopt;
    schedule.push_back(*p);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  const auto key = [](const Perturbation& p) { return std::make_tuple(p.cpu, p.k); };
  std::stable_sort(schedule.begin(), schedule.end(),
                   [&](const Perturbation& a, const Perturbation& b) { return key(a) < key(b); });
  for (std::size_t i = 1; i < schedule.size(); ++i) {
    if (key(schedule[i]) == key(schedule[i - 1])) {
      *error = "two perturbations at one boundary: '" + to_string(schedule[i - 1]) + "' and '" +
               to_string(schedule[i]) + "'";
      return std::nullopt;
    }
  }
  return schedule;
}

std::string format_schedule(const std::vector<Perturbation>& schedule) {
  std::string text;
  for (const Perturbation& p : schedule) text += (text.empty() ? "" : ",") + to_string(p);
  return text;
}

}  // namespace tandem
