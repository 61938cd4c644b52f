// Types shared by the TCE blocks: what the register block hands the hardware and back.
package tce_pkg;
  import tce_reg_pkg::*;

  // Per-channel configuration, register block -> DMA engine.
  typedef struct packed {
    logic        run;
    logic        reset;           // one-cycle pulse from CH_CTRL.RESET (W1S)
    logic [47:0] ring_base;
    logic [3:0]  ring_size_log2;
    logic [11:0] ring_tail;
  } ch_cfg_t;

  // Per-channel state, DMA engine -> register block and interrupt controller.
  typedef struct packed {
    logic        active;
    logic        halted;
    err_code_e   err_code;
    logic [15:0] completed;
    logic [11:0] ring_head;
    logic        ev_done;         // one-cycle event pulses
    logic        ev_err;
  } ch_state_t;

  localparam int unsigned NumEvents = 9;

  // Beats of 8 bytes that cover `len` bytes starting at byte `offset` of a beat.
  function automatic logic [21:0] beats_of(input logic [2:0] offset, input logic [24:0] len);
    return 22'(({22'd0, offset} + 25'(len) + 25'd7) >> 3);
  endfunction

  // Beats of the next INCR burst: at most 16, at most those `left`, and never across the
  // 4 KiB boundary after the beat-aligned address whose page offset is `addr`.
  function automatic logic [4:0] burst_beats(input logic [21:0] left, input logic [11:0] addr);
    logic [9:0] to_page;
    logic [4:0] burst;
    to_page = 10'((13'h1000 - {1'b0, addr}) >> 3);
    burst = 5'd16;
    if (left < 22'd16) burst = left[4:0];
    if ({12'd0, to_page} < 22'(burst)) burst = to_page[4:0];
    return burst;
  endfunction

endpackage
