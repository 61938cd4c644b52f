// The TMR's probe outputs in its platform top (scripts/portgen.py inlines this file into the
// generated tmr_platform_top.sv, beside the instance u_tmr), so that the harness, the waves
// and the interrupt checkers see it as they see a TCE: its events in the TCE's probe layout,
// event 0 EXPIRED on vector 0, event 1 BARK on vector 1, both vectors in the one mode
// CTRL.IRQ_MODE; no DMA channel.
assign dma_channel_o = '0;
assign irq_events_o  = 9'({u_tmr.u_core.bark, u_tmr.u_core.expire});
assign irq_status_o  = 9'({u_tmr.reg2hw.status.bark, u_tmr.reg2hw.status.expired});
assign irq_enable_o  = 9'({u_tmr.reg2hw.irq_enable.bark, u_tmr.reg2hw.irq_enable.expired});
assign irq_vec_map_o = 18'b01_00;
assign irq_pulse_o   = u_tmr.reg2hw.ctrl.irq_mode == tmr_reg_pkg::IRQ_MODE_PULSE ? 4'b0011 : 4'b0000;
