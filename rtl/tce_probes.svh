// The TCE's probe outputs in its platform top (scripts/portgen.py inlines this file into the
// generated tce_platform_top.sv, beside the instance u_tce): what the platform's records and
// checkers read of the device without a bus access.
// The channel whose descriptor the DMA engine works on (one at a time, so every memory
// transaction belongs to it).
assign dma_channel_o = 2'(u_tce.u_dma.ch_q);
// The hardware events the interrupt controller receives this cycle, its latched events
// (IRQ_STATUS), their enables, routing and output modes (IRQ_ENABLE, IRQ_VEC_MAP, IRQ_MODE).
assign irq_events_o  = 9'(u_tce.hw_events);
assign irq_status_o  = 9'(u_tce.irq_status);
assign irq_enable_o  = u_tce.irq_enable;
assign irq_vec_map_o = u_tce.irq_vec_map;
assign irq_pulse_o   = u_tce.irq_pulse;
