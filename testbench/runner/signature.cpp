#include "signature.hpp"

#include <cctype>
#include <csignal>
#include <cstring>

namespace tandem {

namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

}  // namespace

std::string mask_numbers(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    // A number is a run of digits (0x.. hex included) that does not continue a word: the 0
    // of "CH_CTRL[0]" is a number, the 2 of "rev2" is part of a name.
    const bool starts =
        std::isdigit(static_cast<unsigned char>(text[i])) != 0 && (i == 0 || !is_word_char(text[i - 1]));
    if (!starts) {
      out += text[i++];
      continue;
    }
    if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
    while (i < text.size() && std::isxdigit(static_cast<unsigned char>(text[i])) != 0) ++i;
    out += '#';
  }
  return out;
}

std::string failure_signature(const RunRecord& run) {
  switch (run.status) {
    case RunRecord::Status::kPassed: return {};
    case RunRecord::Status::kCrashed: return std::string("crashed: ") + strsignal(run.signal);
    case RunRecord::Status::kTimedOut: return "timed out: the run passed its wall-time limit";
    case RunRecord::Status::kNoResult: return "no result: the run exited without writing one";
    case RunRecord::Status::kNotRun: return "not run";
    case RunRecord::Status::kLost: return "lost: its cluster task ended before the run did";
    case RunRecord::Status::kFailed: break;
  }
  return run.outcome ? mask_numbers(run.outcome->verdict) : "no result";
}

}  // namespace tandem
