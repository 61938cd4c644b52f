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
  `include "axil_csr_ports.svh"
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

  axil_reg_if #(.AW (AW)) csr ();  // the CSR port's register requests
  tmr_reg2hw_t   reg2hw;
  tmr_sw2hw_t    sw2hw;
  tmr_hw2reg_t   hw2reg;
  logic          axil_quiet, core_quiet;

  // The platform's AXI4-Lite front end and its protocol assertions (clk_i, rst_ni and
  // s_axil_* by name).
  axil_frontend #(.CsrAddrWidth (AW)) u_axil (.*, .req (csr), .quiet_o (axil_quiet));

  // No special rule refuses an access and nothing resets the context but rst_ni.
  tmr_reg_block u_regs (
    .clk_i,
    .rst_ni,
    .ctx_rst_i (1'b0),
    .we_i      (csr.we),
    .waddr_i   (csr.waddr),
    .wdata_i   (csr.wdata),
    .wstrb_i   (csr.wstrb),
    .wrefuse_i (1'b0),
    .wresp_o   (csr.wresp),
    .re_i      (csr.re),
    .raddr_i   (csr.raddr),
    .rrefuse_i (1'b0),
    .rdata_o   (csr.rdata),
    .rresp_o   (csr.rresp),
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
endmodule
