// TMR top: a timer and watchdog behind an AXI4-Lite CSR slave, with one interrupt line per
// vector (devices/tmr/README.md). Its ports follow the platform's naming contract, spelled
// as rtl/tce_top.sv spells them: the same clock, reset, CSR port, irq_o and quiescent_o,
// and no memory port.
module tmr_top
  import tmr_reg_pkg::*;
#(
  parameter int unsigned NUM_VEC = 2  // timer and watchdog: exactly 2
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // CSR port: AXI4-Lite slave
  input  logic        s_axil_awvalid_i,
  output logic        s_axil_awready_o,
  input  logic [11:0] s_axil_awaddr_i,
  input  logic        s_axil_wvalid_i,
  output logic        s_axil_wready_o,
  input  logic [31:0] s_axil_wdata_i,
  input  logic [3:0]  s_axil_wstrb_i,
  output logic        s_axil_bvalid_o,
  input  logic        s_axil_bready_i,
  output logic [1:0]  s_axil_bresp_o,
  input  logic        s_axil_arvalid_i,
  output logic        s_axil_arready_o,
  input  logic [11:0] s_axil_araddr_i,
  output logic        s_axil_rvalid_o,
  input  logic        s_axil_rready_i,
  output logic [31:0] s_axil_rdata_o,
  output logic [1:0]  s_axil_rresp_o,
  // interrupts: vector 0 the timer, vector 1 the watchdog
  output logic [NUM_VEC-1:0] irq_o,
  // Quiescent: no state of the device changes until an input does. No CSR request or
  // response, no counter counting, no start, kick or pulse in flight.
  output logic        quiescent_o
);

  localparam int unsigned AW = CsrAddrWidth;

  if (NUM_VEC != MaxVectors) begin : g_bad_params
    $error("tmr_top: NUM_VEC must be 2 (timer and watchdog)");
  end

  logic          we, re;
  logic [AW-1:0] waddr, raddr;
  logic [31:0]   wdata, rdata;
  logic [3:0]    wstrb;
  axi_resp_e     wresp, rresp;
  tmr_reg2hw_t   reg2hw;
  tmr_sw2hw_t    sw2hw;
  tmr_hw2reg_t   hw2reg;
  logic          axil_quiet, core_quiet;

  // The TCE's AXI4-Lite front end is device-neutral but for its response type, which it
  // takes from tce_reg_pkg: the same encoding, so the answers pass through casts.
  tce_axil_slave #(
    .AW (AW)
  ) u_axil (
    .clk_i,
    .rst_ni,
    .awvalid_i (s_axil_awvalid_i),
    .awready_o (s_axil_awready_o),
    .awaddr_i  (s_axil_awaddr_i),
    .wvalid_i  (s_axil_wvalid_i),
    .wready_o  (s_axil_wready_o),
    .wdata_i   (s_axil_wdata_i),
    .wstrb_i   (s_axil_wstrb_i),
    .bvalid_o  (s_axil_bvalid_o),
    .bready_i  (s_axil_bready_i),
    .bresp_o   (s_axil_bresp_o),
    .arvalid_i (s_axil_arvalid_i),
    .arready_o (s_axil_arready_o),
    .araddr_i  (s_axil_araddr_i),
    .rvalid_o  (s_axil_rvalid_o),
    .rready_i  (s_axil_rready_i),
    .rdata_o   (s_axil_rdata_o),
    .rresp_o   (s_axil_rresp_o),
    .we_o      (we),
    .waddr_o   (waddr),
    .wdata_o   (wdata),
    .wstrb_o   (wstrb),
    .wresp_i   (tce_reg_pkg::axi_resp_e'(wresp)),
    .re_o      (re),
    .raddr_o   (raddr),
    .rdata_i   (rdata),
    .rresp_i   (tce_reg_pkg::axi_resp_e'(rresp)),
    .quiet_o   (axil_quiet)
  );

  // No special rule refuses an access and nothing resets the context but rst_ni.
  tmr_reg_block u_regs (
    .clk_i,
    .rst_ni,
    .ctx_rst_i (1'b0),
    .we_i      (we),
    .waddr_i   (waddr),
    .wdata_i   (wdata),
    .wstrb_i   (wstrb),
    .wrefuse_i (1'b0),
    .wresp_o   (wresp),
    .re_i      (re),
    .raddr_i   (raddr),
    .rrefuse_i (1'b0),
    .rdata_o   (rdata),
    .rresp_o   (rresp),
    .reg2hw_o  (reg2hw),
    .sw2hw_o   (sw2hw),
    .hw2reg_i  (hw2reg)
  );

  tmr_core #(
    .NUM_VEC (NUM_VEC)
  ) u_core (
    .clk_i,
    .rst_ni,
    .reg2hw_i (reg2hw),
    .sw2hw_i  (sw2hw),
    .hw2reg_o (hw2reg),
    .irq_o,
    .quiet_o  (core_quiet)
  );

  assign quiescent_o = axil_quiet && core_quiet;

  // Interface rules, checked in every simulation (Verilator --assert).
  tce_axil_assert #(
    .AW (AW)
  ) u_axil_assert (
    .clk_i,
    .rst_ni,
    .awvalid (s_axil_awvalid_i),
    .awready (s_axil_awready_o),
    .awaddr  (s_axil_awaddr_i),
    .wvalid  (s_axil_wvalid_i),
    .wready  (s_axil_wready_o),
    .wdata   (s_axil_wdata_i),
    .wstrb   (s_axil_wstrb_i),
    .bvalid  (s_axil_bvalid_o),
    .bready  (s_axil_bready_i),
    .bresp   (s_axil_bresp_o),
    .arvalid (s_axil_arvalid_i),
    .arready (s_axil_arready_o),
    .araddr  (s_axil_araddr_i),
    .rvalid  (s_axil_rvalid_o),
    .rready  (s_axil_rready_i),
    .rdata   (s_axil_rdata_o),
    .rresp   (s_axil_rresp_o)
  );

endmodule
