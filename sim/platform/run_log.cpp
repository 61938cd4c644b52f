#include "run_log.hpp"

#include <iterator>

namespace tandem {

namespace {
constexpr std::string_view kLevelNames[] = {"off", "error", "info", "debug", "trace"};
static_assert(std::size(kLevelNames) == static_cast<std::size_t>(RunLog::Level::kTrace) + 1, "a name per level");
}  // namespace

RunLog::RunLog(const std::string& path, bool echo, Level level)
    : path_(level == Level::kOff ? std::string() : path), echo_(echo && level != Level::kOff), level_(level) {
  if (!path_.empty()) file_ = std::fopen(path_.c_str(), "w");
}

RunLog::~RunLog() {
  if (file_ != nullptr) std::fclose(file_);
}

void RunLog::line(Level level, std::uint64_t cycle, std::string_view who, std::string_view text) {
  if (enabled(level)) write(cycle, who, text);
}

void RunLog::write(std::uint64_t cycle, std::string_view who, std::string_view text) {
  const std::string s = fmt::format("{:>10} {:<12} {}\n", cycle, who, text);
  if (file_ != nullptr) std::fputs(s.c_str(), file_);
  if (echo_) std::fputs(s.c_str(), stdout);
}

std::optional<RunLog::Level> parse_log_level(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kLevelNames); ++i) {
    if (kLevelNames[i] == name) return static_cast<RunLog::Level>(i);
  }
  return std::nullopt;
}

std::string_view to_string(RunLog::Level level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::string log_level_names() {
  std::string names;
  for (std::string_view n : kLevelNames) names += (names.empty() ? "" : ", ") + std::string(n);
  return names;
}

void RunLog::flush() {
  if (file_ != nullptr) std::fflush(file_);
  if (echo_) std::fflush(stdout);
}

}  // namespace tandem
