#include "regress_dir.hpp"

#include <ctime>
#include <filesystem>

#include "outcome.hpp"

namespace tandem {

namespace fs = std::filesystem;

std::string new_regression_dir(const std::string& parent) {
  if (!make_dirs(parent)) return {};
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "regress-%Y%m%d-%H%M%S", &local);
  // Two regressions started within the same second get -2, -3, ...
  for (unsigned n = 1; n < 1000; ++n) {
    const fs::path dir =
        fs::path(parent) / (n == 1 ? std::string(stamp) : std::string(stamp) + "-" + std::to_string(n));
    std::error_code ec;
    if (fs::create_directory(dir, ec)) return dir.string();
    if (ec) return {};
  }
  return {};
}

bool link_latest(const std::string& parent, const std::string& dir) {
  const fs::path latest = fs::path(parent) / "latest", tmp = fs::path(parent) / ".latest.tmp";
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_directory_symlink(fs::path(dir).filename(), tmp, ec);  // relative: the folder can move
  if (ec) return false;
  fs::rename(tmp, latest, ec);
  return !ec;
}

}  // namespace tandem
