#include "manifest.hpp"

#include <fstream>
#include <sstream>

namespace tandem {

namespace {

constexpr char kHeader[] =
    "# tandem regression manifest: scenario variant seed max_cycles release_driver timeout status";
constexpr RunRecord::Status kStatuses[] = {
    RunRecord::Status::kPassed,   RunRecord::Status::kFailed, RunRecord::Status::kCrashed, RunRecord::Status::kTimedOut,
    RunRecord::Status::kNoResult, RunRecord::Status::kNotRun, RunRecord::Status::kLost};

}  // namespace

const char* status_word(RunRecord::Status status) {
  switch (status) {
    case RunRecord::Status::kPassed: return "passed";
    case RunRecord::Status::kFailed: return "failed";
    case RunRecord::Status::kCrashed: return "crashed";
    case RunRecord::Status::kTimedOut: return "timed-out";
    case RunRecord::Status::kNoResult: return "no-result";
    case RunRecord::Status::kNotRun: return "not-run";
    case RunRecord::Status::kLost: return "lost";
  }
  return "?";
}

bool write_manifest(const std::string& path, const std::vector<ManifestRow>& rows) {
  std::ofstream out(path);
  out << kHeader << "\n";
  for (const ManifestRow& r : rows) {
    out << r.spec.scenario << '\t' << r.spec.variant << '\t' << r.spec.seed << '\t' << r.spec.max_cycles << '\t'
        << (r.spec.release_driver ? 1 : 0) << '\t' << r.timeout_seconds << '\t' << status_word(r.status) << '\n';
  }
  return static_cast<bool>(out);
}

std::optional<std::vector<ManifestRow>> read_manifest(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return std::nullopt;
  std::vector<ManifestRow> rows;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    ManifestRow r;
    int release = 0;
    std::string status;
    if (!(fields >> r.spec.scenario >> r.spec.variant >> r.spec.seed >> r.spec.max_cycles >> release >>
          r.timeout_seconds >> status)) {
      return std::nullopt;
    }
    r.spec.release_driver = release != 0;
    bool known = false;
    for (RunRecord::Status s : kStatuses) {
      if (status != status_word(s)) continue;
      r.status = s;
      known = true;
    }
    if (!known) return std::nullopt;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace tandem
