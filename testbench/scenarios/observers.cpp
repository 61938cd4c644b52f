// The platform's event stream, seen from a scenario: one copy through the driver, and every
// kind of event it must produce, in a consistent order.
#include <fmt/core.h>

#include <cstring>
#include <map>

#include "scenario.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

void observe(ScenarioContext& ctx, SimCpu&) {
  Platform& p = ctx.platform();
  std::map<EventKind, unsigned> seen;
  std::uint64_t last_cycle = 0;
  bool ordered = true;
  // Captures this function's locals: the subscription ends with them.
  const EventBus::Subscription watch = p.events().subscribe([&](const Event& e) {
    ++seen[e.kind];
    // Bursts and their answers are stamped at their handshake.
    const bool bus = e.kind == EventKind::kMemBurst || e.kind == EventKind::kMemResponse;
    if (!bus && e.cycle < last_cycle) ordered = false;
    if (!bus) last_cycle = e.cycle;
  });
  tce::TceDevice dev(p.hal());
  if (dev.probe() != 0) {
    ctx.fail(checker::kDriver, "probe failed");
    return;
  }
  const std::uint32_t len = 5000;
  std::uint8_t* src = ctx.host_buffer(len);
  std::uint8_t* dst = ctx.host_buffer(len);
  for (std::uint32_t i = 0; i < len; ++i) src[i] = static_cast<std::uint8_t>(i * 13);
  tce::CopyRequest req;
  req.src = {{src, len}};
  req.dst = {{dst, len}};
  if (dev.submit(req) != 0 || dev.wait(req, 200'000) != 0 || req.status != 0 || std::memcmp(src, dst, len) != 0) {
    ctx.fail(checker::kCompletion, "the observed copy failed");
  }
  dev.remove();
  const EventKind expected[] = {
      EventKind::kCsrAccess,    EventKind::kMemBurst,      EventKind::kIrqLine,     EventKind::kDeviceIrq,
      EventKind::kIrqTaken,     EventKind::kEoi,           EventKind::kHalCall,     EventKind::kContext,
      EventKind::kDmaMap,       EventKind::kDmaUnmap,      EventKind::kDmaFree,     EventKind::kLock,
      EventKind::kUnlock,       EventKind::kWait,          EventKind::kIrqRegister, EventKind::kIrqFree,
      EventKind::kHandlerEntry, EventKind::kHandlerReturn, EventKind::kDescFetch,   EventKind::kCpuDmaWrite,
      EventKind::kTimer,        EventKind::kMemResponse};
  for (EventKind k : expected) {
    if (seen[k] == 0)
      ctx.fail(checker::kObservers, fmt::format("no event of kind {} was published", static_cast<int>(k)));
  }
  if (!ordered) ctx.fail(checker::kObservers, "events went back in time");
  ctx.note(fmt::format("{} CSR accesses, {} bursts, {} HAL calls observed", seen[EventKind::kCsrAccess],
                       seen[EventKind::kMemBurst], seen[EventKind::kHalCall]));
}

const ScenarioRegistrar kObservers({"platform_observers",
                                    "one copy, watched through the event stream: every kind of event arrives, in order",
                                    "", nullptr, observe});

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

// Two CPUs on the CSR bus at once: CPU 0 reads while CPU 1 writes. The read and write
// channels are independent, so some read and some write complete in the same cycle.
struct Concurrency {
  std::map<std::uint64_t, unsigned> reads, writes;  // by completion cycle
  unsigned done = 0;
};
Concurrency concurrency;

void csr_concurrency(ScenarioContext& ctx, SimCpu& cpu) {
  Platform& p = ctx.platform();
  if (cpu.id() == 0) {
    // Counts for both CPUs until the run ends, whichever finishes first.
    ctx.keep(p.events().subscribe([](const Event& e) { ++(e.write ? concurrency.writes : concurrency.reads)[e.cycle]; },
                                  kind_bit(EventKind::kCsrAccess)));
  }
  for (unsigned i = 0; i < 40; ++i) {
    if (cpu.id() == 0) {
      (void)p.hal().read32(tce::reg::SCRATCH::kOffset);
    } else {
      p.hal().write32(tce::reg::SCRATCH::kOffset, i);
    }
  }
  if (++concurrency.done < 2) return;
  unsigned together = 0;
  for (const auto& [cycle, n] : concurrency.reads) together += concurrency.writes.count(cycle) != 0;
  if (together == 0) ctx.fail(checker::kCsrBus, "no read and write of two CPUs ever completed in the same cycle");
  ctx.note(fmt::format("{} cycles with a read and a write completing together", together));
}

const ScenarioRegistrar kConcurrency({"platform_csr_concurrency",
                                      "two CPUs on the CSR bus at once: reads and writes complete in the same cycles",
                                      "",
                                      [](PlatformConfig& c) {
                                        c.cpus = 2;
                                        concurrency = Concurrency{};
                                      },
                                      csr_concurrency});

}  // namespace
}  // namespace tandem
