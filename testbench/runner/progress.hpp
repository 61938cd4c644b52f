// A regression's progress. On a terminal: one line kept up to date (runs done of all,
// failures so far, time elapsed, time left at the pace so far), each failure printed above
// it as it comes. Elsewhere (a log, CI): one plain line per finished run.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace tandem {

class Progress {
 public:
  Progress(std::size_t total, bool terminal);
  // One run ended: `passed`, and its line ("PASS name variant=.. seed=.. (0.31 s)").
  void finished(bool passed, const std::string& line);
  // Ends the updating line (before anything else is printed).
  void close();

 private:
  void draw();
  std::size_t total_, done_ = 0, failed_ = 0;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace tandem
