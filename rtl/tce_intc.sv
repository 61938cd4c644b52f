// TCE interrupt controller: latched event status (W1C, read-to-clear, software test),
// enables, and the vector outputs. A hardware event in the same cycle as a clear wins.
module tce_intc
  import tce_pkg::*;
#(
  parameter int unsigned NUM_CH  = 1,
  parameter int unsigned NUM_VEC = 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  input  logic [NumEvents-1:0] hw_events_i,
  input  logic [NumEvents-1:0] sw_set_i,
  input  logic [NumEvents-1:0] clear_i,
  input  logic [NumEvents-1:0] enable_i,
  output logic [NumEvents-1:0] status_o,
  output logic [NUM_VEC-1:0]   irq_o
);

  logic [NumEvents-1:0] status_d, status_q;
  logic [NUM_VEC-1:0]   irq_q;

  assign status_d = (status_q & ~clear_i) | hw_events_i | sw_set_i;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      status_q <= '0;
      irq_q    <= '0;
    end else begin
      status_q <= status_d;
      // LEVEL mode on vector 0: high while any enabled event is latched; taken from the
      // next status so the line falls in the same cycle as the clear that empties it.
      irq_q    <= NUM_VEC'(|(status_d & enable_i));
    end
  end

  assign status_o = status_q;
  assign irq_o    = irq_q;

  if (NUM_CH != 1 || NUM_VEC != 1) begin : g_unsupported
    $error("tce_intc: this revision of the RTL supports NUM_CH = 1 and NUM_VEC = 1 only");
  end

endmodule
