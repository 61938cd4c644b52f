// AXI response codes as values (never exceptions).
#pragma once

#include <cstdint>

#include "tce_regs.hpp"

namespace tandem {

enum class AxiResp : std::uint8_t { kOkay = 0, kExOkay = 1, kSlvErr = 2, kDecErr = 3, kTimeout = 0xFF };

const char* to_string(AxiResp resp);

// The bus codes are the register description's (kTimeout is the platform's own).
static_assert(static_cast<unsigned>(AxiResp::kOkay) == static_cast<unsigned>(tce::reg::AxiResp::kOkay));
static_assert(static_cast<unsigned>(AxiResp::kExOkay) == static_cast<unsigned>(tce::reg::AxiResp::kExokay));
static_assert(static_cast<unsigned>(AxiResp::kSlvErr) == static_cast<unsigned>(tce::reg::AxiResp::kSlverr));
static_assert(static_cast<unsigned>(AxiResp::kDecErr) == static_cast<unsigned>(tce::reg::AxiResp::kDecerr));

}  // namespace tandem
