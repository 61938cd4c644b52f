// TCE register block: the generated tce_reg_block (decode, storage, read mux and access
// types of every register in rtl/tce_regs.toml) plus what is special to this device: power
// states with D3 gating and context loss (spec section 7), SOFT_RESET, the RING_TAIL
// doorbell bound, and erratum E1's phantom channels on REVISION 1. Hardware sees it only
// through the tce_pkg structs and a few named signals.
module tce_regs
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned NUM_CH   = 2,
  parameter int unsigned NUM_VEC  = 2,
  parameter int unsigned REVISION = 2,
  localparam int unsigned AW      = CsrAddrWidth
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  // register requests from the bus front end
  input  logic                 we_i,
  input  logic [AW-1:0]        waddr_i,
  input  logic [31:0]          wdata_i,
  input  logic [3:0]           wstrb_i,
  output axi_resp_e            wresp_o,
  input  logic                 re_i,
  input  logic [AW-1:0]        raddr_i,
  output logic [31:0]          rdata_o,
  output axi_resp_e            rresp_o,
  // hardware
  output logic                 enable_o,
  output logic                 bus_master_o,
  output ch_cfg_t [NUM_CH-1:0] ch_cfg_o,
  input  ch_state_t [NUM_CH-1:0] ch_state_i,
  input  logic                 dma_idle_i,
  input  logic                 dma_resetting_i,
  // interrupt controller
  input  logic [NumEvents-1:0] irq_status_i,
  output logic [NumEvents-1:0] irq_enable_o,
  output logic [NumEvents-1:0] irq_clear_o,
  output logic [NumEvents-1:0] irq_test_o,
  output logic [2*NumEvents-1:0] irq_vec_map_o,
  output logic [3:0]           irq_pulse_o,
  output logic [NUM_VEC-1:0][7:0]  coal_count_o,
  output logic [NUM_VEC-1:0][15:0] coal_timer_o,
  // power
  output logic                 d3_o,           // in D3: interrupts silent
  output logic                 context_lost_o, // one cycle: D3 entry or SOFT_RESET resets the device's state
  output logic                 pm_done_o,      // one cycle: a power transition finished
  output logic                 quiet_o         // no state changes while the inputs hold
);

  localparam int unsigned WakeCycles = 64;

  // Channels beyond NUM_CH have nothing to hand the hardware.
  /* verilator lint_off UNUSEDSIGNAL */
  tce_reg2hw_t reg2hw;
  tce_sw2hw_t  sw2hw;
  /* verilator lint_on UNUSEDSIGNAL */
  tce_hw2reg_t hw2reg;
  axi_resp_e   blk_wresp, blk_rresp;
  logic [31:0] blk_rdata;
  logic        wrefuse, rrefuse, ctx_rst;

  // ---- power states (spec section 7)
  pm_state_e  pm_req_q, pm_state_q, pm_req;
  logic       pm_busy_q, pm_refused_q, pm_write, d3_entry, in_d3;
  logic [6:0] wake_q;

  assign in_d3  = pm_state_q == PM_STATE_D3 || pm_busy_q;
  assign pm_req = pm_state_e'(sw2hw.pm_ctrl.state);
  // Writes during a wake-up answer OKAY and change nothing: the wake-up runs its 64 cycles.
  assign pm_write = sw2hw.pm_ctrl.state_we && !pm_busy_q;
  // Entering D3 needs an idle device; the context goes with it.
  assign d3_entry = pm_write && pm_req == PM_STATE_D3 && pm_state_q == PM_STATE_D0 && dma_idle_i;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      pm_req_q     <= PM_STATE_D0;
      pm_state_q   <= PM_STATE_D0;
      pm_busy_q    <= 1'b0;
      pm_refused_q <= 1'b0;
      wake_q       <= '0;
      pm_done_o    <= 1'b0;
    end else begin
      pm_done_o <= 1'b0;
      if (pm_write) begin
        pm_req_q     <= pm_req;
        pm_refused_q <= 1'b0;  // sticky until the next request
        if (pm_req == PM_STATE_D3 && pm_state_q == PM_STATE_D0) begin
          if (d3_entry) pm_state_q <= PM_STATE_D3;
          else pm_refused_q <= 1'b1;
        end
        if (pm_req == PM_STATE_D0 && pm_state_q == PM_STATE_D3) begin
          pm_busy_q <= 1'b1;
          wake_q    <= 7'(WakeCycles - 1);
        end
      end
      if (pm_busy_q) begin
        if (wake_q == '0) begin
          pm_busy_q  <= 1'b0;
          pm_state_q <= PM_STATE_D0;
          pm_done_o  <= 1'b1;
        end else begin
          wake_q <= wake_q - 7'd1;
        end
      end
    end
  end

  // ---- SOFT_RESET: the registers reset at once; the DMA engine and the interrupt
  // controller once the channel resets it started have drained (no burst is cut short).
  logic soft_reset, soft_pending_q, core_reset;
  assign soft_reset = sw2hw.ctrl.soft_reset;
  assign core_reset = (soft_reset || soft_pending_q) && dma_idle_i && !dma_resetting_i;
  always_ff @(posedge clk_i) begin
    if (!rst_ni || core_reset) soft_pending_q <= 1'b0;
    else if (soft_reset) soft_pending_q <= 1'b1;
  end
  assign ctx_rst        = soft_reset || d3_entry;
  assign context_lost_o = core_reset || d3_entry;

  // ---- special access rules
  function automatic logic [11:0] ring_entries_max(input logic [3:0] log2);
    // An invalid size halts the channel on RUN; until then the doorbell check is open.
    if (log2 == 4'd0 || log2 > 4'd12) return 12'hFFF;
    return 12'((13'd1 << log2) - 13'd1);
  endfunction

  // Erratum E1: REVISION 1 decodes all four channel blocks; registers of channels it
  // lacks, read-only ones included, ignore writes and read 0, answering OKAY.
  function automatic logic phantom(input logic [AW-1:0] a);
    return REVISION == 1 && num_ch_instance(a) >= NUM_CH && num_ch_instance(a) < MaxChannels;
  endfunction

  // Judged only on a handshake (the block looks at a refusal only then): a quiet port
  // costs the model one test per evaluation.
  always_comb begin
    wrefuse = 1'b0;
    if (we_i) begin
      wrefuse = (in_d3 && !in_power_domain(waddr_i)) ||
                (waddr_i == PM_CTRL_OFFSET && !pm_busy_q && wdata_i[1:0] inside {2'd1, 2'd2});
      for (int c = 0; c < int'(NUM_CH); c++) begin
        if (waddr_i == RING_TAIL_OFFSET + AW'(c * RING_TAIL_STRIDE) &&
            (wdata_i[11:0] > ring_entries_max(reg2hw.ring_size_log2[c].log2) || wdata_i[31:12] != '0)) begin
          wrefuse = 1'b1;  // the doorbell past the ring
        end
      end
    end
  end
  assign rrefuse = re_i && in_d3 && !in_power_domain(raddr_i);

  always_comb begin
    wresp_o = blk_wresp;
    if (phantom(waddr_i)) wresp_o = in_d3 || wstrb_i != 4'hF ? AXI_RESP_SLVERR : AXI_RESP_OKAY;
    rresp_o = blk_rresp;
    if (phantom(raddr_i)) rresp_o = in_d3 ? AXI_RESP_SLVERR : AXI_RESP_OKAY;
    // Only D3 refuses a read: it reads all ones.
    rdata_o = rresp_o == AXI_RESP_SLVERR ? '1 : blk_rdata;
  end

  tce_reg_block #(
    .NUM_CH  (NUM_CH),
    .NUM_VEC (NUM_VEC)
  ) u_block (
    .clk_i,
    .rst_ni,
    .ctx_rst_i (ctx_rst),
    .we_i,
    .waddr_i,
    .wdata_i,
    .wstrb_i,
    .wrefuse_i (wrefuse),
    .wresp_o   (blk_wresp),
    .re_i,
    .raddr_i,
    .rrefuse_i (rrefuse),
    .rdata_o   (blk_rdata),
    .rresp_o   (blk_rresp),
    .reg2hw_o  (reg2hw),
    .sw2hw_o   (sw2hw),
    .hw2reg_i  (hw2reg)
  );

  // ---- what the hardware shows the registers
  always_comb begin
    hw2reg = '0;
    hw2reg.version.revision   = 8'(REVISION);
    hw2reg.caps.channels      = REVISION == 1 ? 4'(MaxChannels) : 4'(NUM_CH);
    hw2reg.caps.vectors       = 4'(NUM_VEC);
    hw2reg.status.idle        = dma_idle_i;
    hw2reg.status.reset_busy  = dma_resetting_i || soft_pending_q;
    hw2reg.pm_ctrl.state      = pm_req_q;
    hw2reg.pm_status.state    = pm_state_q;
    hw2reg.pm_status.transition_busy = pm_busy_q;
    hw2reg.pm_status.pm_refused      = pm_refused_q;
    for (int c = 0; c < int'(MaxChannels); c++) begin
      hw2reg.irq_status.ch_done[c] = irq_status_i[IRQ_STATUS_CH_DONE_LSB(c)];
      hw2reg.irq_status.ch_err[c]  = irq_status_i[IRQ_STATUS_CH_ERR_LSB(c)];
    end
    hw2reg.irq_status.pm_done     = irq_status_i[IRQ_STATUS_PM_DONE_LSB];
    hw2reg.irq_pending.events     = irq_status_i & reg2hw.irq_enable.events;
    hw2reg.irq_status_rc.events   = irq_status_i & reg2hw.irq_enable.events;
    for (int c = 0; c < int'(NUM_CH); c++) begin
      hw2reg.ch_status[c].active    = ch_state_i[c].active;
      hw2reg.ch_status[c].halted    = ch_state_i[c].halted;
      hw2reg.ch_status[c].err_code  = ch_state_i[c].err_code;
      hw2reg.ch_status[c].completed = ch_state_i[c].completed;
      hw2reg.ring_head[c].index     = ch_state_i[c].ring_head;
    end
  end

  // ---- to the hardware
  assign enable_o     = reg2hw.ctrl.enable;
  assign bus_master_o = reg2hw.ctrl.bus_master;
  assign irq_enable_o = reg2hw.irq_enable.events;
  assign irq_test_o   = sw2hw.irq_test.events;
  assign irq_vec_map_o = reg2hw.irq_vec_map.vec;
  assign irq_pulse_o  = reg2hw.irq_mode.pulse;
  assign d3_o         = in_d3;
  // No register request, no wake-up counting, no PM_DONE pulse to end, no SOFT_RESET
  // waiting for the engine: the registers change only through the bus.
  assign quiet_o      = !we_i && !re_i && !pm_busy_q && !pm_done_o && !soft_pending_q;

  // A W1C write and an RC read in the same cycle clear both what was written and what was read.
  logic [NumEvents-1:0] w1c_clear;
  for (genvar c = 0; c < MaxChannels; c++) begin : g_w1c
    assign w1c_clear[IRQ_STATUS_CH_DONE_LSB(c)] = sw2hw.irq_status.ch_done[c];
    assign w1c_clear[IRQ_STATUS_CH_ERR_LSB(c)]  = sw2hw.irq_status.ch_err[c];
  end
  assign w1c_clear[IRQ_STATUS_PM_DONE_LSB] = sw2hw.irq_status.pm_done;
  assign irq_clear_o = w1c_clear | sw2hw.irq_status_rc.events;

  for (genvar v = 0; v < NUM_VEC; v++) begin : g_coal
    assign coal_count_o[v] = reg2hw.irq_coalesce[v].count;
    assign coal_timer_o[v] = reg2hw.irq_coalesce[v].timer;
  end

  for (genvar c = 0; c < NUM_CH; c++) begin : g_ch_cfg
    assign ch_cfg_o[c].run            = reg2hw.ch_ctrl[c].run;
    assign ch_cfg_o[c].reset          = soft_reset || sw2hw.ch_ctrl[c].reset;
    assign ch_cfg_o[c].ring_base      = {reg2hw.ring_base_hi[c].addr, reg2hw.ring_base_lo[c].addr, 6'b0};
    assign ch_cfg_o[c].ring_size_log2 = reg2hw.ring_size_log2[c].log2;
    assign ch_cfg_o[c].ring_tail      = reg2hw.ring_tail[c].index;
  end

endmodule
