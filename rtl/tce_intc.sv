// TCE interrupt controller (spec section 5): latched event status (W1C, read-to-clear,
// software test; a hardware event in the same cycle as a clear wins), enables, routing of
// each event to a vector, LEVEL or PULSE output per vector, and coalescing by count and
// timer. REVISION 1 has erratum E2: the coalescing timer never fires. In D3 every output
// is low.
module tce_intc
  import tce_pkg::*;
  import tce_reg_pkg::*;
#(
  parameter int unsigned NUM_VEC  = 2,
  parameter int unsigned REVISION = 2,
  // Test only: a seeded bug that delays every output line by this many cycles, past the
  // 2-cycle bound from event to line from 3 on (it proves the timing checker). 0 builds no
  // logic for it.
  parameter int unsigned IRQ_EXTRA_DELAY = 0
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  input  logic [NumEvents-1:0] hw_events_i,
  input  logic [NumEvents-1:0] sw_set_i,
  input  logic [NumEvents-1:0] clear_i,
  input  logic [NumEvents-1:0] enable_i,
  input  logic [2*NumEvents-1:0] vec_map_i,   // 2 bits per event: its vector
  input  logic [3:0]           pulse_i,       // bit v: vector v pulses
  input  logic [NUM_VEC-1:0][7:0]  coal_count_i,
  input  logic [NUM_VEC-1:0][15:0] coal_timer_i,
  input  logic                 quiet_i,       // D3: no interrupt leaves the device
  output logic [NumEvents-1:0] status_o,
  output logic [NUM_VEC-1:0]   irq_o,
  output logic                 quiet_o        // no state changes while the inputs hold
);

  logic [NumEvents-1:0] status_d, status_q, pending_d, pending_q;

  logic [NumEvents-1:0] occurred;

  assign status_d  = (status_q & ~clear_i) | hw_events_i | sw_set_i;
  assign pending_d = status_d & enable_i;
  assign occurred  = (hw_events_i | sw_set_i) & enable_i;

  logic [NUM_VEC-1:0]       released_q, released_d;  // LEVEL: coalescing let the line go up
  logic [NUM_VEC-1:0][7:0]  acc_q, acc_d;              // events not yet signalled
  logic [NUM_VEC-1:0][15:0] timer_q, timer_d;          // cycles since the first of them
  logic [NUM_VEC-1:0]       irq_q, irq_d;

  // Nothing arriving, nothing pending, nothing counted: every vector's next state is all
  // zeros (no count, no timer, no line), which the loop below would find the long way. A
  // copy runs in this state, and the model evaluates this block twice a cycle.
  logic at_rest;
  assign at_rest = (hw_events_i | sw_set_i) == '0 && pending_d == '0 && acc_q == '0;

  // Each vector's next state, kept apart from the flops so that quiet_o can compare them.
  always_comb begin
    logic [NumEvents-1:0] mine, fresh;
    logic [7:0] n, acc;
    logic coalescing, signal_now, timer_fired;
    {mine, fresh, n, acc, coalescing, signal_now, timer_fired} = '0;
    released_d = '0;
    acc_d      = '0;
    timer_d    = '0;
    irq_d      = '0;
    if (!at_rest) begin
      for (int v = 0; v < int'(NUM_VEC); v++) begin
        for (int e = 0; e < int'(NumEvents); e++) mine[e] = vec_map_i[IRQ_VEC_MAP_VEC_LSB(e) +: IRQ_VEC_MAP_VEC_WIDTH] == 2'(v);
        fresh = pending_d & ~pending_q & mine;  // routed events that newly became pending
        // Coalescing counts events, also those whose status bit was already set.
        n = '0;
        for (int e = 0; e < int'(NumEvents); e++) n = n + 8'(occurred[e] && mine[e]);
        coalescing  = coal_count_i[v] > 8'd1 || coal_timer_i[v] != '0;
        if (!coalescing) n = 8'(fresh != '0);
        // Saturates: more events than a byte counts must not wrap to "none unsignalled".
        acc         = 9'(acc_q[v]) + 9'(n) > 9'd255 ? 8'd255 : acc_q[v] + n;
        timer_fired = REVISION != 1 && coal_timer_i[v] != '0 && acc_q[v] != '0 &&
                      timer_q[v] + 16'd1 >= coal_timer_i[v];
        signal_now     = coalescing ? (acc != '0 && ((coal_count_i[v] > 8'd1 && acc >= coal_count_i[v]) ||
                                                  timer_fired))
                                 : n != '0;
        // Only signalling restarts the count and the timer: a software clear of status bits
        // neither resets nor advances them, and later events do not restart the timer.
        acc_d[v]   = signal_now ? '0 : acc;
        timer_d[v] = signal_now || acc == '0 ? '0 : timer_q[v] + 16'd1;
        if (pulse_i[v]) begin
          // A timer that runs out after software cleared everything has nothing to signal.
          irq_d[v]      = signal_now && (pending_d & mine) != '0;
          released_d[v] = 1'b0;
        end else begin
          // LEVEL: high from signal_now while any routed event stays pending.
          released_d[v] = (released_q[v] || signal_now) && (pending_d & mine) != '0;
          irq_d[v]      = (coalescing ? (released_q[v] || signal_now) : 1'b1) && (pending_d & mine) != '0;
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      status_q   <= '0;
      pending_q  <= '0;
      released_q <= '0;
      acc_q      <= '0;
      timer_q    <= '0;
      irq_q      <= '0;
    end else begin
      status_q   <= status_d;
      pending_q  <= pending_d;
      released_q <= released_d;
      acc_q      <= acc_d;
      timer_q    <= timer_d;
      irq_q      <= irq_d;
    end
  end

  // Nothing here changes in the next cycle, so nothing ever will while the inputs hold: no
  // event arriving or being cleared, no count or timer running, no pulse to end.
  logic settled;
  assign settled = status_d == status_q && pending_d == pending_q && released_d == released_q &&
                   acc_d == acc_q && timer_d == timer_q && irq_d == irq_q;

  assign status_o = status_q;
  if (IRQ_EXTRA_DELAY == 0) begin : g_irq_on_time
    assign irq_o = quiet_i ? '0 : irq_q;
    assign quiet_o = settled;
  end else begin : g_irq_late
    logic [NUM_VEC-1:0] late_q [IRQ_EXTRA_DELAY];  // irq_q of the last cycles, newest first
    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        for (int i = 0; i < int'(IRQ_EXTRA_DELAY); i++) late_q[i] <= '0;
      end else begin
        late_q[0] <= irq_q;
        for (int i = 1; i < int'(IRQ_EXTRA_DELAY); i++) late_q[i] <= late_q[i-1];
      end
    end
    assign irq_o = quiet_i ? '0 : late_q[IRQ_EXTRA_DELAY-1];
    // The delay line still shifts until every stage holds the current line.
    always_comb begin
      quiet_o = settled;
      for (int i = 0; i < int'(IRQ_EXTRA_DELAY); i++) quiet_o = quiet_o && late_q[i] == irq_q;
    end
  end

endmodule
