// Types shared by the TCE blocks: what the register block hands the hardware and back.
package tce_pkg;

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
    logic [3:0]  err_code;
    logic [15:0] completed;
    logic [11:0] ring_head;
    logic        ev_done;         // one-cycle event pulses
    logic        ev_err;
  } ch_state_t;

  localparam int unsigned NumEvents = 9;

  // AXI response codes.
  localparam logic [1:0] RespOkay = 2'b00;
  localparam logic [1:0] RespSlvErr = 2'b10;
  localparam logic [1:0] RespDecErr = 2'b11;

endpackage
