// The Verilated TMR on its pins, with a tiny AXI4-Lite master of its own: the RTL tests
// drive the model cycle by cycle, with no SystemC and no platform.
#pragma once

#include <cstdint>
#include <memory>

#include "Vtmr_top.h"
#include "tmr_regs.hpp"
#include "verilated.h"

namespace tmr::test {

enum Resp : std::uint32_t { kOkay = 0, kSlvErr = 2, kDecErr = 3 };

struct ReadResult {
  std::uint32_t data;
  std::uint32_t resp;
};

class TmrBench {
 public:
  TmrBench() : ctx_(std::make_unique<VerilatedContext>()), top_(std::make_unique<Vtmr_top>(ctx_.get())) {
    top_->rst_ni = 0;
    for (int i = 0; i < 4; ++i) tick();
    top_->rst_ni = 1;
    settle();
  }
  ~TmrBench() { top_->final(); }

  // One clock edge: the inputs set before it are sampled; `edges()` counts them.
  void tick() {
    top_->clk_i = 1;
    top_->eval();
    ++edges_;
    top_->clk_i = 0;
    top_->eval();
  }
  void ticks(unsigned n) {
    for (unsigned i = 0; i < n; ++i) tick();
  }
  std::uint64_t edges() const { return edges_; }
  Vtmr_top& pins() { return *top_; }
  unsigned irq() { return settle(), top_->irq_o; }
  bool quiescent() { return settle(), top_->quiescent_o != 0; }

  // A write: address and data together; returns the response. handshake() is the edge at
  // which the device took it.
  std::uint32_t write(std::uint32_t offset, std::uint32_t value, std::uint32_t strb = 0xF) {
    top_->s_axil_awvalid_i = top_->s_axil_wvalid_i = 1;
    top_->s_axil_awaddr_i = offset;
    top_->s_axil_wdata_i = value;
    top_->s_axil_wstrb_i = strb;
    top_->s_axil_bready_i = 1;
    bool taken = false;
    for (int i = 0; i < kBound && !taken; ++i) {
      settle();
      taken = top_->s_axil_awready_o && top_->s_axil_wready_o;
      tick();
    }
    handshake_ = edges_;
    top_->s_axil_awvalid_i = top_->s_axil_wvalid_i = 0;
    std::uint32_t resp = 0xFF;  // no answer at all: no AXI code
    for (int i = 0; i < kBound && taken; ++i) {
      settle();
      const bool valid = top_->s_axil_bvalid_o;
      resp = top_->s_axil_bresp_o;
      tick();
      if (valid) break;
    }
    top_->s_axil_bready_i = 0;
    settle();
    return taken ? resp : 0xFF;
  }

  ReadResult read(std::uint32_t offset) {
    top_->s_axil_arvalid_i = 1;
    top_->s_axil_araddr_i = offset;
    top_->s_axil_rready_i = 1;
    bool taken = false;
    for (int i = 0; i < kBound && !taken; ++i) {
      settle();
      taken = top_->s_axil_arready_o;
      tick();
    }
    handshake_ = edges_;
    top_->s_axil_arvalid_i = 0;
    ReadResult r{0, 0xFF};
    for (int i = 0; i < kBound && taken; ++i) {
      settle();
      const bool valid = top_->s_axil_rvalid_o;
      r = {top_->s_axil_rdata_o, top_->s_axil_rresp_o};
      tick();
      if (valid) break;
    }
    top_->s_axil_rready_i = 0;
    settle();
    return r;
  }
  std::uint32_t read32(std::uint32_t offset) { return read(offset).data; }
  std::uint64_t handshake() const { return handshake_; }

  // Ticks until irq() has bit `vector` set, at most `bound` edges; returns the edge it was
  // first seen after, or 0.
  std::uint64_t wait_irq(unsigned vector, unsigned bound) {
    for (unsigned i = 0; i < bound; ++i) {
      if (irq() >> vector & 1) return edges_;
      tick();
    }
    return 0;
  }

 private:
  void settle() { top_->eval(); }
  static constexpr int kBound = 8;  // every answer comes within 4 cycles of its handshake
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vtmr_top> top_;
  std::uint64_t edges_ = 0;
  std::uint64_t handshake_ = 0;
};

// Offsets and bits, from the generated header.
constexpr std::uint32_t kId = reg::ID::kOffset, kCtrl = reg::CTRL::kOffset, kLoad = reg::LOAD::kOffset,
                        kCount = reg::COUNT::kOffset, kStatus = reg::STATUS::kOffset,
                        kIrqEnable = reg::IRQ_ENABLE::kOffset, kWdogLoad = reg::WDOG_LOAD::kOffset,
                        kWdogCount = reg::WDOG_COUNT::kOffset, kKick = reg::KICK::kOffset,
                        kBadKicks = reg::BAD_KICKS::kOffset;
constexpr std::uint32_t kEnable = reg::CTRL::ENABLE::kMask, kPeriodic = reg::CTRL::PERIODIC::kMask,
                        kPulse = reg::CTRL::IRQ_MODE::kMask, kWdogEn = reg::CTRL::WDOG_EN::kMask;
constexpr std::uint32_t kExpired = reg::STATUS::EXPIRED::kMask, kBark = reg::STATUS::BARK::kMask;
constexpr std::uint32_t kMagic = 0x4B1C4B1C;

}  // namespace tmr::test
