// The DMA's read side: INCR bursts of at most 16 beats over a source byte range, never
// crossing 4 KiB, up to MAX_OUTSTANDING in flight and never more than the FIFO can take
// (credits). Each beat goes to the realigner with the range of its bytes that belong to
// the stream. A read error stops new bursts; those in flight are drained. An AR already
// raised stays up, unchanged, until its handshake (AXI A3.2.1), whatever stops arrive.
module tce_dma_reader
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned MAX_OUTSTANDING = 4,
  parameter int unsigned FIFO_DEPTH      = 64
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic [47:0] src_i,
  input  logic [24:0] len_i,
  input  logic        stop_i,       // issue nothing more (an error elsewhere)
  input  logic [$clog2(FIFO_DEPTH):0] fifo_count_i,
  // AXI4 read address and data
  output logic        arvalid_o,
  input  logic        arready_i,
  output logic [47:0] araddr_o,
  output logic [7:0]  arlen_o,
  input  logic        rvalid_i,
  output logic        rready_o,
  input  logic [63:0] rdata_i,
  input  logic [1:0]  rresp_i,
  input  logic        rlast_i,
  // to the realigner
  output logic        beat_valid_o,
  output logic [63:0] beat_data_o,
  output logic [2:0]  beat_first_o,
  output logic [3:0]  beat_end_o,
  output logic        beat_last_o,
  // status
  output logic        busy_o,       // bursts in flight or still to issue
  output logic        quiet_o,      // no state changes while the inputs hold
  output logic        error_o       // a read answered an error
);

  localparam int unsigned CW = $clog2(FIFO_DEPTH) + 1;

  logic        active_q;
  logic [47:0] next_q;          // 8-aligned address of the next beat to request
  logic [21:0] to_issue_q;      // beats still to request
  logic [21:0] to_recv_q;       // beats still to receive (issued or not)
  logic [21:0] total_q;         // beats of the whole stream
  logic [2:0]  first_off_q;     // src[2:0]
  logic [3:0]  last_end_q;      // end byte of the last beat
  logic [$clog2(MAX_OUTSTANDING+1)-1:0] bursts_q;
  logic [CW:0] in_flight_q;     // beats requested, not yet received
  logic        error_q;
  logic        ar_held_q;       // ARVALID was up without ARREADY: it must stay up

  logic [4:0]  burst;
  logic        issue, recv;

  // Beats of the next burst: 16 at most, the rest of the stream, up to the 4 KiB boundary.
  assign burst = burst_beats(to_issue_q, next_q[11:0]);

  // Stops only keep a new AR from rising; next_q and to_issue_q (its payload) change only
  // at the handshake.
  assign arvalid_o = ar_held_q ||
                     (active_q && !stop_i && !error_q && to_issue_q != '0 &&
                      bursts_q < MAX_OUTSTANDING[$bits(bursts_q)-1:0] &&
                      (CW+1)'(fifo_count_i) + in_flight_q + (CW+1)'(burst) + 1 <= (CW+1)'(FIFO_DEPTH));
  assign araddr_o  = next_q;
  assign arlen_o   = 8'(burst) - 8'd1;
  assign issue     = arvalid_o && arready_i;
  assign rready_o  = 1'b1;
  assign recv      = rvalid_i && active_q && to_recv_q != '0;

  assign beat_valid_o = recv && !error_q && rresp_i == AXI_RESP_OKAY;
  assign beat_data_o  = rdata_i;
  assign beat_first_o = (to_recv_q == total_q) ? first_off_q : 3'd0;
  assign beat_end_o   = (to_recv_q == 22'd1) ? last_end_q : 4'd8;
  assign beat_last_o  = to_recv_q == 22'd1;
  assign busy_o       = active_q;
  assign error_o      = error_q;
  // Stopped with nothing held: no AR to keep up, no beat to count.
  assign quiet_o      = !start_i && !active_q && !ar_held_q && to_recv_q == '0;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      active_q    <= 1'b0;
      next_q      <= '0;
      to_issue_q  <= '0;
      to_recv_q   <= '0;
      total_q     <= '0;
      first_off_q <= '0;
      last_end_q  <= '0;
      bursts_q    <= '0;
      in_flight_q <= '0;
      error_q     <= 1'b0;
      ar_held_q   <= 1'b0;
    end else if (start_i) begin
      active_q    <= 1'b1;
      next_q      <= {src_i[47:3], 3'b000};
      // beats = ceil((src[2:0] + len) / 8)
      to_issue_q  <= beats_of(src_i[2:0], len_i);
      to_recv_q   <= beats_of(src_i[2:0], len_i);
      total_q     <= beats_of(src_i[2:0], len_i);
      first_off_q <= src_i[2:0];
      last_end_q  <= 4'(((26'(src_i[2:0]) + 26'(len_i) - 26'd1) & 26'd7) + 26'd1);
      bursts_q    <= '0;
      in_flight_q <= '0;
      error_q     <= 1'b0;
      ar_held_q   <= 1'b0;
    end else begin
      ar_held_q <= arvalid_o && !arready_i;
      if (issue) begin
        next_q     <= next_q + {40'd0, burst, 3'b000};
        to_issue_q <= to_issue_q - 22'(burst);
      end
      if (recv) begin
        to_recv_q <= to_recv_q - 22'd1;
        if (rresp_i != AXI_RESP_OKAY) error_q <= 1'b1;
      end
      in_flight_q <= in_flight_q + (issue ? (CW+1)'(burst) : '0) - (recv ? (CW+1)'(1) : '0);
      bursts_q    <= bursts_q + $bits(bursts_q)'(issue) - $bits(bursts_q)'(recv && rlast_i);
      if (recv && to_recv_q == 22'd1) active_q <= 1'b0;
      // After an error nothing more is issued: the stream ends with the beats in flight
      // (and the AR still waiting for its handshake, if any).
      if ((error_q || stop_i) && in_flight_q == '0 && !arvalid_o) begin
        active_q  <= 1'b0;
        to_recv_q <= '0;
      end
    end
  end

endmodule
