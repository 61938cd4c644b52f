// Compiled into every runner executable, each with its own TANDEM_DRIVER_VARIANT: the one
// source that differs between the release binary and the zoo binaries (kept free of
// includes, as it is compiled once per binary).
#ifndef TANDEM_DRIVER_VARIANT
#define TANDEM_DRIVER_VARIANT ""
#endif

namespace tandem {

const char* driver_variant() {
  return TANDEM_DRIVER_VARIANT;
}

}  // namespace tandem
