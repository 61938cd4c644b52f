#include "schedule.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <sstream>

namespace tandem::explore {

namespace {

bool parse_u64(const std::string& text, int base, std::uint64_t* out) {
  if (text.empty()) return false;
  const std::string digits = base == 16 ? "0123456789abcdefABCDEF" : "0123456789";
  if (text.find_first_not_of(digits) != std::string::npos) return false;
  errno = 0;
  const unsigned long long v = std::strtoull(text.c_str(), nullptr, base);
  if (errno != 0) return false;
  *out = v;
  return true;
}

std::optional<bool> parse_flag(const std::string& v) {
  if (v == "0") return false;
  if (v == "1") return true;
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& perturbation_kinds() {
  static const std::vector<std::string> kKinds = {"done", "error", "pm", "irq", "first", "drain"};
  return kKinds;
}

std::string to_string(const Perturbation& p) {
  return "c" + std::to_string(p.cpu) + "@" + std::to_string(p.k) + ":" + p.kind;
}

std::string to_string(const Schedule& s) {
  std::string out;
  for (const Perturbation& p : s) out += (out.empty() ? "" : ",") + to_string(p);
  return out;
}

std::optional<Schedule> parse_schedule(const std::string& text, std::string* error) {
  Schedule s;
  if (text.empty()) return s;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto at = item.find('@'), colon = item.find(':');
    std::uint64_t cpu = 0, k = 0;
    if (item.size() < 2 || item[0] != 'c' || at == std::string::npos || colon == std::string::npos || colon < at ||
        !parse_u64(item.substr(1, at - 1), 10, &cpu) || cpu > 63 ||
        !parse_u64(item.substr(at + 1, colon - at - 1), 10, &k)) {
      *error = "'" + item + "' is not a perturbation c<cpu>@<call>:<kind>";
      return std::nullopt;
    }
    const std::string kind = item.substr(colon + 1);
    const auto& kinds = perturbation_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      *error = "'" + kind + "' is no perturbation kind (done, error, pm, irq, first, drain)";
      return std::nullopt;
    }
    s.push_back({static_cast<int>(cpu), k, kind});
  }
  if (text.back() == ',') {
    *error = "a schedule ends with a perturbation, not a comma";
    return std::nullopt;
  }
  return s;
}

std::optional<Applied> parse_applied(const std::string& word) {
  if (word == "applied") return Applied::kApplied;
  if (word == "inapplicable") return Applied::kInapplicable;
  if (word == "expired") return Applied::kExpired;
  if (word == "unreached") return Applied::kUnreached;
  return std::nullopt;
}

std::optional<Boundary> parse_boundary(const std::string& line) {
  std::stringstream in(line);
  std::string word;
  Boundary b;
  std::uint64_t cpu = 0;
  if (!(in >> word) || word.size() < 2 || word[0] != 'c' || !parse_u64(word.substr(1), 10, &cpu)) return std::nullopt;
  b.cpu = static_cast<int>(cpu);
  if (!(in >> word) || !parse_u64(word, 10, &b.k)) return std::nullopt;
  bool have_state = false;
  while (in >> word) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = word.substr(0, eq), value = word.substr(eq + 1);
    std::optional<bool> flag = parse_flag(value);
    if (key == "cycle" && !parse_u64(value, 10, &b.cycle)) return std::nullopt;
    if (key == "call") b.call = value;
    if (key == "target") b.target = value;
    if (key == "ctx") b.ctx = value;
    if (key == "irqs" && flag) b.irqs = *flag;
    if (key == "inflight" && flag) b.inflight = *flag;
    if (key == "pm" && flag) b.pm = *flag;
    if (key == "sb" && flag) b.buffered = flag;
    if (key == "state") {
      if (!parse_u64(value, 16, &b.state)) return std::nullopt;
      have_state = true;
    }
  }
  if (!have_state) return std::nullopt;
  return b;
}

std::vector<Boundary> parse_boundaries(const std::string& text) {
  std::vector<Boundary> out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (auto b = parse_boundary(line)) out.push_back(std::move(*b));
  }
  return out;
}

}  // namespace tandem::explore
