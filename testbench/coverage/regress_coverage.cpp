#include "regress_coverage.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "verilated_device.hpp"

namespace tandem::cov {

namespace {

// Every bin of the model with its count, zeros too: what a script reads without the model.
bool write_merged(const std::string& path, const Counts& merged) {
  std::ofstream out(path);
  for (const Bin& b : all_bins()) {
    const auto it = merged.find(b.key());
    out << b.key() << ' ' << (it == merged.end() ? 0 : it->second) << '\n';
  }
  return static_cast<bool>(out);
}

}  // namespace

CoverageSummary gather(const std::string& regress_dir, const std::vector<std::string>& run_dirs) {
  CoverageSummary summary;
  Counts merged;
  bool any = false;
  for (const std::string& dir : run_dirs) {
    const std::string path = dir + "/func_coverage.txt";
    if (!std::ifstream(path)) continue;
    any = true;
    if (!read_counts(path, &merged)) std::fprintf(stderr, "tandem: cannot read %s\n", path.c_str());
  }
  if (any) {
    summary.groups = summarize(merged);
    if (!write_merged(regress_dir + "/func_coverage.txt", merged)) {
      std::fprintf(stderr, "tandem: cannot write %s/func_coverage.txt\n", regress_dir.c_str());
    }
  }
  if (!rtl_coverage_built()) return summary;
  // The runs' coverage.dat files, and the RTL tests' ($TANDEM_COVERAGE_DIR) when set.
  const char* extra = std::getenv("TANDEM_COVERAGE_DIR");
  const std::string out = regress_dir + "/rtl-coverage";
  const std::string cmd =
      fmt::format("python3 '{}' '{}' '{}'{} >'{}.log' 2>&1", TANDEM_RTL_COVERAGE_SCRIPT, out, regress_dir,
                  extra != nullptr && *extra != '\0' ? fmt::format(" '{}'", extra) : "", out);
  if (std::system(cmd.c_str()) != 0 || !read_rtl_summary(out + "/summary.tsv", &summary.rtl)) {
    std::fprintf(stderr, "tandem: merging the RTL coverage failed (see %s.log)\n", out.c_str());
    summary.rtl.clear();
    return summary;
  }
  summary.rtl_report = out;
  return summary;
}

}  // namespace tandem::cov
