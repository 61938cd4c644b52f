// The simulated platform's top: the TCE, plus inputs that carry what the platform's CPUs
// and fault injection do, so that the waves show the driver beside the RTL on one time base.
// Simulation only; the device is tce_top. Its ports are spelled once, in rtl/tce_top.sv:
// scripts/portgen.py writes them into gen/ for the port list and the instance below, and
// makes the C++ pin bundles (gen/tce_pins.hpp) of those and of the ports declared here
// (cpu<N>_<name> ports become arrays of N entries).
module tandem_top #(
  parameter int unsigned NUM_CH          = 2,
  parameter int unsigned NUM_VEC         = 2,
  parameter int unsigned REVISION        = 2,
  parameter int unsigned MAX_OUTSTANDING = 8,
  // Test only: tce_top's seeded timing bugs (0: none)
  parameter int unsigned READ_EXTRA_LATENCY = 0,
  parameter int unsigned IRQ_EXTRA_DELAY    = 0,
  parameter bit          CSR_BOUND_ASSERT   = 1'b1
) (
  `include "tce_top_ports.svh"
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

  tce_top #(
    .NUM_CH          (NUM_CH),
    .NUM_VEC         (NUM_VEC),
    .REVISION        (REVISION),
    .MAX_OUTSTANDING    (MAX_OUTSTANDING),
    .READ_EXTRA_LATENCY (READ_EXTRA_LATENCY),
    .IRQ_EXTRA_DELAY    (IRQ_EXTRA_DELAY),
    .CSR_BOUND_ASSERT   (CSR_BOUND_ASSERT)
  ) u_tce (
    `include "tce_top_connect.svh"
  );

  assign dma_channel_o = 2'(u_tce.u_dma.ch_q);
  assign irq_events_o  = 9'(u_tce.hw_events);
  assign irq_status_o  = 9'(u_tce.irq_status);
  assign irq_enable_o  = u_tce.irq_enable;
  assign irq_vec_map_o = u_tce.irq_vec_map;
  assign irq_pulse_o   = u_tce.irq_pulse;

endmodule
