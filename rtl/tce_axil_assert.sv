// Protocol assertions on the CSR port (AXI4-Lite slave), on in every simulation: the
// master's obligations (VALID held until READY, payload stable) and the device's (the
// same for responses, and every request answered within 4 cycles of its handshake).
module tce_axil_assert #(
  parameter int unsigned AW = 12,
  // 0 only in the build that seeds late answers for the platform's timing checker, which
  // must be the one to catch them there: this bound would fire a cycle before it.
  parameter bit CHECK_BOUND = 1'b1
) (
  input logic          clk_i,
  input logic          rst_ni,
  input logic          awvalid, awready,
  input logic [AW-1:0] awaddr,
  input logic          wvalid, wready,
  input logic [31:0]   wdata,
  input logic [3:0]    wstrb,
  input logic          bvalid, bready,
  input logic [1:0]    bresp,
  input logic          arvalid, arready,
  input logic [AW-1:0] araddr,
  input logic          rvalid, rready,
  input logic [31:0]   rdata,
  input logic [1:0]    rresp
);

  // VALID held with a stable payload: the payload is kept only while a VALID waits for its
  // READY (the same check as `valid && !ready |=> valid && $stable(payload)`, without
  // sampling every payload bit on every cycle).
  logic          aw_pend_q, w_pend_q, ar_pend_q, b_pend_q, r_pend_q;
  logic [AW-1:0] aw_q, ar_q;
  logic [35:0]   w_q;
  logic [1:0]    b_q;
  logic [33:0]   r_q;
  always_ff @(posedge clk_i) begin
    aw_pend_q <= rst_ni && awvalid && !awready;
    w_pend_q  <= rst_ni && wvalid && !wready;
    ar_pend_q <= rst_ni && arvalid && !arready;
    b_pend_q  <= rst_ni && bvalid && !bready;
    r_pend_q  <= rst_ni && rvalid && !rready;
    if (awvalid && !awready) aw_q <= awaddr;
    if (wvalid && !wready) w_q <= {wdata, wstrb};
    if (arvalid && !arready) ar_q <= araddr;
    if (bvalid && !bready) b_q <= bresp;
    if (rvalid && !rready) r_q <= {rdata, rresp};
  end

  csr_aw_held: assert property (@(posedge clk_i) disable iff (!rst_ni) aw_pend_q |-> awvalid && awaddr == aw_q)
    else $error("AWVALID dropped or AWADDR changed before AWREADY (awaddr %h)", awaddr);
  csr_w_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      w_pend_q |-> wvalid && {wdata, wstrb} == w_q)
    else $error("WVALID dropped or W payload changed before WREADY (wdata %h)", wdata);
  csr_ar_held: assert property (@(posedge clk_i) disable iff (!rst_ni) ar_pend_q |-> arvalid && araddr == ar_q)
    else $error("ARVALID dropped or ARADDR changed before ARREADY (araddr %h)", araddr);
  csr_b_held: assert property (@(posedge clk_i) disable iff (!rst_ni) b_pend_q |-> bvalid && bresp == b_q)
    else $error("BVALID dropped or BRESP changed before BREADY (bresp %h)", bresp);
  csr_r_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      r_pend_q |-> rvalid && {rdata, rresp} == r_q)
    else $error("RVALID dropped or R payload changed before RREADY (rdata %h)", rdata);
  csr_known: assert property (@(posedge clk_i) disable iff (!rst_ni)
      !$isunknown({awready, wready, bvalid, arready, rvalid}))
    else $error("a CSR handshake output is unknown");

  if (CHECK_BOUND) begin : g_bound
    localparam int unsigned ResponseBound = 4;

    // Cycles since a handshake whose response has not been taken (0: none waiting).
    logic [3:0] b_wait_q, r_wait_q;
    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        b_wait_q <= '0;
        r_wait_q <= '0;
      end else begin
        if (bvalid) b_wait_q <= '0;
        else if (awvalid && awready || b_wait_q != '0) b_wait_q <= b_wait_q + 4'd1;
        if (rvalid) r_wait_q <= '0;
        else if (arvalid && arready || r_wait_q != '0) r_wait_q <= r_wait_q + 4'd1;
      end
    end

    csr_b_bound: assert property (@(posedge clk_i) disable iff (!rst_ni) b_wait_q <= 4'(ResponseBound))
      else $error("no write response %0d cycles after the handshake", b_wait_q);
    csr_r_bound: assert property (@(posedge clk_i) disable iff (!rst_ni) r_wait_q <= 4'(ResponseBound))
      else $error("no read response %0d cycles after the handshake", r_wait_q);
  end

endmodule
