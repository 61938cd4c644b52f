// The DMA's write side: INCR bursts of at most 16 beats over a destination byte range,
// never crossing 4 KiB, with WSTRB covering exactly the range's bytes. A burst starts once
// the FIFO holds all of its words, so its W beats flow without gaps; write responses are
// counted while later bursts go out. After an error (or stop_i) no burst starts; one
// already addressed completes with empty strobes. An AW or W beat already raised stays
// up, unchanged, until its handshake (AXI A3.2.1): a stop changes only beats not yet shown.
module tce_dma_writer
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned FIFO_DEPTH = 64
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic [47:0] dst_i,
  input  logic [24:0] len_i,
  input  logic        stop_i,
  // from the realigner
  input  logic        word_valid_i,
  input  logic [63:0] word_i,
  output logic        word_ready_o,
  input  logic [$clog2(FIFO_DEPTH):0] fifo_count_i,
  // AXI4 write address, data and response
  output logic        awvalid_o,
  input  logic        awready_i,
  output logic [47:0] awaddr_o,
  output logic [7:0]  awlen_o,
  output logic        wvalid_o,
  input  logic        wready_i,
  output logic [63:0] wdata_o,
  output logic [7:0]  wstrb_o,
  output logic        wlast_o,
  input  logic        bvalid_i,
  output logic        bready_o,
  input  logic [1:0]  bresp_i,
  // status
  output logic        busy_o,
  output logic        quiet_o,      // no state changes while the inputs hold
  output logic        error_o
);

  logic        active_q;
  logic [47:0] next_q;        // 8-aligned address of the next beat to address
  logic [21:0] to_issue_q;    // beats still to address
  logic [21:0] beats_left_q;  // beats still to send (whole stream)
  logic [47:0] start_q, end_q;  // the destination byte range [start, end)
  logic [47:0] beat_addr_q;   // address of the next W beat
  logic [4:0]  w_left_q;      // beats of the current burst still to send
  logic        in_burst_q;
  logic [5:0]  b_pending_q;   // bursts addressed whose response has not come
  logic        error_q;
  logic        aw_held_q;     // AWVALID was up without AWREADY: it must stay up
  logic        w_held_q;      // WVALID was up without WREADY: its beat must not change
  logic        empty_q;       // ... and whether that beat went out empty

  logic [4:0] burst;
  logic       aw, w, b;
  logic       empty;          // the current beat carries no data: the copy has stopped

  // A waiting beat keeps what it was shown with; a new beat is empty once stopped.
  assign empty = w_held_q ? empty_q : (error_q || stop_i);

  assign burst = burst_beats(to_issue_q, next_q[11:0]);

  // Strobe a byte of the beat at beat_addr_q when it lies in [start, end).
  always_comb begin
    wstrb_o = '0;
    for (int i = 0; i < 8; i++) begin
      if (beat_addr_q + 48'(i) >= start_q && beat_addr_q + 48'(i) < end_q) wstrb_o[i] = 1'b1;
    end
    if (empty) wstrb_o = '0;
  end

  assign awvalid_o    = aw_held_q ||
                        (active_q && !in_burst_q && !error_q && !stop_i && to_issue_q != '0 &&
                         b_pending_q != 6'h3F && 22'(fifo_count_i) >= 22'(burst));
  assign awaddr_o     = next_q;
  assign awlen_o      = 8'(burst) - 8'd1;
  assign aw           = awvalid_o && awready_i;
  // A burst's beats need their words; once stopped, they go out empty.
  assign wvalid_o     = in_burst_q && (word_valid_i || empty);
  assign wdata_o      = empty ? '0 : word_i;
  assign wlast_o      = w_left_q == 5'd1;
  assign w            = wvalid_o && wready_i;
  assign word_ready_o = w && word_valid_i;
  assign bready_o     = 1'b1;
  assign b            = bvalid_i && b_pending_q != '0;
  assign busy_o       = active_q;
  assign error_o      = error_q;
  // Stopped with nothing held or answered, and the empty flag already following stop_i.
  assign quiet_o      = !start_i && !active_q && !aw_held_q && !w_held_q && !in_burst_q && !b &&
                        empty_q == empty;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      active_q     <= 1'b0;
      next_q       <= '0;
      to_issue_q   <= '0;
      beats_left_q <= '0;
      start_q      <= '0;
      end_q        <= '0;
      beat_addr_q  <= '0;
      w_left_q     <= '0;
      in_burst_q   <= 1'b0;
      b_pending_q  <= '0;
      error_q      <= 1'b0;
      aw_held_q    <= 1'b0;
      w_held_q     <= 1'b0;
      empty_q      <= 1'b0;
    end else if (start_i) begin
      active_q     <= 1'b1;
      next_q       <= {dst_i[47:3], 3'b000};
      to_issue_q   <= beats_of(dst_i[2:0], len_i);
      beats_left_q <= beats_of(dst_i[2:0], len_i);
      start_q      <= dst_i;
      end_q        <= dst_i + 48'(len_i);
      beat_addr_q  <= {dst_i[47:3], 3'b000};
      w_left_q     <= '0;
      in_burst_q   <= 1'b0;
      b_pending_q  <= '0;
      error_q      <= 1'b0;
      aw_held_q    <= 1'b0;
      w_held_q     <= 1'b0;
      empty_q      <= 1'b0;
    end else begin
      aw_held_q <= awvalid_o && !awready_i;
      w_held_q  <= wvalid_o && !wready_i;
      empty_q   <= empty;
      if (aw) begin
        next_q     <= next_q + {40'd0, burst, 3'b000};
        to_issue_q <= to_issue_q - 22'(burst);
        w_left_q   <= burst;
        in_burst_q <= 1'b1;
      end
      if (w) begin
        beat_addr_q  <= beat_addr_q + 48'd8;
        beats_left_q <= beats_left_q - 22'd1;
        w_left_q     <= w_left_q - 5'd1;
        if (wlast_o) in_burst_q <= 1'b0;
      end
      b_pending_q <= b_pending_q + 6'(aw) - 6'(b);
      if (b && bresp_i != AXI_RESP_OKAY) error_q <= 1'b1;
      // Done when every addressed burst was sent and answered, and nothing more will start.
      if (!in_burst_q && !awvalid_o && b_pending_q == 6'(b) &&
          (to_issue_q == '0 || error_q || stop_i || (b && bresp_i != AXI_RESP_OKAY))) begin
        active_q <= 1'b0;
      end
    end
  end

endmodule
