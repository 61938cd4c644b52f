// Byte realigner and data FIFO between the DMA's reader and writer. Source beats arrive
// with a range of valid bytes; words leave aligned to the destination's 8-byte grid (the
// first word starts with `dst_off_i` filler bytes, which the writer does not strobe). At
// the end of a stream the last partial word is flushed.
module tce_realign #(
  parameter int unsigned DEPTH = 64  // words of 8 bytes
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,     // a new stream: drop what is left, preload the filler
  input  logic [2:0]  dst_off_i,
  // from the reader
  input  logic        in_valid_i,
  input  logic [63:0] in_data_i,
  input  logic [2:0]  in_first_i,  // first valid byte of the beat
  input  logic [3:0]  in_end_i,    // one past the last valid byte
  input  logic        in_last_i,   // the stream's last beat
  // to the writer
  output logic        out_valid_o,
  output logic [63:0] out_data_o,
  input  logic        out_ready_i,
  output logic [$clog2(DEPTH):0] count_o,  // words in the FIFO
  output logic        quiet_o      // no state changes while the inputs hold
);

  localparam int unsigned AW = $clog2(DEPTH);

  // Bytes not yet making a whole word: at most 7 after every cycle.
  logic [127:0] hold_q, hold_d;
  logic [3:0]   hold_n_q, hold_n_d;
  logic         flush_q, flush_d;

  logic [63:0] fifo_q [DEPTH];
  logic [AW-1:0] rd_q, wr_q;
  logic [AW:0]   count_q;

  logic        push;
  logic [63:0] push_data;
  logic        pop;

  // Append the beat's valid bytes (one contiguous run) to the held ones, then take a word
  // if there is one.
  always_comb begin
    logic [127:0] merged;
    logic [4:0]   n;
    logic [63:0]  run;
    merged   = hold_q;
    n        = {1'b0, hold_n_q};
    run      = '0;
    push     = 1'b0;
    push_data = '0;
    flush_d  = flush_q;
    if (in_valid_i) begin
      // The run starts at byte 0 and ends before byte end - first; the rest is cleared.
      run    = (in_data_i >> (8 * in_first_i)) & ~(64'hFFFF_FFFF_FFFF_FFFF << (8 * (in_end_i - 4'(in_first_i))));
      if (in_end_i - 4'(in_first_i) == 4'd8) run = in_data_i;
      merged = merged | ({64'd0, run} << (8 * n));
      n      = n + 5'(in_end_i - 4'(in_first_i));
      if (in_last_i) flush_d = 1'b1;
    end
    if (n >= 5'd8) begin
      push      = 1'b1;
      push_data = merged[63:0];
      merged    = merged >> 64;
      n         = n - 5'd8;
    end else if (flush_d && n != 5'd0) begin
      push      = 1'b1;  // the stream's last, partial word
      push_data = merged[63:0];
      merged    = '0;
      n         = '0;
    end
    if (flush_d && n == 5'd0) flush_d = 1'b0;
    hold_d   = merged;
    hold_n_d = n[3:0];
    if (start_i) begin
      hold_d   = '0;
      hold_n_d = {1'b0, dst_off_i};
      flush_d  = 1'b0;
    end
  end

  assign out_valid_o = count_q != '0;
  assign out_data_o  = fifo_q[rd_q];
  assign pop         = out_valid_o && out_ready_i;
  assign count_o     = count_q;
  assign quiet_o     = !start_i && !push && !pop && hold_d == hold_q && hold_n_d == hold_n_q &&
                       flush_d == flush_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      hold_q   <= '0;
      hold_n_q <= '0;
      flush_q  <= 1'b0;
      rd_q     <= '0;
      wr_q     <= '0;
      count_q  <= '0;
    end else begin
      hold_q   <= hold_d;
      hold_n_q <= hold_n_d;
      flush_q  <= flush_d;
      if (start_i) begin
        rd_q    <= '0;
        wr_q    <= '0;
        count_q <= '0;
      end else begin
        if (push) wr_q <= wr_q + 1'b1;
        if (pop) rd_q <= rd_q + 1'b1;
        count_q <= count_q + (AW+1)'(push) - (AW+1)'(pop);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (push && !start_i) fifo_q[wr_q] <= push_data;
  end

endmodule
