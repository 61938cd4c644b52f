// AXI4-Lite slave front end of every device's CSR port: turns handshakes into one-cycle
// register requests (axil_reg_if) and registers the answers. Read and write channels are
// independent; each answers one cycle after its handshake, inside the spec's 4-cycle bound.
// Its ports carry the device top's names (s_axil_*, the port contract of scripts/portgen.py),
// so a top connects them with .*; the port's protocol assertions are here too.
module axil_frontend #(
  parameter int unsigned CsrAddrWidth = 12,
  // Test only: a seeded bug that holds every read answer back this many more cycles, past
  // the spec's bound from 4 on (it proves the timing checker). 0 builds no logic for it.
  parameter int unsigned READ_EXTRA_LATENCY = 0,
  // 0 only in the build that seeds late answers for the platform's timing checker, which
  // must be the one to catch them there: the 4-cycle bound assertion would fire a cycle before it.
  parameter bit          CHECK_BOUND = 1'b1
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  `include "axil_csr_ports.svh"
  axil_reg_if.frontend  req,
  output logic          quiet_o     // no request arriving, no response waiting
);

  localparam logic [1:0] RespOkay = 2'b00;

  logic bvalid_q, rvalid_q;
  logic [1:0] bresp_q, rresp_q;
  logic [31:0] rdata_q;

  // Address and data are taken together; a slot frees when its response is taken.
  assign s_axil_awready_o = s_axil_awvalid_i && s_axil_wvalid_i && !bvalid_q;
  assign s_axil_wready_o  = s_axil_awready_o;
  assign req.we           = s_axil_awready_o;
  assign req.waddr        = s_axil_awaddr_i;
  assign req.wdata        = s_axil_wdata_i;
  assign req.wstrb        = s_axil_wstrb_i;

  assign s_axil_arready_o = !rvalid_q;
  assign req.re           = s_axil_arvalid_i && s_axil_arready_o;
  assign req.raddr        = s_axil_araddr_i;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      bvalid_q <= 1'b0;
      bresp_q  <= RespOkay;
      rvalid_q <= 1'b0;
      rresp_q  <= RespOkay;
      rdata_q  <= '0;
    end else begin
      if (req.we) begin
        bvalid_q <= 1'b1;
        bresp_q  <= req.wresp;
      end else if (s_axil_bready_i) begin
        bvalid_q <= 1'b0;
      end
      if (req.re) begin
        rvalid_q <= 1'b1;
        rresp_q  <= req.rresp;
        rdata_q  <= req.rdata;
      end else if (s_axil_rready_i && s_axil_rvalid_o) begin  // an answer still held back is not taken
        rvalid_q <= 1'b0;
      end
    end
  end

  assign s_axil_bvalid_o = bvalid_q;
  assign s_axil_bresp_o  = bresp_q;
  if (READ_EXTRA_LATENCY == 0) begin : g_read_on_time
    assign s_axil_rvalid_o = rvalid_q;
  end else begin : g_read_late
    localparam int unsigned HoldW = $clog2(READ_EXTRA_LATENCY + 1);
    logic [HoldW-1:0] hold_q;  // cycles the answer registered at the handshake still waits
    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        hold_q <= '0;
      end else if (req.re) begin
        hold_q <= HoldW'(READ_EXTRA_LATENCY);
      end else if (hold_q != '0) begin
        hold_q <= hold_q - 1'b1;
      end
    end
    assign s_axil_rvalid_o = rvalid_q && hold_q == '0;
  end

  assign s_axil_rresp_o = rresp_q;
  // (An answer held back by READ_EXTRA_LATENCY keeps rvalid_q up until it is taken.)
  assign quiet_o        = !s_axil_awvalid_i && !s_axil_wvalid_i && !s_axil_arvalid_i && !bvalid_q && !rvalid_q;
  assign s_axil_rdata_o = rdata_q;

  // Interface rules, checked in every simulation (Verilator --assert): the master's
  // obligations (VALID held until READY, payload stable) and the device's (the same for
  // responses, and every request answered within 4 cycles of its handshake).
  // VALID held with a stable payload: the payload is kept only while a VALID waits for its
  // READY (the same check as `valid && !ready |=> valid && $stable(payload)`, without
  // sampling every payload bit on every cycle).
  logic          aw_pend_q, w_pend_q, ar_pend_q, b_pend_q, r_pend_q;
  logic [CsrAddrWidth-1:0] aw_q, ar_q;
  logic [35:0]   w_q;
  logic [1:0]    b_q;
  logic [33:0]   r_q;
  always_ff @(posedge clk_i) begin
    aw_pend_q <= rst_ni && s_axil_awvalid_i && !s_axil_awready_o;
    w_pend_q  <= rst_ni && s_axil_wvalid_i && !s_axil_wready_o;
    ar_pend_q <= rst_ni && s_axil_arvalid_i && !s_axil_arready_o;
    b_pend_q  <= rst_ni && s_axil_bvalid_o && !s_axil_bready_i;
    r_pend_q  <= rst_ni && s_axil_rvalid_o && !s_axil_rready_i;
    if (s_axil_awvalid_i && !s_axil_awready_o) aw_q <= s_axil_awaddr_i;
    if (s_axil_wvalid_i && !s_axil_wready_o) w_q <= {s_axil_wdata_i, s_axil_wstrb_i};
    if (s_axil_arvalid_i && !s_axil_arready_o) ar_q <= s_axil_araddr_i;
    if (s_axil_bvalid_o && !s_axil_bready_i) b_q <= s_axil_bresp_o;
    if (s_axil_rvalid_o && !s_axil_rready_i) r_q <= {s_axil_rdata_o, s_axil_rresp_o};
  end

  csr_aw_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      aw_pend_q |-> s_axil_awvalid_i && s_axil_awaddr_i == aw_q)
    else $error("AWVALID dropped or AWADDR changed before AWREADY (awaddr %h)", s_axil_awaddr_i);
  csr_w_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      w_pend_q |-> s_axil_wvalid_i && {s_axil_wdata_i, s_axil_wstrb_i} == w_q)
    else $error("WVALID dropped or W payload changed before WREADY (wdata %h)", s_axil_wdata_i);
  csr_ar_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      ar_pend_q |-> s_axil_arvalid_i && s_axil_araddr_i == ar_q)
    else $error("ARVALID dropped or ARADDR changed before ARREADY (araddr %h)", s_axil_araddr_i);
  csr_b_held: assert property (@(posedge clk_i) disable iff (!rst_ni) b_pend_q |-> s_axil_bvalid_o && s_axil_bresp_o == b_q)
    else $error("BVALID dropped or BRESP changed before BREADY (bresp %h)", s_axil_bresp_o);
  csr_r_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      r_pend_q |-> s_axil_rvalid_o && {s_axil_rdata_o, s_axil_rresp_o} == r_q)
    else $error("RVALID dropped or R payload changed before RREADY (rdata %h)", s_axil_rdata_o);
  csr_known: assert property (@(posedge clk_i) disable iff (!rst_ni)
      !$isunknown({s_axil_awready_o, s_axil_wready_o, s_axil_bvalid_o, s_axil_arready_o, s_axil_rvalid_o}))
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
        if (s_axil_bvalid_o) b_wait_q <= '0;
        else if (s_axil_awvalid_i && s_axil_awready_o || b_wait_q != '0) b_wait_q <= b_wait_q + 4'd1;
        if (s_axil_rvalid_o) r_wait_q <= '0;
        else if (s_axil_arvalid_i && s_axil_arready_o || r_wait_q != '0) r_wait_q <= r_wait_q + 4'd1;
      end
    end

    csr_b_bound: assert property (@(posedge clk_i) disable iff (!rst_ni) b_wait_q <= 4'(ResponseBound))
      else $error("no write response %0d cycles after the handshake", b_wait_q);
    csr_r_bound: assert property (@(posedge clk_i) disable iff (!rst_ni) r_wait_q <= 4'(ResponseBound))
      else $error("no read response %0d cycles after the handshake", r_wait_q);
  end

endmodule
