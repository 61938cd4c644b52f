// TCE DMA channel: fetches ring descriptors, copies through an AXI4 master in bursts of
// at most 16 beats that never cross 4 KiB, writes back STATUS, then advances RING_HEAD and
// raises DONE (spec section 4 ordering). This revision copies 8-byte-aligned source and
// destination and one burst at a time; unaligned or CRC descriptors halt as MALFORMED.
module tce_dma
  import tce_pkg::*;
  import tce_reg_pkg::*;
(
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        enable_i,
  input  logic        bus_master_i,
  input  ch_cfg_t     cfg_i,
  output ch_state_t   state_o,
  output logic        idle_o,
  // AXI4 master, read
  output logic        arvalid_o,
  input  logic        arready_i,
  output logic [47:0] araddr_o,
  output logic [7:0]  arlen_o,
  output logic [2:0]  arsize_o,
  output logic [1:0]  arburst_o,
  input  logic        rvalid_i,
  output logic        rready_o,
  input  logic [63:0] rdata_i,
  input  logic [1:0]  rresp_i,
  input  logic        rlast_i,
  // AXI4 master, write
  output logic        awvalid_o,
  input  logic        awready_i,
  output logic [47:0] awaddr_o,
  output logic [7:0]  awlen_o,
  output logic [2:0]  awsize_o,
  output logic [1:0]  awburst_o,
  output logic        wvalid_o,
  input  logic        wready_i,
  output logic [63:0] wdata_o,
  output logic [7:0]  wstrb_o,
  output logic        wlast_o,
  input  logic        bvalid_i,
  output logic        bready_o,
  input  logic [1:0]  bresp_i
);

  typedef enum logic [3:0] {
    StIdle, StDescAr, StDescR, StCheck, StRdAr, StRdR, StWrAw, StWrW, StWrB,
    StWbAw, StWbW, StWbB, StHalted
  } state_e;

  localparam logic [3:0] ErrDescFetch = 4'd1;
  localparam logic [3:0] ErrSrcRead   = 4'd2;
  localparam logic [3:0] ErrDstWrite  = 4'd3;
  localparam logic [3:0] ErrMalformed = 4'd4;
  localparam logic [3:0] ErrBadLength = 4'd5;
  localparam logic [3:0] ErrBadRing   = 4'd6;
  localparam logic [3:0] ErrWriteback = 4'd7;
  localparam logic [15:0] CtrlReservedMask = 16'hFFF8;

  state_e state_q, state_d;
  logic [11:0] head_q, head_d;
  logic [15:0] completed_q, completed_d;
  logic [3:0]  err_q, err_d;
  logic        resp_err_q, resp_err_d;
  logic        abort_q, abort_d;
  logic        ev_done_d, ev_err_d, ev_done_q, ev_err_q;
  // current descriptor
  logic [47:0] desc_addr_q, desc_addr_d;
  logic [47:0] src_q, src_d, dst_q, dst_d;
  logic [24:0] rem_q, rem_d;         // bytes still to copy
  logic [31:0] len_q, len_d;
  logic [31:0] ctrl_q, ctrl_d;
  // current burst
  logic [4:0]  beats_q, beats_d;     // beats in this burst (1..16)
  logic [4:0]  beat_q, beat_d;       // beat index within the burst
  logic [63:0] buf_q [16];
  logic        buf_we;

  logic [11:0] ring_mask;
  logic        ring_ok;
  logic [4:0]  burst_beats;

  assign ring_ok   = cfg_i.ring_size_log2 >= 4'd1 && cfg_i.ring_size_log2 <= 4'd12;
  assign ring_mask = 12'((13'd1 << cfg_i.ring_size_log2) - 13'd1);

  // Beats in the next burst: at most 16, the rest of the copy, and neither side crossing 4 KiB.
  function automatic logic [4:0] min_beats(input logic [24:0] rem, input logic [11:0] src,
                                           input logic [11:0] dst);
    logic [24:0] b;
    logic [10:0] to_src_page, to_dst_page;
    b = (rem + 25'd7) >> 3;
    to_src_page = 11'((13'h1000 - {1'b0, src}) >> 3);
    to_dst_page = 11'((13'h1000 - {1'b0, dst}) >> 3);
    if (b > 25'd16) b = 25'd16;
    if (b > 25'(to_src_page)) b = 25'(to_src_page);
    if (b > 25'(to_dst_page)) b = 25'(to_dst_page);
    return b[4:0];
  endfunction

  assign burst_beats = min_beats(rem_q, src_q[11:0], dst_q[11:0]);

  always_comb begin
    state_d     = state_q;
    head_d      = head_q;
    completed_d = completed_q;
    err_d       = err_q;
    resp_err_d  = resp_err_q;
    abort_d     = abort_q || cfg_i.reset;
    ev_done_d   = 1'b0;
    ev_err_d    = 1'b0;
    desc_addr_d = desc_addr_q;
    src_d       = src_q;
    dst_d       = dst_q;
    rem_d       = rem_q;
    len_d       = len_q;
    ctrl_d      = ctrl_q;
    beats_d     = beats_q;
    beat_d      = beat_q;
    buf_we      = 1'b0;

    arvalid_o = 1'b0;
    araddr_o  = '0;
    arlen_o   = '0;
    rready_o  = 1'b0;
    awvalid_o = 1'b0;
    awaddr_o  = '0;
    awlen_o   = '0;
    wvalid_o  = 1'b0;
    wdata_o   = '0;
    wstrb_o   = '0;
    wlast_o   = 1'b0;
    bready_o  = 1'b0;

    unique case (state_q)
      StIdle, StHalted: begin
        if (cfg_i.reset) begin
          state_d = StIdle;
          head_d  = '0;
          err_d   = '0;
          abort_d = 1'b0;
        end else if (state_q == StIdle && enable_i && bus_master_i && cfg_i.run) begin
          if (!ring_ok) begin
            err_d    = ErrBadRing;
            ev_err_d = 1'b1;
            state_d  = StHalted;
          end else if (head_q != (cfg_i.ring_tail & ring_mask)) begin
            desc_addr_d = cfg_i.ring_base + 48'(head_q) * 48'(DESC_BYTES);
            resp_err_d  = 1'b0;
            beat_d      = '0;
            state_d     = StDescAr;
          end
        end
      end

      StDescAr: begin
        arvalid_o = 1'b1;
        araddr_o  = desc_addr_q;
        arlen_o   = 8'(DESC_BYTES / 8 - 1);
        if (arready_i) state_d = StDescR;
      end

      StDescR: begin
        rready_o = 1'b1;
        if (rvalid_i) begin
          if (rresp_i != RespOkay) resp_err_d = 1'b1;
          unique case (beat_q[1:0])
            2'd0: src_d = rdata_i[47:0];
            2'd1: dst_d = rdata_i[47:0];
            2'd2: begin
              len_d  = rdata_i[31:0];
              ctrl_d = rdata_i[63:32];
            end
            default: ;
          endcase
          beat_d = beat_q + 5'd1;
          if (rlast_i) state_d = StCheck;
        end
      end

      StCheck: begin
        rem_d = len_q[24:0];
        if (abort_q) begin
          state_d = StIdle;
        end else if (resp_err_q) begin
          err_d    = ErrDescFetch;
          ev_err_d = 1'b1;
          state_d  = StHalted;
        end else if (len_q == 32'd0 || len_q > DESC_MAX_LEN) begin
          err_d   = ErrBadLength;
          state_d = StWbAw;
        end else if ((ctrl_q[15:0] & CtrlReservedMask) != '0 || ctrl_q[DESC_CTRL_CRC_LSB] ||
                     src_q[2:0] != '0 || dst_q[2:0] != '0) begin
          err_d   = ErrMalformed;
          state_d = StWbAw;
        end else begin
          state_d = StRdAr;
        end
      end

      StRdAr: begin
        arvalid_o = 1'b1;
        araddr_o  = src_q;
        arlen_o   = 8'(burst_beats) - 8'd1;
        beats_d   = burst_beats;
        beat_d    = '0;
        if (arready_i) state_d = StRdR;
      end

      StRdR: begin
        rready_o = 1'b1;
        if (rvalid_i) begin
          if (rresp_i != RespOkay) resp_err_d = 1'b1;
          buf_we = 1'b1;
          beat_d = beat_q + 5'd1;
          if (rlast_i) begin
            beat_d  = '0;
            state_d = resp_err_d ? StWbAw : StWrAw;
            if (resp_err_d) err_d = ErrSrcRead;
          end
        end
      end

      StWrAw: begin
        awvalid_o = 1'b1;
        awaddr_o  = dst_q;
        awlen_o   = 8'(beats_q) - 8'd1;
        if (awready_i) state_d = StWrW;
      end

      StWrW: begin
        wvalid_o = 1'b1;
        wdata_o  = buf_q[beat_q[3:0]];
        wstrb_o  = (rem_q >= 25'd8) ? 8'hFF : 8'((9'd1 << rem_q[2:0]) - 9'd1);
        wlast_o  = (beat_q == beats_q - 5'd1);
        if (wready_i) begin
          beat_d = beat_q + 5'd1;
          rem_d  = (rem_q >= 25'd8) ? rem_q - 25'd8 : '0;
          if (wlast_o) state_d = StWrB;
        end
      end

      StWrB: begin
        bready_o = 1'b1;
        if (bvalid_i) begin
          src_d = src_q + 48'(beats_q) * 48'd8;
          dst_d = dst_q + 48'(beats_q) * 48'd8;
          if (bresp_i != RespOkay) begin
            err_d   = ErrDstWrite;
            state_d = StWbAw;
          end else if (abort_q) begin
            state_d = StIdle;
          end else if (rem_q == '0) begin
            state_d = StWbAw;
          end else begin
            state_d = StRdAr;
          end
        end
      end

      StWbAw: begin
        awvalid_o = 1'b1;
        awaddr_o  = desc_addr_q + 48'(DESC_STATUS_OFFSET);
        awlen_o   = 8'd0;
        if (awready_i) state_d = StWbW;
      end

      StWbW: begin
        wvalid_o = 1'b1;
        wlast_o  = 1'b1;
        wstrb_o  = 8'h0F;  // STATUS only: CRC is written back only for CRC streams
        wdata_o[DESC_STATUS_DONE_LSB] = (err_q == '0);
        wdata_o[DESC_STATUS_ERR_LSB]  = (err_q != '0);
        wdata_o[DESC_STATUS_CODE_LSB +: DESC_STATUS_CODE_WIDTH] = err_q;
        wdata_o[DESC_STATUS_TAG_LSB +: DESC_STATUS_TAG_WIDTH] =
            ctrl_q[DESC_CTRL_TAG_LSB +: DESC_CTRL_TAG_WIDTH];
        if (wready_i) state_d = StWbB;
      end

      StWbB: begin
        bready_o = 1'b1;
        if (bvalid_i) begin
          if (bresp_i != RespOkay && err_q == '0) err_d = ErrWriteback;
          if (abort_q) begin
            state_d = StIdle;
          end else if (err_d != '0) begin
            ev_err_d = 1'b1;
            state_d  = StHalted;
          end else begin
            // The write-back has its response: now HEAD moves, then DONE is raised.
            head_d      = (head_q + 12'd1) & ring_mask;
            completed_d = completed_q + 16'd1;
            ev_done_d   = ctrl_q[DESC_CTRL_IRQ_LSB];
            state_d     = StIdle;
          end
        end
      end

      default: state_d = StIdle;
    endcase

    // An abort that reached its safe point leaves the channel empty and clean.
    if (abort_q && state_d == StIdle && state_q != StIdle) begin
      head_d  = '0;
      err_d   = '0;
      abort_d = 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q     <= StIdle;
      head_q      <= '0;
      completed_q <= '0;
      err_q       <= '0;
      resp_err_q  <= 1'b0;
      abort_q     <= 1'b0;
      desc_addr_q <= '0;
      src_q       <= '0;
      dst_q       <= '0;
      rem_q       <= '0;
      len_q       <= '0;
      ctrl_q      <= '0;
      beats_q     <= '0;
      beat_q      <= '0;
      ev_done_q   <= 1'b0;
      ev_err_q    <= 1'b0;
    end else begin
      state_q     <= state_d;
      head_q      <= head_d;
      completed_q <= completed_d;
      err_q       <= err_d;
      resp_err_q  <= resp_err_d;
      abort_q     <= abort_d;
      desc_addr_q <= desc_addr_d;
      src_q       <= src_d;
      dst_q       <= dst_d;
      rem_q       <= rem_d;
      len_q       <= len_d;
      ctrl_q      <= ctrl_d;
      beats_q     <= beats_d;
      beat_q      <= beat_d;
      ev_done_q   <= ev_done_d;
      ev_err_q    <= ev_err_d;
    end
  end

  always_ff @(posedge clk_i) begin
    if (buf_we) buf_q[beat_q[3:0]] <= rdata_i;
  end

  assign arsize_o  = 3'd3;  // 8-byte beats
  assign arburst_o = 2'b01; // INCR
  assign awsize_o  = 3'd3;
  assign awburst_o = 2'b01;

  assign state_o.active    = state_q != StIdle && state_q != StHalted;
  assign state_o.halted    = state_q == StHalted;
  assign state_o.err_code  = err_q;
  assign state_o.completed = completed_q;
  assign state_o.ring_head = head_q;
  assign state_o.ev_done   = ev_done_q;
  assign state_o.ev_err    = ev_err_q;
  assign idle_o            = state_q == StIdle || state_q == StHalted;

endmodule
