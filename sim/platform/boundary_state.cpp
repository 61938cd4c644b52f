#include "boundary_state.hpp"

#include "fnv.hpp"
#include "platform.hpp"
#include "verilated_device.hpp"

namespace tandem {

BoundaryFacts boundary_facts(Platform& platform, const SimCpu& cpu) {
  BoundaryFacts f;
  f.irqs = cpu.takes_interrupts();
  f.buffered = platform.store_buffer() != nullptr && platform.store_buffer()->holds_writes(cpu.id());
  for (unsigned d = 0; d < platform.devices(); ++d) {
    const DevicePeek p = platform.harness(d).peek();
    f.inflight = f.inflight || p.dma_busy;
    f.pm = f.pm || p.pm_busy;
  }
  return f;
}

std::uint64_t platform_state(Platform& platform) {
  Fnv1a h;
  for (unsigned d = 0; d < platform.devices(); ++d) {
    h.u64(platform.harness(d).state_digest());
    h.u64(platform.harness(d).irq_lines());
  }
  h.u64(platform.memory().digest());
  if (const StoreBuffer* sb = platform.store_buffer()) h.u64(sb->digest(platform.cycle()));
  h.u64(platform.pic().digest());
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  for (unsigned i = 0; i < platform.cpus(); ++i) {
    const SimCpu& cpu = platform.cpu(i);
    h.byte(static_cast<std::uint8_t>(cpu.context()));
    h.byte(static_cast<std::uint8_t>(cpu.irqs_enabled() | cpu.finished() << 1));
    h.u64(cpu.work_pending());
    platform.pending_timers().for_each_due(
        i, [&](const sc_core::sc_time& due) { h.u64(due > now ? (due - now).value() : 0); });
  }
  return h.value();
}

}  // namespace tandem
