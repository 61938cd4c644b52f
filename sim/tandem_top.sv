// The simulated platform's top: the TCE, plus inputs that carry what the platform's CPUs
// and fault injection do, so that the waves show the driver beside the RTL on one time base.
// Simulation only; the device is tce_top.
module tandem_top #(
  parameter int unsigned NUM_CH          = 2,
  parameter int unsigned NUM_VEC         = 2,
  parameter int unsigned REVISION        = 2,
  parameter int unsigned MAX_OUTSTANDING = 8,
  // Test only: tce_top's seeded timing bugs (0: none)
  parameter int unsigned READ_EXTRA_LATENCY = 0,
  parameter int unsigned IRQ_EXTRA_DELAY    = 0,
  parameter bit          CSR_BOUND_ASSERT   = 1'b1
) (
  input  logic               clk_i,
  input  logic               rst_ni,
  input  logic               s_axil_awvalid_i,
  output logic               s_axil_awready_o,
  input  logic [11:0]        s_axil_awaddr_i,
  input  logic               s_axil_wvalid_i,
  output logic               s_axil_wready_o,
  input  logic [31:0]        s_axil_wdata_i,
  input  logic [3:0]         s_axil_wstrb_i,
  output logic               s_axil_bvalid_o,
  input  logic               s_axil_bready_i,
  output logic [1:0]         s_axil_bresp_o,
  input  logic               s_axil_arvalid_i,
  output logic               s_axil_arready_o,
  input  logic [11:0]        s_axil_araddr_i,
  output logic               s_axil_rvalid_o,
  input  logic               s_axil_rready_i,
  output logic [31:0]        s_axil_rdata_o,
  output logic [1:0]         s_axil_rresp_o,
  output logic               m_axi_arvalid_o,
  input  logic               m_axi_arready_i,
  output logic [47:0]        m_axi_araddr_o,
  output logic [7:0]         m_axi_arlen_o,
  output logic [2:0]         m_axi_arsize_o,
  output logic [1:0]         m_axi_arburst_o,
  input  logic               m_axi_rvalid_i,
  output logic               m_axi_rready_o,
  input  logic [63:0]        m_axi_rdata_i,
  input  logic [1:0]         m_axi_rresp_i,
  input  logic               m_axi_rlast_i,
  output logic               m_axi_awvalid_o,
  input  logic               m_axi_awready_i,
  output logic [47:0]        m_axi_awaddr_o,
  output logic [7:0]         m_axi_awlen_o,
  output logic [2:0]         m_axi_awsize_o,
  output logic [1:0]         m_axi_awburst_o,
  output logic               m_axi_wvalid_o,
  input  logic               m_axi_wready_i,
  output logic [63:0]        m_axi_wdata_o,
  output logic [7:0]         m_axi_wstrb_o,
  output logic               m_axi_wlast_o,
  input  logic               m_axi_bvalid_i,
  output logic               m_axi_bready_o,
  input  logic [1:0]         m_axi_bresp_i,
  output logic [NUM_VEC-1:0] irq_o,
  output logic               quiescent_o,
  // Seen in the waves only: nothing inside reads them.
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic [1:0]   cpu0_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu0_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu0_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu1_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu1_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu1_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu2_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu2_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu2_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu3_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu3_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu3_reg_i,      // the register of the last CSR access
  input  logic [7:0]   dma_faults_i,      // counts IOMMU faults: each one a step in the waves
  input  logic [7:0]   injected_faults_i, // counts injected faults
  // The checker that failed the run (its id in the checker catalog, 0 while none has),
  // set at the cycle the first failure is recorded: a wave viewer finds the failure by it.
  input  logic [7:0]   checker_fail_i,
  /* verilator lint_on UNUSEDSIGNAL */
  // For the platform's records: the channel whose descriptor the DMA engine works on
  // (one at a time, so every memory transaction belongs to it).
  output logic [1:0]   dma_channel_o,
  // For RTL checkers and the platform's checkers, read without a bus access: the hardware
  // events the interrupt controller receives this cycle, its latched events (IRQ_STATUS),
  // their enables, routing and output modes (IRQ_ENABLE, IRQ_VEC_MAP, IRQ_MODE).
  output logic [8:0]   irq_events_o,
  output logic [8:0]   irq_status_o,
  output logic [8:0]   irq_enable_o,
  output logic [17:0]  irq_vec_map_o,
  output logic [3:0]   irq_pulse_o
  /* verilator lint_off UNUSEDSIGNAL */
  /* verilator lint_on UNUSEDSIGNAL */
);

  tce_top #(
    .NUM_CH          (NUM_CH),
    .NUM_VEC         (NUM_VEC),
    .REVISION        (REVISION),
    .MAX_OUTSTANDING    (MAX_OUTSTANDING),
    .READ_EXTRA_LATENCY (READ_EXTRA_LATENCY),
    .IRQ_EXTRA_DELAY    (IRQ_EXTRA_DELAY),
    .CSR_BOUND_ASSERT   (CSR_BOUND_ASSERT)
  ) u_tce (
    .clk_i             (clk_i),
    .rst_ni            (rst_ni),
    .s_axil_awvalid_i  (s_axil_awvalid_i),
    .s_axil_awready_o  (s_axil_awready_o),
    .s_axil_awaddr_i   (s_axil_awaddr_i),
    .s_axil_wvalid_i   (s_axil_wvalid_i),
    .s_axil_wready_o   (s_axil_wready_o),
    .s_axil_wdata_i    (s_axil_wdata_i),
    .s_axil_wstrb_i    (s_axil_wstrb_i),
    .s_axil_bvalid_o   (s_axil_bvalid_o),
    .s_axil_bready_i   (s_axil_bready_i),
    .s_axil_bresp_o    (s_axil_bresp_o),
    .s_axil_arvalid_i  (s_axil_arvalid_i),
    .s_axil_arready_o  (s_axil_arready_o),
    .s_axil_araddr_i   (s_axil_araddr_i),
    .s_axil_rvalid_o   (s_axil_rvalid_o),
    .s_axil_rready_i   (s_axil_rready_i),
    .s_axil_rdata_o    (s_axil_rdata_o),
    .s_axil_rresp_o    (s_axil_rresp_o),
    .m_axi_arvalid_o   (m_axi_arvalid_o),
    .m_axi_arready_i   (m_axi_arready_i),
    .m_axi_araddr_o    (m_axi_araddr_o),
    .m_axi_arlen_o     (m_axi_arlen_o),
    .m_axi_arsize_o    (m_axi_arsize_o),
    .m_axi_arburst_o   (m_axi_arburst_o),
    .m_axi_rvalid_i    (m_axi_rvalid_i),
    .m_axi_rready_o    (m_axi_rready_o),
    .m_axi_rdata_i     (m_axi_rdata_i),
    .m_axi_rresp_i     (m_axi_rresp_i),
    .m_axi_rlast_i     (m_axi_rlast_i),
    .m_axi_awvalid_o   (m_axi_awvalid_o),
    .m_axi_awready_i   (m_axi_awready_i),
    .m_axi_awaddr_o    (m_axi_awaddr_o),
    .m_axi_awlen_o     (m_axi_awlen_o),
    .m_axi_awsize_o    (m_axi_awsize_o),
    .m_axi_awburst_o   (m_axi_awburst_o),
    .m_axi_wvalid_o    (m_axi_wvalid_o),
    .m_axi_wready_i    (m_axi_wready_i),
    .m_axi_wdata_o     (m_axi_wdata_o),
    .m_axi_wstrb_o     (m_axi_wstrb_o),
    .m_axi_wlast_o     (m_axi_wlast_o),
    .m_axi_bvalid_i    (m_axi_bvalid_i),
    .m_axi_bready_o    (m_axi_bready_o),
    .m_axi_bresp_i     (m_axi_bresp_i),
    .irq_o             (irq_o),
    .quiescent_o       (quiescent_o)
  );

  assign dma_channel_o = 2'(u_tce.u_dma.ch_q);
  assign irq_events_o  = 9'(u_tce.hw_events);
  assign irq_status_o  = 9'(u_tce.irq_status);
  assign irq_enable_o  = u_tce.irq_enable;
  assign irq_vec_map_o = u_tce.irq_vec_map;
  assign irq_pulse_o   = u_tce.irq_pulse;

endmodule
