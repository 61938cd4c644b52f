// TCE top: CSR AXI4-Lite slave, register block, DMA channel(s) on an AXI4 master, and the
// interrupt controller (spec section 1).
module tce_top
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned NUM_CH          = 2,  // 1..4
  parameter int unsigned NUM_VEC         = 2,  // 1..4
  parameter int unsigned REVISION        = 2,  // 1: first tape-out, errata E1 and E2
  parameter int unsigned MAX_OUTSTANDING = 8,  // read bursts in flight, >= 2
  // Test only, 0 in every real build: seeded timing bugs that prove the timing checker
  // (read answers and interrupt lines held back this many cycles; see the two modules).
  parameter int unsigned READ_EXTRA_LATENCY = 0,
  parameter int unsigned IRQ_EXTRA_DELAY    = 0,
  // 0 leaves out the CSR port's own 4-cycle answer assertion (only beside the seeded bug)
  parameter bit          CSR_BOUND_ASSERT   = 1'b1
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  `include "axil_csr_ports.svh"
  `include "axi_mem_ports.svh"
  // interrupts
  output logic [NUM_VEC-1:0] irq_o,
  // Quiescent: no state of the device changes until an input does. No CSR request or
  // response, no channel active or about to start, no AXI transaction outstanding, no
  // coalescing timer, wake-up or pending reset counting, no one-cycle pulse to end. A
  // simulator may stop evaluating the device while this holds and its inputs do not change.
  output logic        quiescent_o
);

  localparam int unsigned AW = CsrAddrWidth;

  axil_reg_if #(.AW (AW)) csr ();  // the CSR port's register requests

  logic enable, bus_master, dma_idle, dma_resetting;
  ch_cfg_t   [NUM_CH-1:0] ch_cfg;
  ch_state_t [NUM_CH-1:0] ch_state;
  logic [NumEvents-1:0] irq_status, irq_enable, irq_clear, irq_test, hw_events;
  logic [2*NumEvents-1:0] irq_vec_map;
  logic [3:0] irq_pulse;
  logic [NUM_VEC-1:0][7:0]  coal_count;
  logic [NUM_VEC-1:0][15:0] coal_timer;
  logic d3, context_lost, pm_done, core_rst_n;
  logic axil_quiet, regs_quiet, dma_quiet, intc_quiet;

  // Entering D3 or SOFT_RESET loses the context: the DMA engine and the interrupt controller restart.
  assign core_rst_n = rst_ni && !context_lost;

  if (NUM_CH < 1 || NUM_CH > MaxChannels || NUM_VEC < 1 || NUM_VEC > MaxVectors ||
      (REVISION != 1 && REVISION != 2) || MAX_OUTSTANDING < 2) begin : g_bad_params
    $error("tce_top: NUM_CH and NUM_VEC must be 1..4, REVISION 1 or 2, MAX_OUTSTANDING >= 2");
  end

  // The CSR port and its protocol assertions (clk_i, rst_ni and s_axil_* by name).
  axil_frontend #(
    .CsrAddrWidth       (AW),
    .READ_EXTRA_LATENCY (READ_EXTRA_LATENCY),
    .CHECK_BOUND        (CSR_BOUND_ASSERT)
  ) u_axil (.*, .req (csr), .quiet_o (axil_quiet));

  tce_regs #(
    .NUM_CH   (NUM_CH),
    .NUM_VEC  (NUM_VEC),
    .REVISION (REVISION)
  ) u_regs (
    .clk_i,
    .rst_ni,
    .we_i         (csr.we),
    .waddr_i      (csr.waddr),
    .wdata_i      (csr.wdata),
    .wstrb_i      (csr.wstrb),
    .wresp_o      (csr.wresp),
    .re_i         (csr.re),
    .raddr_i      (csr.raddr),
    .rdata_o      (csr.rdata),
    .rresp_o      (csr.rresp),
    .enable_o     (enable),
    .bus_master_o (bus_master),
    .ch_cfg_o     (ch_cfg),
    .ch_state_i   (ch_state),
    .dma_idle_i      (dma_idle),
    .dma_resetting_i (dma_resetting),
    .irq_status_i    (irq_status),
    .irq_enable_o    (irq_enable),
    .irq_clear_o     (irq_clear),
    .irq_test_o      (irq_test),
    .irq_vec_map_o   (irq_vec_map),
    .irq_pulse_o     (irq_pulse),
    .coal_count_o    (coal_count),
    .coal_timer_o    (coal_timer),
    .d3_o            (d3),
    .context_lost_o  (context_lost),
    .pm_done_o       (pm_done),
    .quiet_o         (regs_quiet)
  );

  tce_dma #(
    .NUM_CH          (NUM_CH),
    .MAX_OUTSTANDING (MAX_OUTSTANDING)
  ) u_dma (
    .*,  // clk_i and the memory port m_axi_* by name
    .rst_ni       (core_rst_n),
    .enable_i     (enable),
    .bus_master_i (bus_master),
    .cfg_i        (ch_cfg),
    .state_o      (ch_state),
    .idle_o       (dma_idle),
    .resetting_o  (dma_resetting),
    .quiet_o      (dma_quiet)
  );

  // Events at their IRQ_STATUS bits (rtl/tce_regs.toml).
  always_comb begin
    hw_events = '0;
    for (int c = 0; c < int'(NUM_CH); c++) begin
      hw_events[IRQ_STATUS_CH_DONE_LSB(c)] = ch_state[c].ev_done;
      hw_events[IRQ_STATUS_CH_ERR_LSB(c)]  = ch_state[c].ev_err;
    end
    hw_events[IRQ_STATUS_PM_DONE_LSB] = pm_done;
  end

  tce_intc #(
    .NUM_VEC         (NUM_VEC),
    .REVISION        (REVISION),
    .IRQ_EXTRA_DELAY (IRQ_EXTRA_DELAY)
  ) u_intc (
    .clk_i,
    .rst_ni        (core_rst_n),
    .hw_events_i   (hw_events),
    .sw_set_i      (irq_test),
    .clear_i       (irq_clear),
    .enable_i      (irq_enable),
    .vec_map_i     (irq_vec_map),
    .pulse_i       (irq_pulse),
    .coal_count_i  (coal_count),
    .coal_timer_i  (coal_timer),
    .quiet_i       (d3),
    .status_o      (irq_status),
    .irq_o,
    .quiet_o       (intc_quiet)
  );

  assign quiescent_o = axil_quiet && regs_quiet && dma_quiet && intc_quiet;

  // The memory port's interface rules, checked in every simulation (Verilator --assert).
  tce_axi_assert u_axi_assert (
    .clk_i,
    .rst_ni,
    .arvalid (m_axi_arvalid_o),
    .arready (m_axi_arready_i),
    .araddr  (m_axi_araddr_o),
    .arlen   (m_axi_arlen_o),
    .arsize  (m_axi_arsize_o),
    .arburst (m_axi_arburst_o),
    .awvalid (m_axi_awvalid_o),
    .awready (m_axi_awready_i),
    .awaddr  (m_axi_awaddr_o),
    .awlen   (m_axi_awlen_o),
    .awsize  (m_axi_awsize_o),
    .awburst (m_axi_awburst_o),
    .wvalid  (m_axi_wvalid_o),
    .wready  (m_axi_wready_i),
    .wdata   (m_axi_wdata_o),
    .wstrb   (m_axi_wstrb_o),
    .wlast   (m_axi_wlast_o),
    .rready  (m_axi_rready_o),
    .bready  (m_axi_bready_o),
    .irq     (2'(irq_o))
  );

endmodule
