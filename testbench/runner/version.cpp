// The version, apart from the command line: only this file is compiled with the
// configure-time version definitions (TANDEM_VERSION, TANDEM_GIT_DESCRIBE).
#include <string>

#include "cli.hpp"

namespace tandem {

std::string version_text() {
#ifndef TANDEM_VERSION
#define TANDEM_VERSION "unknown"
#endif
#ifndef TANDEM_GIT_DESCRIBE
#define TANDEM_GIT_DESCRIBE ""
#endif
  const std::string describe = TANDEM_GIT_DESCRIBE;
  return std::string("tandem ") + TANDEM_VERSION + (describe.empty() ? "" : " (" + describe + ")");
}

}  // namespace tandem
