#include "records.hpp"

#include <charconv>

namespace tandem {

namespace {

// A decimal number at the start of `text`, which is advanced past it.
bool take_number(std::string_view* text, std::uint64_t* out) {
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, *out);
  if (ec != std::errc() || ptr == text->data()) return false;
  text->remove_prefix(static_cast<std::size_t>(ptr - text->data()));
  return true;
}

bool take_char(std::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

}  // namespace

std::uint64_t histogram_bucket(std::uint64_t value) {
  if (value == 0) return 0;
  return std::uint64_t{1} << (63 - __builtin_clzll(value));
}

std::string format_histogram(const LatencyHistogram& h) {
  std::string out = h.name;
  for (const auto& [bucket, count] : h.buckets) {
    out += ' ' + std::to_string(bucket) + ':' + std::to_string(count);
  }
  return out;
}

std::optional<LatencyHistogram> parse_histogram(std::string_view text) {
  LatencyHistogram h;
  const std::size_t space = text.find(' ');
  h.name = std::string(text.substr(0, space));
  if (h.name.empty()) return std::nullopt;
  text = space == std::string_view::npos ? std::string_view() : text.substr(space);
  while (!text.empty()) {
    std::uint64_t bucket = 0, count = 0;
    if (!take_char(&text, ' ') || !take_number(&text, &bucket) || !take_char(&text, ':') ||
        !take_number(&text, &count) || histogram_bucket(bucket) != bucket) {
      return std::nullopt;
    }
    h.buckets[bucket] += count;
  }
  return h;
}

std::string format_dma(const DmaSample& s) {
  return std::to_string(s.bytes) + ' ' + std::to_string(s.cycles);
}

std::optional<DmaSample> parse_dma(std::string_view text) {
  DmaSample s;
  if (!take_number(&text, &s.bytes) || !take_char(&text, ' ') || !take_number(&text, &s.cycles) || !text.empty()) {
    return std::nullopt;
  }
  return s;
}

}  // namespace tandem
