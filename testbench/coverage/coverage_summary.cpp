#include "coverage_summary.hpp"

#include <fstream>
#include <sstream>

#include "func_waivers.hpp"

namespace tandem::cov {

std::size_t CoverageSummary::unexplained() const {
  std::size_t n = 0;
  for (const GroupCoverage& g : groups) {
    for (const auto& [bin, why] : g.missed) n += why.empty() ? 1 : 0;
  }
  return n;
}

std::vector<GroupCoverage> summarize(const Counts& merged) {
  std::vector<GroupCoverage> out;
  for (const std::string& group : groups()) {
    GroupCoverage g;
    g.group = group;
    for (const Bin& b : all_bins()) {
      if (b.group != group) continue;
      ++g.total;
      const auto it = merged.find(b.key());
      if (it != merged.end() && it->second > 0) {
        ++g.hit;
        continue;
      }
      const char* why = waiver_of(b.key());
      g.missed.emplace_back(b.name, why != nullptr ? why : "");
    }
    out.push_back(std::move(g));
  }
  return out;
}

const char* waiver_of(const std::string& key) {
  for (const Waiver& w : waivers()) {
    if (key == w.bin) return w.reason;
  }
  return nullptr;
}

bool read_rtl_summary(const std::string& path, std::vector<RtlModuleCoverage>* modules) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return false;  // the header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    RtlModuleCoverage m;
    if (!(fields >> m.module >> m.line_hit >> m.line_total >> m.toggle_hit >> m.toggle_total)) return false;
    modules->push_back(std::move(m));
  }
  return true;
}

}  // namespace tandem::cov
