// TCE register block: the access semantics of spec sections 2, 3 and 7 over the offsets
// and fields of the generated tce_reg_pkg. Hardware sees it only through the tce_pkg
// structs and a few named signals.
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
  output logic [1:0]           wresp_o,
  input  logic                 re_i,
  input  logic [AW-1:0]        raddr_i,
  output logic [31:0]          rdata_o,
  output logic [1:0]           rresp_o,
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
  output logic                 context_lost_o, // one cycle: entering D3 resets the device's state
  output logic                 pm_done_o       // one cycle: a power transition finished
);

  typedef enum logic [4:0] {
    RegNone, RegId, RegVersion, RegCaps, RegScratch, RegCtrl, RegStatus, RegPmCtrl, RegPmStatus,
    RegIrqStatus, RegIrqEnable, RegIrqPending, RegIrqStatusRc, RegIrqTest, RegIrqVecMap, RegIrqMode,
    RegIrqCoalesce, RegChCtrl, RegChStatus, RegRingBaseLo, RegRingBaseHi, RegRingSizeLog2, RegRingHead,
    RegRingTail
  } reg_e;

  localparam int unsigned ChW = 2;  // channel index width: up to 4 channel blocks
  localparam int unsigned VIW = NUM_VEC > 1 ? $clog2(NUM_VEC) : 1;  // index into this instance's vectors
  localparam int unsigned CIW = NUM_CH > 1 ? $clog2(NUM_CH) : 1;    // ... and channels
  // Revision 1 (erratum E1) decodes all four channel blocks; channels it does not have
  // ignore writes and read 0.
  localparam int unsigned ChBlocks = REVISION == 1 ? MaxChannels : NUM_CH;
  localparam logic [AW-1:0] ChBase = CH_CTRL_OFFSET;
  localparam logic [AW-1:0] ChEnd = ChBase + AW'(ChBlocks) * AW'(CH_CTRL_STRIDE);
  localparam logic [AW-1:0] CoalBase = IRQ_COALESCE_OFFSET;
  localparam logic [AW-1:0] CoalEnd = CoalBase + AW'(NUM_VEC) * AW'(IRQ_COALESCE_STRIDE);
  localparam int unsigned WakeCycles = 64;
  localparam logic [1:0] StateD0 = 2'd0;
  localparam logic [1:0] StateD3 = 2'd3;

  function automatic logic [AW-1:0] ch_local(input logic [AW-1:0] offset);
    return offset - ChBase;
  endfunction

  function automatic reg_e decode(input logic [AW-1:0] a);
    logic [AW-1:0] local_off;
    if (a >= ChBase && a < ChEnd) begin
      local_off = (a - ChBase) & (AW'(CH_CTRL_STRIDE) - 1'b1);
      unique case (local_off)
        ch_local(CH_CTRL_OFFSET):        return RegChCtrl;
        ch_local(CH_STATUS_OFFSET):      return RegChStatus;
        ch_local(RING_BASE_LO_OFFSET):   return RegRingBaseLo;
        ch_local(RING_BASE_HI_OFFSET):   return RegRingBaseHi;
        ch_local(RING_SIZE_LOG2_OFFSET): return RegRingSizeLog2;
        ch_local(RING_HEAD_OFFSET):      return RegRingHead;
        ch_local(RING_TAIL_OFFSET):      return RegRingTail;
        default:                         return RegNone;
      endcase
    end
    if (a >= CoalBase && a < CoalEnd && a[1:0] == 2'b00) return RegIrqCoalesce;
    unique case (a)
      ID_OFFSET:            return RegId;
      VERSION_OFFSET:       return RegVersion;
      CAPS_OFFSET:          return RegCaps;
      SCRATCH_OFFSET:       return RegScratch;
      CTRL_OFFSET:          return RegCtrl;
      STATUS_OFFSET:        return RegStatus;
      PM_CTRL_OFFSET:       return RegPmCtrl;
      PM_STATUS_OFFSET:     return RegPmStatus;
      IRQ_STATUS_OFFSET:    return RegIrqStatus;
      IRQ_ENABLE_OFFSET:    return RegIrqEnable;
      IRQ_PENDING_OFFSET:   return RegIrqPending;
      IRQ_STATUS_RC_OFFSET: return RegIrqStatusRc;
      IRQ_TEST_OFFSET:      return RegIrqTest;
      IRQ_VEC_MAP_OFFSET:   return RegIrqVecMap;
      IRQ_MODE_OFFSET:      return RegIrqMode;
      default:              return RegNone;
    endcase
  endfunction

  // Channel (or vector) number of an array register; meaningful only inside its array.
  localparam int unsigned ChShift = $clog2(CH_CTRL_STRIDE);
  function automatic logic [ChW-1:0] ch_index(input logic [AW-1:0] a);
    // Only the index bits of the relative offset matter here.
    /* verilator lint_off UNUSEDSIGNAL */
    logic [AW-1:0] rel;
    /* verilator lint_on UNUSEDSIGNAL */
    rel = a - ChBase;
    return rel[ChShift +: ChW];
  endfunction
  function automatic logic [VIW-1:0] vec_index(input logic [AW-1:0] a);
    /* verilator lint_off UNUSEDSIGNAL */
    logic [AW-1:0] rel;
    /* verilator lint_on UNUSEDSIGNAL */
    rel = a - CoalBase;
    return rel[2 +: VIW];
  endfunction

  function automatic logic [11:0] ring_entries_max(input logic [3:0] log2);
    // An invalid size halts the channel on RUN; until then the doorbell check is open.
    if (log2 == 4'd0 || log2 > 4'd12) return 12'hFFF;
    return 12'((13'd1 << log2) - 13'd1);
  endfunction

  // Registers that stay reachable, and keep their value, in D3.
  function automatic logic power_domain(input reg_e r);
    return r == RegId || r == RegVersion || r == RegCaps || r == RegPmCtrl || r == RegPmStatus;
  endfunction

  // ---- storage
  logic [31:0] scratch_q;
  logic        enable_q, bus_master_q;
  logic [NumEvents-1:0] irq_enable_q;
  logic [2*NumEvents-1:0] vec_map_q;
  logic [3:0]  pulse_q;
  logic [NUM_VEC-1:0][7:0]  coal_count_q;
  logic [NUM_VEC-1:0][15:0] coal_timer_q;
  logic [NUM_CH-1:0]        run_q;
  logic [NUM_CH-1:0][31:6]  base_lo_q;
  logic [NUM_CH-1:0][15:0]  base_hi_q;
  logic [NUM_CH-1:0][3:0]   size_log2_q;
  logic [NUM_CH-1:0][11:0]  tail_q;
  logic [1:0]  pm_req_q, pm_state_q;
  logic        pm_busy_q, pm_refused_q;
  logic [6:0]  wake_q;

  logic in_d3;
  assign in_d3 = pm_state_q == StateD3 || pm_busy_q;

  // ---- write decode
  reg_e           wreg;
  logic [ChW-1:0] wch;
  logic [VIW-1:0] wvec;
  logic           wexists;  // a channel block this instance has (revision 1 decodes phantoms)
  logic           wok, soft_reset, d3_entry;
  logic [NUM_CH-1:0] ch_reset;

  assign wreg    = decode(waddr_i);
  assign wch     = ch_index(waddr_i);
  assign wvec    = vec_index(waddr_i);
  assign wexists = int'(wch) < int'(NUM_CH);

  always_comb begin
    wresp_o = RespOkay;
    unique case (wreg)
      RegNone: wresp_o = RespDecErr;
      RegId, RegVersion, RegCaps, RegStatus, RegPmStatus, RegIrqPending, RegIrqStatusRc, RegChStatus,
      RegRingHead: wresp_o = RespSlvErr;
      RegPmCtrl:
        if (wdata_i[1:0] == 2'd1 || wdata_i[1:0] == 2'd2) wresp_o = RespSlvErr;
      RegRingTail:
        if (wexists && (wdata_i[11:0] > ring_entries_max(size_log2_q[CIW'(wch)]) || wdata_i[31:12] != '0))
          wresp_o = RespSlvErr;
      default: ;
    endcase
    if (wreg != RegNone && wstrb_i != 4'hF) wresp_o = RespSlvErr;
    if (in_d3 && wreg != RegNone && !power_domain(wreg)) wresp_o = RespSlvErr;
  end

  assign wok        = we_i && wresp_o == RespOkay;
  assign soft_reset = wok && wreg == RegCtrl && wdata_i[CTRL_SOFT_RESET_LSB];
  // Entering D3 needs an idle device; the context goes with it.
  assign d3_entry   = wok && wreg == RegPmCtrl && wdata_i[1:0] == StateD3 && pm_state_q == StateD0 &&
                      !pm_busy_q && dma_idle_i;
  for (genvar c = 0; c < NUM_CH; c++) begin : g_ch_reset
    assign ch_reset[c] = soft_reset ||
                         (wok && wreg == RegChCtrl && wch == ChW'(c) && wdata_i[CH_CTRL_RESET_LSB]);
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni || soft_reset || d3_entry) begin
      scratch_q    <= SCRATCH_RESVAL;
      enable_q     <= 1'b0;
      bus_master_q <= 1'b0;
      irq_enable_q <= '0;
      vec_map_q    <= '0;
      pulse_q      <= '0;
      coal_count_q <= '0;
      coal_timer_q <= '0;
      run_q        <= '0;
      base_lo_q    <= '0;
      base_hi_q    <= '0;
      size_log2_q  <= '0;
      tail_q       <= '0;
    end else if (wok && (wexists || !(wreg inside {RegChCtrl, RegRingBaseLo, RegRingBaseHi, RegRingSizeLog2,
                                                   RegRingTail}))) begin
      unique case (wreg)
        RegScratch:   scratch_q <= wdata_i;
        RegCtrl: begin
          enable_q     <= wdata_i[CTRL_ENABLE_LSB];
          bus_master_q <= wdata_i[CTRL_BUS_MASTER_LSB];
        end
        RegIrqEnable:   irq_enable_q <= wdata_i[NumEvents-1:0];
        RegIrqVecMap:   vec_map_q <= wdata_i[2*NumEvents-1:0];
        RegIrqMode:     pulse_q <= wdata_i[3:0];
        RegIrqCoalesce: begin
          coal_count_q[wvec] <= wdata_i[IRQ_COALESCE_COUNT_LSB +: IRQ_COALESCE_COUNT_WIDTH];
          coal_timer_q[wvec] <= wdata_i[IRQ_COALESCE_TIMER_LSB +: IRQ_COALESCE_TIMER_WIDTH];
        end
        RegChCtrl: begin
          run_q[CIW'(wch)] <= wdata_i[CH_CTRL_RUN_LSB];
          if (wdata_i[CH_CTRL_RESET_LSB]) tail_q[CIW'(wch)] <= '0;
        end
        RegRingBaseLo:   base_lo_q[CIW'(wch)]   <= wdata_i[31:6];
        RegRingBaseHi:   base_hi_q[CIW'(wch)]   <= wdata_i[15:0];
        RegRingSizeLog2: size_log2_q[CIW'(wch)] <= wdata_i[3:0];
        RegRingTail:     tail_q[CIW'(wch)]      <= wdata_i[11:0];
        default: ;
      endcase
    end
  end

  // ---- power states (spec section 7)
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      pm_req_q     <= StateD0;
      pm_state_q   <= StateD0;
      pm_busy_q    <= 1'b0;
      pm_refused_q <= 1'b0;
      wake_q       <= '0;
      pm_done_o    <= 1'b0;
    end else begin
      pm_done_o <= 1'b0;
      // During a wake-up, PM_CTRL writes answer OKAY and change nothing: it takes 64 cycles.
      if (wok && wreg == RegPmCtrl && !pm_busy_q) begin
        pm_req_q     <= wdata_i[1:0];
        pm_refused_q <= 1'b0;  // sticky until the next request
        if (wdata_i[1:0] == StateD3 && pm_state_q == StateD0 && !pm_busy_q) begin
          if (d3_entry) pm_state_q <= StateD3;
          else pm_refused_q <= 1'b1;
        end
        if (wdata_i[1:0] == StateD0 && pm_state_q == StateD3 && !pm_busy_q) begin
          pm_busy_q <= 1'b1;
          wake_q    <= 7'(WakeCycles - 1);
        end
      end else if (pm_busy_q) begin
        if (wake_q == '0) begin
          pm_busy_q  <= 1'b0;
          pm_state_q <= StateD0;
          pm_done_o  <= 1'b1;
        end else begin
          wake_q <= wake_q - 7'd1;
        end
      end
    end
  end

  // ---- read decode
  reg_e            rreg;
  logic [ChW-1:0]  rch;
  logic [VIW-1:0] rvec;
  logic            rexists;
  logic [NumEvents-1:0] pending;

  assign rreg    = decode(raddr_i);
  assign rch     = ch_index(raddr_i);
  assign rvec    = vec_index(raddr_i);
  assign rexists = int'(rch) < int'(NUM_CH);
  assign pending = irq_status_i & irq_enable_q;

  always_comb begin
    rdata_o = '0;
    rresp_o = RespOkay;
    unique case (rreg)
      RegNone:    rresp_o = RespDecErr;
      RegId:      rdata_o = ID_RESVAL;
      RegVersion: rdata_o[VERSION_REVISION_LSB +: VERSION_REVISION_WIDTH] = 8'(REVISION);
      RegCaps: begin
        rdata_o = CAPS_RESVAL;
        rdata_o[CAPS_CHANNELS_LSB +: CAPS_CHANNELS_WIDTH] = REVISION == 1 ? 4'(MaxChannels) : 4'(NUM_CH);
        rdata_o[CAPS_VECTORS_LSB +: CAPS_VECTORS_WIDTH]   = 4'(NUM_VEC);
      end
      RegScratch: rdata_o = scratch_q;
      RegCtrl: begin
        rdata_o[CTRL_ENABLE_LSB]     = enable_q;
        rdata_o[CTRL_BUS_MASTER_LSB] = bus_master_q;
      end
      RegStatus: begin
        rdata_o[STATUS_IDLE_LSB]       = dma_idle_i;
        rdata_o[STATUS_RESET_BUSY_LSB] = dma_resetting_i;
      end
      RegPmCtrl: rdata_o[PM_CTRL_STATE_LSB +: PM_CTRL_STATE_WIDTH] = pm_req_q;
      RegPmStatus: begin
        rdata_o[PM_STATUS_STATE_LSB +: PM_STATUS_STATE_WIDTH] = pm_state_q;
        rdata_o[PM_STATUS_TRANSITION_BUSY_LSB] = pm_busy_q;
        rdata_o[PM_STATUS_PM_REFUSED_LSB]      = pm_refused_q;
      end
      RegIrqStatus:   rdata_o[NumEvents-1:0] = irq_status_i;
      RegIrqEnable:   rdata_o[NumEvents-1:0] = irq_enable_q;
      RegIrqPending:  rdata_o[NumEvents-1:0] = pending;
      RegIrqStatusRc: rdata_o[NumEvents-1:0] = pending;
      RegIrqTest:     ;  // write-only: reads 0
      RegIrqVecMap:   rdata_o[2*NumEvents-1:0] = vec_map_q;
      RegIrqMode:     rdata_o[3:0] = pulse_q;
      RegIrqCoalesce: begin
        rdata_o[IRQ_COALESCE_COUNT_LSB +: IRQ_COALESCE_COUNT_WIDTH] = coal_count_q[rvec];
        rdata_o[IRQ_COALESCE_TIMER_LSB +: IRQ_COALESCE_TIMER_WIDTH] = coal_timer_q[rvec];
      end
      RegChCtrl:       if (rexists) rdata_o[CH_CTRL_RUN_LSB] = run_q[CIW'(rch)];
      RegChStatus: if (rexists) begin
        rdata_o[CH_STATUS_ACTIVE_LSB] = ch_state_i[CIW'(rch)].active;
        rdata_o[CH_STATUS_HALTED_LSB] = ch_state_i[CIW'(rch)].halted;
        rdata_o[CH_STATUS_ERR_CODE_LSB +: CH_STATUS_ERR_CODE_WIDTH]   = ch_state_i[CIW'(rch)].err_code;
        rdata_o[CH_STATUS_COMPLETED_LSB +: CH_STATUS_COMPLETED_WIDTH] = ch_state_i[CIW'(rch)].completed;
      end
      RegRingBaseLo:   if (rexists) rdata_o[31:6] = base_lo_q[CIW'(rch)];
      RegRingBaseHi:   if (rexists) rdata_o[15:0] = base_hi_q[CIW'(rch)];
      RegRingSizeLog2: if (rexists) rdata_o[3:0]  = size_log2_q[CIW'(rch)];
      RegRingHead:     if (rexists) rdata_o[11:0] = ch_state_i[CIW'(rch)].ring_head;
      RegRingTail:     if (rexists) rdata_o[11:0] = tail_q[CIW'(rch)];
      default: ;
    endcase
    if (in_d3 && rreg != RegNone && !power_domain(rreg)) begin
      rdata_o = '1;
      rresp_o = RespSlvErr;
    end
  end

  // ---- to the hardware
  assign enable_o       = enable_q;
  assign bus_master_o   = bus_master_q;
  assign irq_enable_o   = irq_enable_q;
  // A W1C write and an RC read in the same cycle both clear: the read clears what it returned.
  assign irq_clear_o    = ((wok && wreg == RegIrqStatus) ? wdata_i[NumEvents-1:0] : '0) |
                          ((re_i && rreg == RegIrqStatusRc && rresp_o == RespOkay) ? pending : '0);
  assign irq_test_o     = (wok && wreg == RegIrqTest) ? wdata_i[NumEvents-1:0] : '0;
  assign irq_vec_map_o  = vec_map_q;
  assign irq_pulse_o    = pulse_q;
  assign coal_count_o   = coal_count_q;
  assign coal_timer_o   = coal_timer_q;
  assign d3_o           = in_d3;
  assign context_lost_o = d3_entry;

  for (genvar c = 0; c < NUM_CH; c++) begin : g_ch_cfg
    assign ch_cfg_o[c].run            = run_q[c];
    assign ch_cfg_o[c].reset          = ch_reset[c];
    assign ch_cfg_o[c].ring_base      = {base_hi_q[c], base_lo_q[c], 6'b0};
    assign ch_cfg_o[c].ring_size_log2 = size_log2_q[c];
    assign ch_cfg_o[c].ring_tail      = tail_q[c];
  end

endmodule
