// TMR core: the down-counting timer (vector 0), the watchdog (vector 1) and their interrupt
// lines (devices/tmr/README.md). It sees the register block only through its structs.
module tmr_core
  import tmr_reg_pkg::*;
#(
  parameter int unsigned NUM_VEC = 2
) (
  input  logic               clk_i,
  input  logic               rst_ni,
  input  tmr_reg2hw_t        reg2hw_i,
  input  tmr_sw2hw_t         sw2hw_i,
  output tmr_hw2reg_t        hw2reg_o,
  output logic [NUM_VEC-1:0] irq_o,
  output logic               quiet_o  // nothing here changes until a register does
);

  localparam logic [31:0] KickMagic = 32'h4B1C_4B1C;
  localparam int unsigned VecTimer = 0;
  localparam int unsigned VecWdog  = 1;

  logic [31:0] count_q, count_d, wcount_q, wcount_d;
  logic en_q, wen_q;          // CTRL.ENABLE and WDOG_EN as they were: a rise is a start
  logic kick_q, bad_kick_q;   // a KICK written at the last edge, acted on at this one
  logic [15:0] bad_kicks_q;
  logic [NUM_VEC-1:0] pulse_q, events, enabled;

  logic enable, wdog_en;
  assign enable  = reg2hw_i.ctrl.enable;
  assign wdog_en = reg2hw_i.ctrl.wdog_en;

  // ---- the timer: a start loads LOAD; each cycle after it counts down; the cycle at 1 expires
  logic tstart, tcounting, expire;
  assign tstart    = enable && !en_q;
  assign tcounting = enable && en_q && count_q != '0;
  assign expire    = tcounting && count_q == 32'd1;
  always_comb begin
    count_d = count_q;  // disabled, or stopped at 0: frozen
    if (tstart) count_d = reg2hw_i.load.value;
    else if (expire) count_d = reg2hw_i.ctrl.periodic ? reg2hw_i.load.value : '0;
    else if (tcounting) count_d = count_q - 32'd1;
  end

  // ---- the watchdog: a start or a kick loads WDOG_LOAD; at 1 it barks and reloads itself
  logic wreload, wcounting, bark;
  assign wreload   = wdog_en && (!wen_q || kick_q);
  assign wcounting = wdog_en && !wreload && wcount_q != '0;
  assign bark      = wcounting && wcount_q == 32'd1;
  always_comb begin
    wcount_d = wcount_q;
    if (wreload || bark) wcount_d = reg2hw_i.wdog_load.value;
    else if (wcounting) wcount_d = wcount_q - 32'd1;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      count_q     <= '0;
      wcount_q    <= '0;
      en_q        <= 1'b0;
      wen_q       <= 1'b0;
      kick_q      <= 1'b0;
      bad_kick_q  <= 1'b0;
      bad_kicks_q <= '0;
      pulse_q     <= '0;
    end else begin
      count_q    <= count_d;
      wcount_q   <= wcount_d;
      en_q       <= enable;
      wen_q      <= wdog_en;
      kick_q     <= sw2hw_i.kick.value_we && sw2hw_i.kick.value == KickMagic;
      bad_kick_q <= sw2hw_i.kick.value_we && sw2hw_i.kick.value != KickMagic;
      if (bad_kick_q && bad_kicks_q != '1) bad_kicks_q <= bad_kicks_q + 16'd1;
      pulse_q    <= events & enabled;  // one cycle per enabled event
    end
  end

  always_comb begin
    events = '0;
    events[VecTimer] = expire;
    events[VecWdog]  = bark;
    enabled = '0;
    enabled[VecTimer] = reg2hw_i.irq_enable.expired;
    enabled[VecWdog]  = reg2hw_i.irq_enable.bark;
  end

  // LEVEL: high while the vector's STATUS bit is set and enabled; PULSE: the pulses.
  logic [NUM_VEC-1:0] level;
  always_comb begin
    level = '0;
    level[VecTimer] = reg2hw_i.status.expired;
    level[VecWdog]  = reg2hw_i.status.bark;
  end
  assign irq_o = reg2hw_i.ctrl.irq_mode == IRQ_MODE_PULSE ? pulse_q : level & enabled;

  assign hw2reg_o.count.value        = count_q;
  assign hw2reg_o.wdog_count.value   = wcount_q;
  assign hw2reg_o.bad_kicks.count    = bad_kicks_q;
  assign hw2reg_o.status.expired_set = expire;
  assign hw2reg_o.status.bark_set    = bark;

  // Nothing counts, no start or kick is pending, no pulse is to end.
  assign quiet_o = en_q == enable && wen_q == wdog_en && !tcounting && !(wdog_en && wcount_q != '0) &&
                   !kick_q && !bad_kick_q && pulse_q == '0;

  // ---- invariants, checked in every simulation (Verilator --assert)
  tmr_count_frozen: assert property (@(posedge clk_i) disable iff (!rst_ni) !enable |=> $stable(count_q))
    else $error("COUNT moved while the timer was disabled (%h)", count_q);
  tmr_count_no_wrap: assert property (@(posedge clk_i) disable iff (!rst_ni)
      count_q == '0 && !tstart |=> count_q == '0)
    else $error("COUNT left 0 without a start (%h)", count_q);
  tmr_kick_no_bark: assert property (@(posedge clk_i) disable iff (!rst_ni) kick_q && wdog_en |-> !bark)
    else $error("the watchdog barked on the edge a kick reloaded it");
  for (genvar v = 0; v < NUM_VEC; v++) begin : g_pulse_assert
    tmr_pulse_one_cycle: assert property (@(posedge clk_i) disable iff (!rst_ni)
        pulse_q[v] && !(events[v] && enabled[v]) |=> !pulse_q[v])
      else $error("vector %0d pulsed longer than its events", v);
  end

endmodule
