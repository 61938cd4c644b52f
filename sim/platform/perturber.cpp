#include "perturber.hpp"

#include <fmt/core.h>

#include <optional>
#include <tuple>

#include "boundaries.hpp"
#include "platform.hpp"
#include "verilated_device.hpp"

namespace tandem {

namespace {

// The device that perturbations act on: the first (explored scenarios drive one).
constexpr unsigned kDevice = 0;

// The descriptor that device works on, or 0 when it is idle.
std::uint64_t descriptor_in_flight(Platform& platform) {
  const DevicePeek p = platform.harness(kDevice).peek();
  return p.dma_busy ? p.desc : 0;
}

}  // namespace

Perturber::Perturber(Platform& platform, Boundaries& boundaries, const std::vector<Perturbation>& schedule)
    : platform_(platform), boundaries_(boundaries) {
  platform_.harness(kDevice).count_descriptors();  // for done and error
  for (const Perturbation& p : schedule) {
    at_[{p.cpu, p.k}] = entries_.size();
    entries_.push_back({p});
  }
}

std::vector<std::pair<Perturbation, PerturbResult>> Perturber::results() const {
  std::vector<std::pair<Perturbation, PerturbResult>> out;
  for (const Entry& e : entries_) out.emplace_back(e.p, e.result);
  return out;
}

void Perturber::at_boundary(SimCpu& cpu, std::uint64_t k, const BoundaryFacts& facts) {
  release_finished_drains(cpu.id());
  const auto it = at_.find({cpu.id(), k});
  if (it == at_.end()) return;
  Entry& e = entries_[it->second];
  const std::uint64_t start = platform_.cycle();
  e.result = applicable(e.p, cpu, facts) ? apply(cpu, e.p, it->second) : PerturbResult::kInapplicable;
  platform_.log().line(
      platform_.cycle(), fmt::format("cpu{} {}", cpu.id(), to_string(cpu.context())),
      fmt::format("schedule: {} {} (held {} cycles)", to_string(e.p), to_string(e.result), platform_.cycle() - start));
}

bool Perturber::applicable(const Perturbation& p, const SimCpu& cpu, const BoundaryFacts& facts) const {
  switch (p.kind) {
    case PerturbKind::kDone:
    case PerturbKind::kError: return facts.inflight;
    case PerturbKind::kPm: return facts.pm;
    case PerturbKind::kIrq: return facts.irqs;
    case PerturbKind::kFirst:
      for (unsigned i = 0; i < platform_.cpus(); ++i) {
        if (i != cpu.id() && !platform_.cpu(i).finished()) return true;
      }
      return false;
    case PerturbKind::kDrain: return facts.buffered;
  }
  return false;
}

PerturbResult Perturber::apply(SimCpu& cpu, const Perturbation& p, std::size_t entry) {
  switch (p.kind) {
    case PerturbKind::kDone: return hold_until_descriptor_ends(cpu);
    case PerturbKind::kError: return inject_error(cpu);
    case PerturbKind::kPm:
      return hold(cpu, [this] {
        for (unsigned d = 0; d < platform_.devices(); ++d) {
          if (platform_.harness(d).peek().pm_busy) return false;
        }
        return true;
      });
    case PerturbKind::kIrq: {
      const PerturbResult r = hold(cpu, [&] { return platform_.pic().pending_for(cpu.id()) >= 0; });
      if (r == PerturbResult::kApplied && !platform_.stopping()) cpu.interrupt_here();
      return r;
    }
    case PerturbKind::kFirst: return hold_for_other_cpu(cpu);
    case PerturbKind::kDrain: {
      const unsigned c = cpu.id();
      platform_.store_buffer()->hold(c, true);
      drains_[c] = {p.k, entry};
      // Bounded like every hold: a call that never returns does not keep the writes for ever.
      platform_.scheduler().at_cycle(platform_.cycle() + kHoldBoundCycles, [this, c, entry] {
        const auto it = drains_.find(c);
        if (it != drains_.end() && it->second.entry == entry) release_drain(c, PerturbResult::kExpired);
      });
      return PerturbResult::kApplied;
    }
  }
  return PerturbResult::kInapplicable;
}

PerturbResult Perturber::hold(SimCpu& cpu, const std::function<bool()>& done) {
  const std::uint64_t start = platform_.cycle();
  // The checkers' bounds do not count held cycles; an interrupt taken meanwhile is not held.
  struct Held {
    Platform& platform;
    explicit Held(Platform& p) : platform(p) { platform.holds().begin(platform.cycle()); }
    ~Held() { platform.holds().end(platform.cycle()); }
  };
  std::optional<Held> held;
  held.emplace(platform_);
  while (!done() && !platform_.stopping()) {
    if (platform_.cycle() - start >= kHoldBoundCycles) return PerturbResult::kExpired;
    // A held CPU is a slow one, between two HAL calls: interrupts preempt it there as ever.
    if (cpu.takes_interrupts() && platform_.pic().pending_for(cpu.id()) >= 0) {
      held.reset();
      cpu.interrupt_here();
      held.emplace(platform_);
      continue;
    }
    // Cycle by cycle: the engine runs no further ahead than the next poll, so what the
    // condition reads is the device as it is in this cycle.
    sc_core::wait(cycle_period());
    sc_core::wait(sc_core::SC_ZERO_TIME);
  }
  return PerturbResult::kApplied;
}

PerturbResult Perturber::hold_until_descriptor_ends(SimCpu& cpu) {
  const DeviceHarness& device = platform_.harness(kDevice);
  const std::uint64_t ended = device.descriptors_ended();
  return hold(cpu, [&] { return device.descriptors_ended() != ended; });
}

// The in-flight descriptor's next memory answer fails (the fault injector), then the CPU is
// held until the descriptor ends, in error.
PerturbResult Perturber::inject_error(SimCpu& cpu) {
  platform_.faults().fail_descriptor(kDevice, descriptor_in_flight(platform_));
  const PerturbResult result = hold_until_descriptor_ends(cpu);
  platform_.faults().lift_descriptor_fault(kDevice);
  return result;
}

// Until another CPU still running its program has begun its next HAL call and returned
// from it (or ended its program). It cannot while it spins on a lock the held CPU holds:
// then the hold ends at once, the other CPU queued for the lock (it gets it at the held
// CPU's release), rather than wait out the bound for nothing.
PerturbResult Perturber::hold_for_other_cpu(SimCpu& cpu) {
  std::vector<std::pair<unsigned, std::uint64_t>> next;
  for (unsigned i = 0; i < platform_.cpus(); ++i) {
    if (i != cpu.id() && !platform_.cpu(i).finished()) next.emplace_back(i, boundaries_.calls_begun(i));
  }
  return hold(cpu, [&] {
    bool all_blocked = true;
    for (const auto& [other, k] : next) {
      if (boundaries_.call_finished(other, k)) return true;
      all_blocked = all_blocked && platform_.spins_on(other, cpu.id());
    }
    return all_blocked;
  });
}

// Once call k has returned, the writes stay through the driver work that follows it (the
// cost of the CPU's next call), so that the device acts on call k before it sees them.
void Perturber::release_finished_drains(unsigned cpu) {
  const auto it = drains_.find(cpu);
  if (it == drains_.end() || it->second.releasing || !boundaries_.call_finished(cpu, it->second.k)) return;
  it->second.releasing = true;
  const std::size_t entry = it->second.entry;
  platform_.scheduler().at_cycle(platform_.cycle() + platform_.config().hal_call_cycles, [this, cpu, entry] {
    const auto held = drains_.find(cpu);
    if (held != drains_.end() && held->second.entry == entry) release_drain(cpu, PerturbResult::kApplied);
  });
}

// The held writes become ordinary again: those whose time has passed drain now.
void Perturber::release_drain(unsigned cpu, PerturbResult result) {
  const auto it = drains_.find(cpu);
  const std::size_t entry = it->second.entry;
  entries_[entry].result = result;
  drains_.erase(it);
  StoreBuffer& buffer = *platform_.store_buffer();
  buffer.hold(cpu, false);
  const std::uint64_t pending = buffer.bytes_pending();
  buffer.drain_due(platform_.cycle());
  platform_.log().line(platform_.cycle(), fmt::format("cpu{}", cpu),
                       fmt::format("schedule: {} released; {} bytes held past their time drain now",
                                   to_string(entries_[entry].p), pending - buffer.bytes_pending()));
}

}  // namespace tandem
