// The TMR in the simulated platform: tmr_top, plus the marker inputs and probe outputs every
// platform top has (sim/tandem_top.sv's, the same names and widths), so that the harness, the
// waves and the interrupt checkers see it as they see a TCE. Simulation only. Its ports are
// spelled once, in devices/tmr/rtl/tmr_top.sv (scripts/portgen.py writes gen/tmr/).
module tmr_platform_top
  import tmr_reg_pkg::*;
#(
  parameter int unsigned NUM_VEC = 2
) (
  `include "tmr_top_ports.svh"
  // Seen in the waves only: nothing inside reads them.
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic [1:0]   cpu0_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu0_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu0_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu1_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu1_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu1_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu2_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu2_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu2_reg_i,      // the register of the last CSR access
  input  logic [1:0]   cpu3_context_i,  // 0 idle, 1 process, 2 interrupt, 3 bottom half
  input  logic [4:0]   cpu3_hal_call_i, // the HAL call in progress (gen/gtkwave/tandem_hal_call.gtkwf)
  input  logic [11:0]  cpu3_reg_i,      // the register of the last CSR access
  // Counts of IOMMU faults and of injected faults: each one a step in the waves.
  input  logic [7:0]   dma_faults_i,      // counts IOMMU faults: each one a step in the waves
  input  logic [7:0]   injected_faults_i, // counts injected faults
  // The checker that failed the run (its id in the checker catalog, 0 while none has),
  // set at the cycle the first failure is recorded: a wave viewer finds the failure by it.
  input  logic [7:0]   checker_fail_i,
  /* verilator lint_on UNUSEDSIGNAL */
  // For the platform's records: the channel whose descriptor the DMA engine works on
  // (one at a time, so every memory transaction belongs to it).
  output logic [1:0]   dma_channel_o,
  // For RTL checkers and the platform's checkers, read without a bus access: the hardware
  // events the interrupt controller receives this cycle, its latched events (IRQ_STATUS),
  // their enables, routing and output modes (IRQ_ENABLE, IRQ_VEC_MAP, IRQ_MODE).
  output logic [8:0]   irq_events_o,
  output logic [8:0]   irq_status_o,
  output logic [8:0]   irq_enable_o,
  output logic [17:0]  irq_vec_map_o,
  output logic [3:0]   irq_pulse_o
);

  tmr_top #(
    .NUM_VEC (NUM_VEC)
  ) u_tmr (
    `include "tmr_top_connect.svh"
  );

  // The TMR's events in the TCE's probe layout: event 0 EXPIRED on vector 0, event 1 BARK on
  // vector 1, both vectors in the one mode CTRL.IRQ_MODE; no DMA channel.
  assign dma_channel_o = '0;
  assign irq_events_o  = 9'({u_tmr.u_core.bark, u_tmr.u_core.expire});
  assign irq_status_o  = 9'({u_tmr.reg2hw.status.bark, u_tmr.reg2hw.status.expired});
  assign irq_enable_o  = 9'({u_tmr.reg2hw.irq_enable.bark, u_tmr.reg2hw.irq_enable.expired});
  assign irq_vec_map_o = 18'b01_00;
  assign irq_pulse_o   = u_tmr.reg2hw.ctrl.irq_mode == IRQ_MODE_PULSE ? 4'b0011 : 4'b0000;

endmodule
