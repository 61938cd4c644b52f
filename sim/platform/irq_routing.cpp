#include "irq_routing.hpp"

#include <algorithm>
#include <numeric>

#include "platform.hpp"

namespace tandem {

namespace {
unsigned line_count(const std::vector<unsigned>& vectors, bool shared) {
  if (shared) return vectors.empty() ? 0 : *std::max_element(vectors.begin(), vectors.end());
  return std::accumulate(vectors.begin(), vectors.end(), 0u);
}
}  // namespace

IrqRouting::IrqRouting(Platform& platform, std::vector<unsigned> vectors, bool shared)
    : platform_(platform),
      vectors_(std::move(vectors)),
      shared_(shared),
      pic_(line_count(vectors_, shared)),
      level_(pic_.lines(), false),
      handlers_(platform) {
  unsigned next = 0;
  for (const unsigned v : vectors_) {
    first_line_.push_back(next);
    next += v;
  }
}

bool IrqRouting::line_level(unsigned line) const {
  for (unsigned d = 0; d < vectors_.size(); ++d) {
    if (platform_.faults().device_removed(d)) continue;
    const std::uint32_t outputs = platform_.harness(d).irq_lines();
    for (unsigned v = 0; v < vectors_[d]; ++v) {
      if (line_of(d, v) == line && (outputs >> v & 1) != 0) return true;
    }
  }
  return false;
}

void IrqRouting::device_changed(unsigned device, unsigned vector) {
  const unsigned line = line_of(device, vector);
  Event out{EventKind::kDeviceIrq};
  out.device = device;
  out.line = line;
  out.level = (platform_.harness(device).irq_lines() >> vector & 1) != 0;
  platform_.publish(out);
  const bool level = line_level(line);
  if (level == level_[line]) return;  // another device holds a shared line up, or this one is gone
  level_[line] = level;
  platform_.log().print(RunLog::Level::kInfo, platform_.cycle(), "device", "irq line {} {}", line,
                        level ? "rises" : "falls");
  Event e{EventKind::kIrqLine};
  e.line = line;
  e.level = level;
  platform_.publish(e);
  if (platform_.faults().passes(line, level)) pic_.set_input(line, level);
}

void IrqRouting::device_removed(unsigned device) {
  for (unsigned v = 0; v < vectors_.at(device); ++v) {
    const unsigned line = line_of(device, v);
    level_[line] = line_level(line);
    pic_.set_input(line, level_[line]);
  }
}

}  // namespace tandem
