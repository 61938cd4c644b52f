// AXI response codes as values (never exceptions).
#pragma once

#include <cstdint>

namespace tandem {

enum class AxiResp : std::uint8_t { kOkay = 0, kExOkay = 1, kSlvErr = 2, kDecErr = 3, kTimeout = 0xFF };

const char* to_string(AxiResp resp);

}  // namespace tandem
