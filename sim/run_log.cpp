#include "run_log.hpp"

#include <fmt/core.h>

namespace tandem {

RunLog::RunLog(const std::string& path, bool echo) : path_(path), echo_(echo) {
  if (!path.empty()) file_ = std::fopen(path.c_str(), "w");
}

RunLog::~RunLog() {
  if (file_ != nullptr) std::fclose(file_);
}

void RunLog::line(std::uint64_t cycle, const std::string& who, const std::string& text) {
  const std::string s = fmt::format("{:>10} {:<12} {}\n", cycle, who, text);
  if (file_ != nullptr) std::fputs(s.c_str(), file_);
  if (echo_) std::fputs(s.c_str(), stdout);
}

void RunLog::flush() {
  if (file_ != nullptr) std::fflush(file_);
  if (echo_) std::fflush(stdout);
}

}  // namespace tandem
