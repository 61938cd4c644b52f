// A regression's manifest (manifest.tsv in its folder): every run it planned, with
// everything that makes the run (run_spec.hpp), its wall-time limit and how it ended. It
// is what --rerun-failed reads back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "run_record.hpp"
#include "run_spec.hpp"

namespace tandem {

struct ManifestRow {
  RunSpec spec;
  unsigned timeout_seconds = 0;
  RunRecord::Status status = RunRecord::Status::kNotRun;
};

bool write_manifest(const std::string& path, const std::vector<ManifestRow>& rows);
// nullopt when the file is missing or not a manifest.
std::optional<std::vector<ManifestRow>> read_manifest(const std::string& path);

// "passed", "failed", "crashed", "timed-out", "no-result", "not-run", "lost".
const char* status_word(RunRecord::Status status);

}  // namespace tandem
