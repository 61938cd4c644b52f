// The TCE's ports as pointers into a Verilated model, so the bus models work with any
// Verilated variant of tce_top (each variant is its own C++ class). Plain integer types
// (Verilator's CData, SData, IData, QData) keep Verilator's headers out of this one.
#pragma once

#include <cstdint>

namespace tandem {

using CData = std::uint8_t;
using SData = std::uint16_t;
using IData = std::uint32_t;
using QData = std::uint64_t;

struct TcePins {
  CData *clk;
  CData *rst_n;
  // CSR AXI4-Lite slave
  CData *awvalid, *awready, *wvalid, *wready, *bvalid, *bready, *arvalid, *arready, *rvalid, *rready;
  SData *awaddr, *araddr;
  IData *wdata, *rdata;
  CData *wstrb, *bresp, *rresp;
  // memory AXI4 master
  CData *m_arvalid, *m_arready, *m_arlen, *m_arsize, *m_arburst, *m_rvalid, *m_rready, *m_rresp, *m_rlast;
  QData *m_araddr, *m_rdata;
  CData *m_awvalid, *m_awready, *m_awlen, *m_awsize, *m_awburst, *m_wvalid, *m_wready, *m_wstrb, *m_wlast;
  CData *m_bvalid, *m_bready, *m_bresp;
  QData *m_awaddr, *m_wdata;
  // interrupts, one bit per vector
  CData *irq;
  // the device will not change until an input does (tce_top's quiescent_o)
  CData *quiescent;
};

// Inputs of the platform's top that only the waves read: what each CPU does, and markers.
struct ProbePins {
  CData *context[4];
  CData *hal_call[4];
  SData *reg[4];
  CData *dma_faults;
  CData *injected_faults;
  CData *checker_fail;  // the id of the checker that failed the run first (0: none yet)
  CData *dma_channel;   // output: the channel the DMA engine serves
  // Outputs: the interrupt controller's state, for checkers to read without a bus access.
  SData *irq_events;  // hardware events raised this cycle, by IRQ_STATUS bit
  SData *irq_status, *irq_enable;
  IData *irq_vec_map;
  CData *irq_pulse;
};

}  // namespace tandem
