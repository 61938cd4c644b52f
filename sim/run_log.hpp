// The run's log: one line per event, prefixed by its cycle, written to a file and
// optionally echoed. It holds no wall-clock time, so the same seed gives the same log.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace tandem {

class RunLog {
 public:
  RunLog(const std::string& path, bool echo);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  void line(std::uint64_t cycle, const std::string& who, const std::string& text);
  // Writes out what is buffered (a crash handler calls it: the log up to the crash survives).
  void flush();
  bool ok() const { return file_ != nullptr || path_.empty(); }
  // Whether a line goes anywhere: callers skip formatting one that would not.
  bool enabled() const { return file_ != nullptr || echo_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  bool echo_;
};

}  // namespace tandem
