// TCE register block: the access semantics of spec section 2 and 3 over the offsets and
// fields of the generated tce_reg_pkg. Hardware sees it only through the tce_pkg structs.
module tce_regs
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned NUM_CH   = 1,
  parameter int unsigned NUM_VEC  = 1,
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
  // interrupt controller
  input  logic [NumEvents-1:0] irq_status_i,
  output logic [NumEvents-1:0] irq_enable_o,
  output logic [NumEvents-1:0] irq_clear_o,
  output logic [NumEvents-1:0] irq_test_o
);

  typedef enum logic [4:0] {
    RegNone, RegId, RegVersion, RegCaps, RegScratch, RegCtrl, RegStatus,
    RegIrqStatus, RegIrqEnable, RegIrqPending, RegIrqStatusRc, RegIrqTest,
    RegChCtrl, RegChStatus, RegRingBaseLo, RegRingBaseHi, RegRingSizeLog2, RegRingHead,
    RegRingTail
  } reg_e;

  localparam int unsigned ChW = (NUM_CH > 1) ? $clog2(NUM_CH) : 1;
  localparam logic [AW-1:0] ChBase = CH_CTRL_OFFSET;
  localparam logic [AW-1:0] ChStride = AW'(CH_CTRL_STRIDE);
  localparam logic [AW-1:0] ChEnd = ChBase + AW'(NUM_CH) * ChStride;

  // Offset of a channel register inside its channel's block.
  function automatic logic [AW-1:0] ch_local(input logic [AW-1:0] offset);
    return offset - ChBase;
  endfunction

  function automatic reg_e decode(input logic [AW-1:0] a);
    logic [AW-1:0] local_off;
    if (a >= ChBase && a < ChEnd) begin
      local_off = (a - ChBase) & (ChStride - 1'b1);
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
    unique case (a)
      ID_OFFSET:            return RegId;
      VERSION_OFFSET:       return RegVersion;
      CAPS_OFFSET:          return RegCaps;
      SCRATCH_OFFSET:       return RegScratch;
      CTRL_OFFSET:          return RegCtrl;
      STATUS_OFFSET:        return RegStatus;
      IRQ_STATUS_OFFSET:    return RegIrqStatus;
      IRQ_ENABLE_OFFSET:    return RegIrqEnable;
      IRQ_PENDING_OFFSET:   return RegIrqPending;
      IRQ_STATUS_RC_OFFSET: return RegIrqStatusRc;
      IRQ_TEST_OFFSET:      return RegIrqTest;
      default:              return RegNone;
    endcase
  endfunction

  // Channel number of a channel register (meaningful only inside the channel blocks).
  localparam int unsigned ChShift = $clog2(CH_CTRL_STRIDE);
  function automatic logic [ChW-1:0] ch_index(input logic [AW-1:0] a);
    // Only the channel-number bits of the relative offset matter here.
    /* verilator lint_off UNUSEDSIGNAL */
    logic [AW-1:0] rel;
    /* verilator lint_on UNUSEDSIGNAL */
    rel = a - ChBase;
    return rel[ChShift +: ChW];
  endfunction

  function automatic logic [11:0] ring_entries(input logic [3:0] log2);
    // An invalid size halts the channel on RUN; until then the doorbell check is open.
    if (log2 == 4'd0 || log2 > 4'd12) return 12'hFFF;
    return 12'((13'd1 << log2) - 13'd1);
  endfunction

  // ---- storage
  logic [31:0] scratch_q;
  logic        enable_q, bus_master_q;
  logic [NumEvents-1:0] irq_enable_q;
  logic [NUM_CH-1:0]    run_q;
  logic [NUM_CH-1:0][31:6] base_lo_q;
  logic [NUM_CH-1:0][15:0] base_hi_q;
  logic [NUM_CH-1:0][3:0]  size_log2_q;
  logic [NUM_CH-1:0][11:0] tail_q;

  // ---- write decode
  reg_e wreg;
  logic [ChW-1:0] wch;
  logic wok, soft_reset;
  logic [NUM_CH-1:0] ch_reset;

  assign wreg = decode(waddr_i);
  assign wch  = ch_index(waddr_i);

  always_comb begin
    wresp_o = RespOkay;
    unique case (wreg)
      RegNone: wresp_o = RespDecErr;
      RegId, RegVersion, RegCaps, RegStatus, RegIrqPending, RegIrqStatusRc, RegChStatus,
      RegRingHead: wresp_o = RespSlvErr;
      RegRingTail:
        if (wdata_i[11:0] > ring_entries(size_log2_q[wch]) || wdata_i[31:12] != '0)
          wresp_o = RespSlvErr;
      default: ;
    endcase
    if (wreg != RegNone && wstrb_i != 4'hF) wresp_o = RespSlvErr;
  end

  assign wok        = we_i && (wresp_o == RespOkay);
  assign soft_reset = wok && wreg == RegCtrl && wdata_i[CTRL_SOFT_RESET_LSB];
  for (genvar c = 0; c < NUM_CH; c++) begin : g_ch_reset
    assign ch_reset[c] = soft_reset ||
                         (wok && wreg == RegChCtrl && wch == ChW'(c) && wdata_i[CH_CTRL_RESET_LSB]);
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni || soft_reset) begin
      scratch_q    <= SCRATCH_RESVAL;
      enable_q     <= 1'b0;
      bus_master_q <= 1'b0;
      irq_enable_q <= '0;
      run_q        <= '0;
      base_lo_q    <= '0;
      base_hi_q    <= '0;
      size_log2_q  <= '0;
      tail_q       <= '0;
    end else if (wok) begin
      unique case (wreg)
        RegScratch:   scratch_q <= wdata_i;
        RegCtrl: begin
          enable_q     <= wdata_i[CTRL_ENABLE_LSB];
          bus_master_q <= wdata_i[CTRL_BUS_MASTER_LSB];
        end
        RegIrqEnable: irq_enable_q <= wdata_i[NumEvents-1:0];
        RegChCtrl: begin
          run_q[wch] <= wdata_i[CH_CTRL_RUN_LSB];
          if (wdata_i[CH_CTRL_RESET_LSB]) tail_q[wch] <= '0;
        end
        RegRingBaseLo:   base_lo_q[wch]   <= wdata_i[31:6];
        RegRingBaseHi:   base_hi_q[wch]   <= wdata_i[15:0];
        RegRingSizeLog2: size_log2_q[wch] <= wdata_i[3:0];
        RegRingTail:     tail_q[wch]      <= wdata_i[11:0];
        default: ;
      endcase
    end
  end

  // ---- read decode
  reg_e rreg;
  logic [ChW-1:0] rch;
  logic [NumEvents-1:0] pending;

  assign rreg    = decode(raddr_i);
  assign rch     = ch_index(raddr_i);
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
        rdata_o[CAPS_CHANNELS_LSB +: CAPS_CHANNELS_WIDTH] = 4'(NUM_CH);
        rdata_o[CAPS_VECTORS_LSB +: CAPS_VECTORS_WIDTH]   = 4'(NUM_VEC);
      end
      RegScratch: rdata_o = scratch_q;
      RegCtrl: begin
        rdata_o[CTRL_ENABLE_LSB]     = enable_q;
        rdata_o[CTRL_BUS_MASTER_LSB] = bus_master_q;
      end
      RegStatus:      rdata_o[STATUS_IDLE_LSB] = dma_idle_i;
      RegIrqStatus:   rdata_o[NumEvents-1:0] = irq_status_i;
      RegIrqEnable:   rdata_o[NumEvents-1:0] = irq_enable_q;
      RegIrqPending:  rdata_o[NumEvents-1:0] = pending;
      RegIrqStatusRc: rdata_o[NumEvents-1:0] = pending;
      RegIrqTest:     ;  // write-only: reads 0
      RegChCtrl:      rdata_o[CH_CTRL_RUN_LSB] = run_q[rch];
      RegChStatus: begin
        rdata_o[CH_STATUS_ACTIVE_LSB] = ch_state_i[rch].active;
        rdata_o[CH_STATUS_HALTED_LSB] = ch_state_i[rch].halted;
        rdata_o[CH_STATUS_ERR_CODE_LSB +: CH_STATUS_ERR_CODE_WIDTH]   = ch_state_i[rch].err_code;
        rdata_o[CH_STATUS_COMPLETED_LSB +: CH_STATUS_COMPLETED_WIDTH] = ch_state_i[rch].completed;
      end
      RegRingBaseLo:   rdata_o[31:6] = base_lo_q[rch];
      RegRingBaseHi:   rdata_o[15:0] = base_hi_q[rch];
      RegRingSizeLog2: rdata_o[3:0]  = size_log2_q[rch];
      RegRingHead:     rdata_o[11:0] = ch_state_i[rch].ring_head;
      RegRingTail:     rdata_o[11:0] = tail_q[rch];
      default: ;
    endcase
  end

  // ---- to the hardware
  assign enable_o     = enable_q;
  assign bus_master_o = bus_master_q;
  assign irq_enable_o = irq_enable_q;
  assign irq_clear_o  = (wok && wreg == RegIrqStatus) ? wdata_i[NumEvents-1:0] :
                        (re_i && rreg == RegIrqStatusRc) ? pending : '0;
  assign irq_test_o   = (wok && wreg == RegIrqTest) ? wdata_i[NumEvents-1:0] : '0;

  for (genvar c = 0; c < NUM_CH; c++) begin : g_ch_cfg
    assign ch_cfg_o[c].run            = run_q[c];
    assign ch_cfg_o[c].reset          = ch_reset[c];
    assign ch_cfg_o[c].ring_base      = {base_hi_q[c], base_lo_q[c], 6'b0};
    assign ch_cfg_o[c].ring_size_log2 = size_log2_q[c];
    assign ch_cfg_o[c].ring_tail      = tail_q[c];
  end

endmodule
