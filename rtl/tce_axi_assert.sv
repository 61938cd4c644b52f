// Protocol assertions on the memory port (AXI4 master), on in every simulation: VALID
// held until READY with a stable payload, no VALID in the cycle after reset, bursts of at
// most 16 beats that never cross 4 KiB, WLAST exactly on a burst's last beat, WSTRB inside
// the beat's address, and known values on the outputs. Write bursts are answered in order
// of their addresses; their lengths wait here for their data.
module tce_axi_assert (
  input logic        clk_i,
  input logic        rst_ni,
  input logic        arvalid, arready,
  input logic [47:0] araddr,
  input logic [7:0]  arlen,
  input logic [2:0]  arsize,
  input logic [1:0]  arburst,
  input logic        awvalid, awready,
  input logic [47:0] awaddr,
  input logic [7:0]  awlen,
  input logic [2:0]  awsize,
  input logic [1:0]  awburst,
  input logic        wvalid, wready,
  input logic [63:0] wdata,
  input logic [7:0]  wstrb,
  input logic        wlast,
  input logic        rready, bready,
  input logic [1:0]  irq
);

  // A burst starting at beat `beat` of its 4 KiB page (512 beats) with `len` + 1 beats.
  function automatic logic crosses_4k(input logic [8:0] beat, input logic [7:0] len);
    return 10'(beat) + 10'(len) > 10'd511;
  endfunction

  // Beats still to send of the burst at the head of the address queue.
  logic [7:0] lens_q [16];
  logic [3:0] head_q, tail_q;
  logic [4:0] count_q;
  logic [7:0] beat_q;
  logic       was_reset_q;
  logic [7:0] head_len;  // read outside the property: Verilator 5.006 fails on it inside

  assign head_len = lens_q[head_q];

  always_ff @(posedge clk_i) begin
    was_reset_q <= !rst_ni;
    if (!rst_ni) begin
      head_q  <= '0;
      tail_q  <= '0;
      count_q <= '0;
      beat_q  <= '0;
    end else begin
      if (awvalid && awready) begin
        lens_q[tail_q] <= awlen;
        tail_q <= tail_q + 4'd1;
      end
      if (wvalid && wready) begin
        beat_q <= wlast ? '0 : beat_q + 8'd1;
        if (wlast) head_q <= head_q + 4'd1;
      end
      count_q <= count_q + 5'(awvalid && awready) - 5'(wvalid && wready && wlast);
    end
  end

  // VALID held with a stable payload: the payload is kept only while a VALID waits for its
  // READY (the same check as `valid && !ready |=> valid && $stable(payload)`, without
  // sampling every payload bit on every cycle).
  logic        ar_pend_q, aw_pend_q, w_pend_q;
  logic [60:0] ar_q, aw_q;
  logic [72:0] w_q;
  always_ff @(posedge clk_i) begin
    ar_pend_q <= rst_ni && arvalid && !arready;
    aw_pend_q <= rst_ni && awvalid && !awready;
    w_pend_q  <= rst_ni && wvalid && !wready;
    if (arvalid && !arready) ar_q <= {araddr, arlen, arsize, arburst};
    if (awvalid && !awready) aw_q <= {awaddr, awlen, awsize, awburst};
    if (wvalid && !wready) w_q <= {wdata, wstrb, wlast};
  end

  axi_ar_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      ar_pend_q |-> arvalid && {araddr, arlen, arsize, arburst} == ar_q)
    else $error("ARVALID dropped or AR changed before ARREADY (araddr %h)", araddr);
  axi_aw_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      aw_pend_q |-> awvalid && {awaddr, awlen, awsize, awburst} == aw_q)
    else $error("AWVALID dropped or AW changed before AWREADY (awaddr %h)", awaddr);
  axi_w_held: assert property (@(posedge clk_i) disable iff (!rst_ni)
      w_pend_q |-> wvalid && {wdata, wstrb, wlast} == w_q)
    else $error("WVALID dropped or W changed before WREADY (wdata %h wstrb %h)", wdata, wstrb);
  axi_quiet_after_reset: assert property (@(posedge clk_i) was_reset_q && rst_ni |-> !arvalid && !awvalid && !wvalid)
    else $error("VALID in the first cycle after reset");
  axi_ar_len: assert property (@(posedge clk_i) disable iff (!rst_ni) arvalid |-> arlen <= 8'd15)
    else $error("read burst of %0d beats", arlen + 1);
  axi_aw_len: assert property (@(posedge clk_i) disable iff (!rst_ni) awvalid |-> awlen <= 8'd15)
    else $error("write burst of %0d beats", awlen + 1);
  axi_ar_4k: assert property (@(posedge clk_i) disable iff (!rst_ni) arvalid |-> !crosses_4k(araddr[11:3], arlen))
    else $error("read burst at %h of %0d beats crosses 4 KiB", araddr, arlen + 1);
  axi_aw_4k: assert property (@(posedge clk_i) disable iff (!rst_ni) awvalid |-> !crosses_4k(awaddr[11:3], awlen))
    else $error("write burst at %h of %0d beats crosses 4 KiB", awaddr, awlen + 1);
  axi_aw_aligned: assert property (@(posedge clk_i) disable iff (!rst_ni) awvalid |-> awaddr[2:0] == 3'b000)
    else $error("write burst at %h is not beat-aligned (strobes carry the offset)", awaddr);
  axi_w_has_address: assert property (@(posedge clk_i) disable iff (!rst_ni) wvalid |-> count_q != '0)
    else $error("write data with no burst address before it");
  axi_wlast: assert property (@(posedge clk_i) disable iff (!rst_ni)
      wvalid && count_q != '0 |-> wlast == (beat_q == head_len))
    else $error("WLAST %0d on beat %0d of a %0d-beat burst", wlast, beat_q, head_len + 1);
  axi_known: assert property (@(posedge clk_i) disable iff (!rst_ni)
      !$isunknown({arvalid, awvalid, wvalid, rready, bready, irq}))
    else $error("a memory-port control output or an interrupt is unknown");

endmodule
