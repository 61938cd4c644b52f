// The run's log: one line per event, prefixed by its cycle, written to a file and
// optionally echoed. It holds no wall-clock time, so the same seed gives the same log.
// Each line has a level; a log keeps the lines at or above its own (kError keeps the
// fewest), and a line below it is never formatted.
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

class RunLog {
 public:
  // In order of detail: a log at one level keeps every line of the levels before it.
  //   kError: the run's start, checker failures, driver errors, the verdict
  //   kInfo:  + register accesses, interrupt lines, handler answers, power states, faults,
  //           scenario notes, driver messages, the end state of memory
  //   kDebug: + DMA bursts with their response, descriptor fetches decoded, DMA mappings,
  //           each device's interrupt outputs, driver debug messages
  //   kTrace: + every other platform event (HAL calls, contexts, locks, timers, ...)
  enum class Level { kOff, kError, kInfo, kDebug, kTrace };

  RunLog(const std::string& path, bool echo, Level level = Level::kInfo);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  // An info line.
  void line(std::uint64_t cycle, const std::string& who, const std::string& text) {
    line(Level::kInfo, cycle, who, text);
  }
  void line(Level level, std::uint64_t cycle, std::string_view who, std::string_view text);
  // A line formatted only when the log keeps it.
  template <typename... Args>
  void print(Level level, std::uint64_t cycle, std::string_view who, fmt::format_string<Args...> format,
             Args&&... args) {
    if (enabled(level)) write(cycle, who, fmt::format(format, std::forward<Args>(args)...));
  }

  // Writes out what is buffered (a crash handler calls it: the log up to the crash survives).
  void flush();
  bool ok() const { return file_ != nullptr || path_.empty(); }
  // Whether a line of `level` goes anywhere: callers skip building one that would not.
  bool enabled(Level level = Level::kInfo) const {
    return level != Level::kOff && level <= level_ && (file_ != nullptr || echo_);
  }

 private:
  void write(std::uint64_t cycle, std::string_view who, std::string_view text);

  std::string path_;
  std::FILE* file_ = nullptr;
  bool echo_;
  Level level_;
};

// The level a name on the command line means (nullopt for none), a level's name (for a
// command line that repeats a run), and all the names, for messages.
std::optional<RunLog::Level> parse_log_level(std::string_view name);
std::string_view to_string(RunLog::Level level);
std::string log_level_names();

}  // namespace tandem
