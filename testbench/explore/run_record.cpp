#include "run_record.hpp"

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

std::optional<Applied> parse_applied(const std::string& word) {
  for (Applied a : {Applied::kApplied, Applied::kInapplicable, Applied::kExpired, Applied::kUnreached}) {
    if (word == tandem::to_string(a)) return a;
  }
  return std::nullopt;
}

std::optional<Boundary> parse_boundary(const std::string& line) {
  std::stringstream in(line);
  std::string word;
  Boundary b;
  std::uint64_t cpu = 0;
  if (!(in >> word) || word.size() < 2 || word[0] != 'c' || !parse_u64(word.substr(1), 10, &cpu)) return std::nullopt;
  b.cpu = static_cast<unsigned>(cpu);
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
    if (key == "sb" && flag) b.buffered = *flag;
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
