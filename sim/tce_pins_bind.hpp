// Binds TcePins to the ports of a Verilated tce_top variant. Include only where the
// Verilated model itself is included.
#pragma once

#include "tce_pins.hpp"

namespace tandem {

template <typename Model>
TcePins bind_pins(Model& m) {
  TcePins p{};
  p.clk = &m.clk_i;
  p.rst_n = &m.rst_ni;
  p.awvalid = &m.s_axil_awvalid_i;
  p.awready = &m.s_axil_awready_o;
  p.awaddr = &m.s_axil_awaddr_i;
  p.wvalid = &m.s_axil_wvalid_i;
  p.wready = &m.s_axil_wready_o;
  p.wdata = &m.s_axil_wdata_i;
  p.wstrb = &m.s_axil_wstrb_i;
  p.bvalid = &m.s_axil_bvalid_o;
  p.bready = &m.s_axil_bready_i;
  p.bresp = &m.s_axil_bresp_o;
  p.arvalid = &m.s_axil_arvalid_i;
  p.arready = &m.s_axil_arready_o;
  p.araddr = &m.s_axil_araddr_i;
  p.rvalid = &m.s_axil_rvalid_o;
  p.rready = &m.s_axil_rready_i;
  p.rdata = &m.s_axil_rdata_o;
  p.rresp = &m.s_axil_rresp_o;
  p.m_arvalid = &m.m_axi_arvalid_o;
  p.m_arready = &m.m_axi_arready_i;
  p.m_araddr = &m.m_axi_araddr_o;
  p.m_arlen = &m.m_axi_arlen_o;
  p.m_arsize = &m.m_axi_arsize_o;
  p.m_arburst = &m.m_axi_arburst_o;
  p.m_rvalid = &m.m_axi_rvalid_i;
  p.m_rready = &m.m_axi_rready_o;
  p.m_rdata = &m.m_axi_rdata_i;
  p.m_rresp = &m.m_axi_rresp_i;
  p.m_rlast = &m.m_axi_rlast_i;
  p.m_awvalid = &m.m_axi_awvalid_o;
  p.m_awready = &m.m_axi_awready_i;
  p.m_awaddr = &m.m_axi_awaddr_o;
  p.m_awlen = &m.m_axi_awlen_o;
  p.m_awsize = &m.m_axi_awsize_o;
  p.m_awburst = &m.m_axi_awburst_o;
  p.m_wvalid = &m.m_axi_wvalid_o;
  p.m_wready = &m.m_axi_wready_i;
  p.m_wdata = &m.m_axi_wdata_o;
  p.m_wstrb = &m.m_axi_wstrb_o;
  p.m_wlast = &m.m_axi_wlast_o;
  p.m_bvalid = &m.m_axi_bvalid_i;
  p.m_bready = &m.m_axi_bready_o;
  p.m_bresp = &m.m_axi_bresp_i;
  p.irq = &m.irq_o;
  p.quiescent = &m.quiescent_o;
  return p;
}

template <typename Model>
ProbePins bind_probes(Model& m) {
  return ProbePins{{&m.cpu0_context_i, &m.cpu1_context_i, &m.cpu2_context_i, &m.cpu3_context_i},
                   {&m.cpu0_hal_call_i, &m.cpu1_hal_call_i, &m.cpu2_hal_call_i, &m.cpu3_hal_call_i},
                   {&m.cpu0_reg_i, &m.cpu1_reg_i, &m.cpu2_reg_i, &m.cpu3_reg_i},
                   &m.dma_faults_i,
                   &m.injected_faults_i,
                   &m.checker_fail_i,
                   &m.dma_channel_o,
                   &m.irq_events_o,
                   &m.irq_status_o,
                   &m.irq_enable_o,
                   &m.irq_vec_map_o,
                   &m.irq_pulse_o};
}

}  // namespace tandem
