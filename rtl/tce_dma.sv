// The TCE DMA engine: one datapath shared by NUM_CH channel rings. Channels are served
// round robin, one descriptor at a time: a channel with work gets the engine after every
// other channel with work had its turn. For each descriptor: fetch it, check it, copy
// (tce_dma_reader -> tce_realign -> tce_dma_writer, with reads and writes in flight
// together), write back STATUS (and CRC), then move RING_HEAD, then raise DONE (spec
// section 4 ordering).
module tce_dma
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned NUM_CH          = 2,
  parameter int unsigned MAX_OUTSTANDING = 8,
  // Enough for the reads in flight to cover a memory latency of ~100 cycles at full rate.
  parameter int unsigned FIFO_DEPTH      = 128
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  `include "axi_mem_ports.svh"
  input  logic                   enable_i,
  input  logic                   bus_master_i,
  input  ch_cfg_t   [NUM_CH-1:0] cfg_i,
  output ch_state_t [NUM_CH-1:0] state_o,
  output logic                   idle_o,
  output logic                   resetting_o,  // a channel reset waits for its descriptor to drain
  output logic                   quiet_o       // no state changes while the inputs hold
);

  typedef enum logic [3:0] {
    StIdle, StFetchAr, StFetchR, StCheck, StCopy, StWbAw, StWbW, StWbB
  } state_e;

  localparam int unsigned ChW = NUM_CH > 1 ? $clog2(NUM_CH) : 1;
  localparam logic [15:0] CtrlReserved = 16'hFFF8;
  localparam int unsigned CW = $clog2(FIFO_DEPTH) + 1;

  // ---- per-channel state
  logic [NUM_CH-1:0][11:0] head_q;
  logic [NUM_CH-1:0][15:0] completed_q;
  err_code_e [NUM_CH-1:0]  err_q;
  logic [NUM_CH-1:0]       halted_q;
  logic [NUM_CH-1:0]       abort_q;     // reset requested while this channel's descriptor runs
  logic [NUM_CH-1:0][31:0] crc_q;       // running CRC state of the channel's stream
  logic [NUM_CH-1:0]       chain_q;     // the channel's last descriptor continued its stream
  logic [NUM_CH-1:0]       ev_done_q, ev_err_q;

  // ---- the descriptor in hand
  state_e      state_q;
  logic [ChW-1:0] ch_q, rr_q;
  logic [47:0] desc_q, src_q, dst_q;
  logic [31:0] len_q, ctrl_q, crc_cur_q;
  logic [1:0]  beat_q;
  logic        fetch_err_q;
  logic        addr_high_q;   // SRC or DST had bits 63:48 set
  err_code_e   code_q;
  logic        malformed, releasing;

  // ---- datapath
  logic        copy_start;
  logic        rd_arvalid, rd_rready, rd_busy, rd_err;
  logic [47:0] rd_araddr;
  logic [7:0]  rd_arlen;
  logic        beat_valid, beat_last;
  logic [63:0] beat_data;
  logic [2:0]  beat_first;
  logic [3:0]  beat_end;
  logic        word_valid, word_ready;
  logic [63:0] word;
  logic [CW-1:0] fifo_count;
  logic        wr_awvalid, wr_wvalid, wr_wlast, wr_bready, wr_busy, wr_err;
  logic [47:0] wr_awaddr;
  logic [7:0]  wr_awlen, wr_wstrb;
  logic [63:0] wr_wdata;
  logic [31:0] crc_next;
  logic        rd_quiet, wr_quiet, ra_quiet;

  function automatic logic ring_ok(input logic [3:0] log2);
    return log2 >= 4'd1 && log2 <= 4'd12;
  endfunction

  function automatic logic [11:0] ring_mask(input logic [3:0] log2);
    return 12'((13'd1 << log2) - 13'd1);
  endfunction

  // Which channels could start a descriptor now, and the next of them after rr_q.
  logic [NUM_CH-1:0] ready;
  logic [NUM_CH-1:0] bad_ring;
  logic              pick_valid;
  logic [ChW-1:0]    pick;
  always_comb begin
    for (int c = 0; c < int'(NUM_CH); c++) begin
      bad_ring[c] = cfg_i[c].run && !halted_q[c] && !ring_ok(cfg_i[c].ring_size_log2);
      ready[c]    = enable_i && bus_master_i && cfg_i[c].run && !halted_q[c] && !cfg_i[c].reset &&
                    ring_ok(cfg_i[c].ring_size_log2) &&
                    head_q[c] != (cfg_i[c].ring_tail & ring_mask(cfg_i[c].ring_size_log2));
    end
    pick_valid = 1'b0;
    pick       = '0;
    for (int i = 1; i <= int'(NUM_CH); i++) begin
      logic [ChW-1:0] c;
      c = ChW'((int'(rr_q) + i) % int'(NUM_CH));
      if (!pick_valid && ready[c]) begin
        pick_valid = 1'b1;
        pick       = c;
      end
    end
  end

  assign copy_start = state_q == StCheck && !abort_q[ch_q] && !fetch_err_q &&
                      len_q != '0 && len_q <= DESC_MAX_LEN && !malformed;
  // Reserved CTRL bits, or SRC or DST beyond the 48-bit bus (bits 63:48 set).
  assign malformed  = (ctrl_q[15:0] & CtrlReserved) != '0 || addr_high_q;

  // The engine lets go of its descriptor in this cycle and returns to Idle.
  assign releasing = (state_q == StCheck && (abort_q[ch_q] || fetch_err_q)) ||
                     (state_q == StCopy && abort_q[ch_q] && !copy_start && !rd_busy && !wr_busy) ||
                     (state_q == StWbB && m_axi_bvalid_i);

  tce_dma_reader #(
    .MAX_OUTSTANDING (MAX_OUTSTANDING),
    .FIFO_DEPTH      (FIFO_DEPTH)
  ) u_reader (
    .clk_i,
    .rst_ni,
    .start_i      (copy_start),
    .src_i        (src_q),
    .len_i        (len_q[24:0]),
    .stop_i       (wr_err || abort_q[ch_q]),
    .fifo_count_i (fifo_count),
    .arvalid_o    (rd_arvalid),
    .arready_i    (m_axi_arready_i && state_q == StCopy),
    .araddr_o     (rd_araddr),
    .arlen_o      (rd_arlen),
    .rvalid_i     (m_axi_rvalid_i && state_q == StCopy),
    .rready_o     (rd_rready),
    .rdata_i      (m_axi_rdata_i),
    .rresp_i      (m_axi_rresp_i),
    .rlast_i      (m_axi_rlast_i),
    .beat_valid_o (beat_valid),
    .beat_data_o  (beat_data),
    .beat_first_o (beat_first),
    .beat_end_o   (beat_end),
    .beat_last_o  (beat_last),
    .busy_o       (rd_busy),
    .quiet_o      (rd_quiet),
    .error_o      (rd_err)
  );

  tce_realign #(.DEPTH(FIFO_DEPTH)) u_realign (
    .clk_i,
    .rst_ni,
    .start_i     (copy_start),
    .dst_off_i   (dst_q[2:0]),
    .in_valid_i  (beat_valid),
    .in_data_i   (beat_data),
    .in_first_i  (beat_first),
    .in_end_i    (beat_end),
    .in_last_i   (beat_last),
    .out_valid_o (word_valid),
    .out_data_o  (word),
    .out_ready_i (word_ready),
    .count_o     (fifo_count),
    .quiet_o     (ra_quiet)
  );

  tce_dma_writer #(.FIFO_DEPTH(FIFO_DEPTH)) u_writer (
    .clk_i,
    .rst_ni,
    .start_i      (copy_start),
    .dst_i        (dst_q),
    .len_i        (len_q[24:0]),
    .stop_i       (rd_err || abort_q[ch_q]),
    .word_valid_i (word_valid),
    .word_i       (word),
    .word_ready_o (word_ready),
    .fifo_count_i (fifo_count),
    .awvalid_o    (wr_awvalid),
    .awready_i    (m_axi_awready_i && state_q == StCopy),
    .awaddr_o     (wr_awaddr),
    .awlen_o      (wr_awlen),
    .wvalid_o     (wr_wvalid),
    .wready_i     (m_axi_wready_i && state_q == StCopy),
    .wdata_o      (wr_wdata),
    .wstrb_o      (wr_wstrb),
    .wlast_o      (wr_wlast),
    .bvalid_i     (m_axi_bvalid_i && state_q == StCopy),
    .bready_o     (wr_bready),
    .bresp_i      (m_axi_bresp_i),
    .busy_o       (wr_busy),
    .quiet_o      (wr_quiet),
    .error_o      (wr_err)
  );

  tce_crc32c u_crc (
    .crc_i   (crc_cur_q),
    .data_i  (beat_data),
    .first_i (beat_first),
    .end_i   (beat_end),
    .crc_o   (crc_next)
  );

  // ---- the bus, by phase
  always_comb begin
    m_axi_arvalid_o = 1'b0;
    m_axi_araddr_o  = '0;
    m_axi_arlen_o   = '0;
    m_axi_rready_o  = 1'b0;
    m_axi_awvalid_o = 1'b0;
    m_axi_awaddr_o  = '0;
    m_axi_awlen_o   = '0;
    m_axi_wvalid_o  = 1'b0;
    m_axi_wdata_o   = '0;
    m_axi_wstrb_o   = '0;
    m_axi_wlast_o   = 1'b0;
    m_axi_bready_o  = 1'b0;
    unique case (state_q)
      StFetchAr: begin
        m_axi_arvalid_o = 1'b1;
        m_axi_araddr_o  = desc_q;
        m_axi_arlen_o   = 8'(DESC_BYTES / 8 - 1);
      end
      StFetchR: m_axi_rready_o = 1'b1;
      StCopy: begin
        m_axi_arvalid_o = rd_arvalid;
        m_axi_araddr_o  = rd_araddr;
        m_axi_arlen_o   = rd_arlen;
        m_axi_rready_o  = rd_rready;
        m_axi_awvalid_o = wr_awvalid;
        m_axi_awaddr_o  = wr_awaddr;
        m_axi_awlen_o   = wr_awlen;
        m_axi_wvalid_o  = wr_wvalid;
        m_axi_wdata_o   = wr_wdata;
        m_axi_wstrb_o   = wr_wstrb;
        m_axi_wlast_o   = wr_wlast;
        m_axi_bready_o  = wr_bready;
      end
      StWbAw: begin
        m_axi_awvalid_o = 1'b1;
        m_axi_awaddr_o  = desc_q + 48'(DESC_STATUS_OFFSET);
      end
      StWbW: begin
        m_axi_wvalid_o = 1'b1;
        m_axi_wlast_o  = 1'b1;
        m_axi_wstrb_o  = ctrl_q[DESC_CTRL_CRC_LSB] && code_q == ERR_CODE_NONE ? 8'hFF : 8'h0F;
        m_axi_wdata_o[DESC_STATUS_DONE_LSB] = code_q == ERR_CODE_NONE;
        m_axi_wdata_o[DESC_STATUS_ERR_LSB]  = code_q != ERR_CODE_NONE;
        m_axi_wdata_o[DESC_STATUS_CODE_LSB +: DESC_STATUS_CODE_WIDTH] = code_q;
        m_axi_wdata_o[DESC_STATUS_TAG_LSB +: DESC_STATUS_TAG_WIDTH] =
            ctrl_q[DESC_CTRL_TAG_LSB +: DESC_CTRL_TAG_WIDTH];
        m_axi_wdata_o[8 * (DESC_CRC_OFFSET - DESC_STATUS_OFFSET) +: 32] = ~crc_cur_q;  // CRC follows STATUS
      end
      StWbB: m_axi_bready_o = 1'b1;
      default: ;
    endcase
  end

  // ---- control
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q     <= StIdle;
      ch_q        <= '0;
      rr_q        <= ChW'(NUM_CH - 1);  // channel 0 goes first
      desc_q      <= '0;
      src_q       <= '0;
      dst_q       <= '0;
      len_q       <= '0;
      ctrl_q      <= '0;
      crc_cur_q   <= '1;
      beat_q      <= '0;
      fetch_err_q <= 1'b0;
      addr_high_q <= 1'b0;
      code_q      <= ERR_CODE_NONE;
      head_q      <= '0;
      completed_q <= '0;
      err_q       <= {NUM_CH{ERR_CODE_NONE}};
      halted_q    <= '0;
      abort_q     <= '0;
      crc_q       <= '1;
      chain_q     <= '0;
      ev_done_q   <= '0;
      ev_err_q    <= '0;
    end else begin
      ev_done_q <= '0;
      ev_err_q  <= '0;

      // Channel resets: at once for a channel not in the engine, else when its descriptor drained.
      for (int c = 0; c < int'(NUM_CH); c++) begin
        if (cfg_i[c].reset) begin
          if (state_q != StIdle && ch_q == ChW'(c)) begin
            abort_q[c] <= 1'b1;
          end else begin
            head_q[c]   <= '0;
            err_q[c]    <= ERR_CODE_NONE;
            halted_q[c] <= 1'b0;
            crc_q[c]    <= '1;
            chain_q[c]  <= 1'b0;
          end
        end
      end

      unique case (state_q)
        StIdle: begin
          // An invalid ring size halts a running channel (ERR_CODE 6), no descriptor read.
          for (int c = 0; c < int'(NUM_CH); c++) begin
            if (bad_ring[c] && !cfg_i[c].reset) begin
              halted_q[c] <= 1'b1;
              err_q[c]    <= ERR_CODE_BAD_RING;
              ev_err_q[c] <= 1'b1;
            end
          end
          if (pick_valid) begin
            ch_q        <= pick;
            rr_q        <= pick;
            desc_q      <= cfg_i[pick].ring_base + 48'(head_q[pick]) * 48'(DESC_BYTES);
            beat_q      <= '0;
            fetch_err_q <= 1'b0;
            addr_high_q <= 1'b0;
            crc_cur_q   <= chain_q[pick] ? crc_q[pick] : '1;
            state_q     <= StFetchAr;
          end
        end

        StFetchAr: if (m_axi_arready_i) state_q <= StFetchR;

        StFetchR: if (m_axi_rvalid_i) begin
          if (m_axi_rresp_i != AXI_RESP_OKAY) fetch_err_q <= 1'b1;
          unique case (beat_q)
            2'd0: begin
              src_q <= m_axi_rdata_i[47:0];
              if (m_axi_rdata_i[63:48] != '0) addr_high_q <= 1'b1;
            end
            2'd1: begin
              dst_q <= m_axi_rdata_i[47:0];
              if (m_axi_rdata_i[63:48] != '0) addr_high_q <= 1'b1;
            end
            2'd2: begin
              len_q  <= m_axi_rdata_i[31:0];
              ctrl_q <= m_axi_rdata_i[63:32];
            end
            default: ;
          endcase
          beat_q <= beat_q + 2'd1;
          if (m_axi_rlast_i) state_q <= StCheck;
        end

        StCheck: begin
          code_q <= ERR_CODE_NONE;
          if (abort_q[ch_q]) begin
            state_q <= StIdle;
          end else if (fetch_err_q) begin
            halted_q[ch_q] <= 1'b1;  // where the descriptor is cannot be trusted: no write-back
            err_q[ch_q]    <= ERR_CODE_DESC_FETCH;
            ev_err_q[ch_q] <= 1'b1;
            state_q        <= StIdle;
          end else if (len_q == '0 || len_q > DESC_MAX_LEN) begin
            code_q  <= ERR_CODE_BAD_LENGTH;
            state_q <= StWbAw;
          end else if (malformed) begin
            code_q  <= ERR_CODE_MALFORMED;
            state_q <= StWbAw;
          end else begin
            state_q <= StCopy;  // copy_start pulses in this cycle
          end
        end

        StCopy: begin
          if (beat_valid && ctrl_q[DESC_CTRL_CRC_LSB]) crc_cur_q <= crc_next;
          if (!copy_start && !rd_busy && !wr_busy) begin
            code_q  <= rd_err ? ERR_CODE_SRC_READ : wr_err ? ERR_CODE_DST_WRITE : ERR_CODE_NONE;
            state_q <= abort_q[ch_q] ? StIdle : StWbAw;
          end
        end

        StWbAw: if (m_axi_awready_i) state_q <= StWbW;
        StWbW:  if (m_axi_wready_i) state_q <= StWbB;

        StWbB: if (m_axi_bvalid_i) begin
          state_q <= StIdle;
          if (!abort_q[ch_q]) begin
            if (code_q == ERR_CODE_NONE && m_axi_bresp_i == AXI_RESP_OKAY) begin
              // The write-back has its response: now HEAD moves, then DONE is raised.
              head_q[ch_q]      <= (head_q[ch_q] + 12'd1) & ring_mask(cfg_i[ch_q].ring_size_log2);
              completed_q[ch_q] <= completed_q[ch_q] + 16'd1;
              ev_done_q[ch_q]   <= ctrl_q[DESC_CTRL_IRQ_LSB];
              crc_q[ch_q]       <= crc_cur_q;
              chain_q[ch_q]     <= ctrl_q[DESC_CTRL_CHAIN_LSB];
            end else begin
              halted_q[ch_q] <= 1'b1;
              err_q[ch_q]    <= code_q != ERR_CODE_NONE ? code_q : ERR_CODE_WRITEBACK;
              ev_err_q[ch_q] <= 1'b1;
            end
          end
        end

        default: state_q <= StIdle;
      endcase

      // A reset that waited for its descriptor, or one that arrives in the very cycle the
      // engine lets the descriptor go (e.g. the write-back's B handshake): the channel starts
      // empty and clean. The reset pulse is seen once only, so it cannot wait for Idle.
      if (releasing && (abort_q[ch_q] || cfg_i[ch_q].reset)) begin
        abort_q[ch_q]   <= 1'b0;
        head_q[ch_q]    <= '0;
        err_q[ch_q]     <= ERR_CODE_NONE;
        halted_q[ch_q]  <= 1'b0;
        crc_q[ch_q]     <= '1;
        chain_q[ch_q]   <= 1'b0;
        ev_done_q[ch_q] <= 1'b0;
        ev_err_q[ch_q]  <= 1'b0;
        state_q         <= StIdle;
      end
    end
  end

  assign m_axi_arsize_o  = 3'd3;   // 8-byte beats
  assign m_axi_arburst_o = 2'b01;  // INCR
  assign m_axi_awsize_o  = 3'd3;
  assign m_axi_awburst_o = 2'b01;

  for (genvar c = 0; c < NUM_CH; c++) begin : g_state
    assign state_o[c].active    = state_q != StIdle && ch_q == ChW'(c);
    assign state_o[c].halted    = halted_q[c];
    assign state_o[c].err_code  = err_q[c];
    assign state_o[c].completed = completed_q[c];
    assign state_o[c].ring_head = head_q[c];
    assign state_o[c].ev_done   = ev_done_q[c];
    assign state_o[c].ev_err    = ev_err_q[c];
  end
  assign idle_o      = state_q == StIdle;
  assign resetting_o = |abort_q;

  // Idle with no channel to start, halt or reset, no event pulse to end, and the datapath
  // stopped: nothing here changes until a register write or a doorbell.
  logic [NUM_CH-1:0] resets;
  for (genvar c = 0; c < NUM_CH; c++) begin : g_resets
    assign resets[c] = cfg_i[c].reset;
  end
  assign quiet_o = state_q == StIdle && !pick_valid && bad_ring == '0 && resets == '0 && abort_q == '0 &&
                   ev_done_q == '0 && ev_err_q == '0 && rd_quiet && wr_quiet && ra_quiet;

endmodule
