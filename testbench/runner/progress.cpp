#include "progress.hpp"

#include <cstdio>

namespace tandem {

Progress::Progress(std::size_t total, bool terminal) : total_(total), terminal_(terminal) {}

void Progress::finished(bool passed, const std::string& line) {
  ++done_;
  failed_ += passed ? 0 : 1;
  if (!terminal_) {
    std::printf("[%zu/%zu] %s\n", done_, total_, line.c_str());
  } else {
    if (!passed) std::printf("\r\033[K%s\n", line.c_str());  // failures stay on screen
    draw();
  }
  std::fflush(stdout);
}

void Progress::draw() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double left = done_ == 0 ? 0 : elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_);
  std::printf("\r\033[K[%zu/%zu] %zu failed, %.0f s elapsed, about %.0f s left", done_, total_, failed_, elapsed, left);
  drawn_ = true;
}

void Progress::close() {
  if (drawn_) std::printf("\n");
  drawn_ = false;
  std::fflush(stdout);
}

}  // namespace tandem
