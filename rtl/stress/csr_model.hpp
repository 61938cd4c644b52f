// The stress test's reference for the CSR port (spec sections 2, 3, 7): what every access
// to every offset must answer, and what the software-owned registers must read back.
// Registers the hardware changes (status, heads, interrupt status) are checked elsewhere.
#pragma once

#include <cstdint>
#include <optional>

#include "axi.hpp"
#include "tce_regs.hpp"

namespace tandem::stress {

struct Variant {
  unsigned channels = 2, vectors = 2, revision = 2;
};

class CsrModel {
 public:
  explicit CsrModel(Variant v) : v_(v) { reset_context(); }

  // Expected answer of a write, from the state before it; apply() then makes it take effect.
  AxiResp write_resp(std::uint32_t addr, std::uint32_t data, std::uint8_t strobes) const;
  void apply_write(std::uint32_t addr, std::uint32_t data, std::uint8_t strobes);
  // Expected answer of a read, and its value when the model knows it.
  struct Read {
    AxiResp resp;
    std::optional<std::uint32_t> value;
  };
  Read read(std::uint32_t addr) const;

  // Context lost (D3 entry) or CTRL.SOFT_RESET: every register but the power domain resets.
  void reset_context();
  void set_power(bool d3) { d3_ = d3; }
  // During a wake-up PM_CTRL writes answer OKAY and change nothing (spec section 7).
  void set_waking(bool waking) { waking_ = waking; }
  bool in_d3() const { return d3_; }
  std::uint32_t pm_req() const { return pm_req_; }

  // Software-owned values the other checkers need.
  std::uint32_t ctrl() const { return ctrl_; }
  std::uint32_t irq_enable() const { return irq_enable_; }
  std::uint32_t vec_map() const { return vec_map_; }
  std::uint32_t mode() const { return mode_; }
  std::uint32_t coalesce(unsigned v) const { return coalesce_[v]; }
  std::uint32_t ring_size_log2(unsigned c) const { return ch_[c].size; }
  const Variant& variant() const { return v_; }

 private:
  enum class Kind { kNone, kPhantom, kReg };
  // Which register an offset names; *index gets its channel or vector.
  Kind decode(std::uint32_t addr, const tce::reg::RegInfo** info, unsigned* index) const;

  Variant v_;
  std::uint32_t scratch_ = 0, ctrl_ = 0, irq_enable_ = 0, vec_map_ = 0, mode_ = 0;
  std::uint32_t coalesce_[4] = {};
  struct Channel {
    std::uint32_t run = 0, base_lo = 0, base_hi = 0, size = 0, tail = 0;
  } ch_[4];
  std::uint32_t pm_req_ = 0;
  bool d3_ = false;  // in D3 or waking: only the power domain answers
  bool waking_ = false;
};

}  // namespace tandem::stress
