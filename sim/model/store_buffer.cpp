#include "store_buffer.hpp"

#include <algorithm>
#include <cstring>

#include "fnv.hpp"

namespace tandem {

std::uint8_t* StoreBuffer::add_region(std::uint64_t bus, std::size_t len) {
  auto r = std::make_unique<Region>();
  r->bus = bus;
  r->cpu.assign(memory_.at(bus, len), memory_.at(bus, len) + len);
  r->due.assign(len, 0);
  r->owner.assign(len, 0);
  std::uint8_t* view = r->cpu.data();
  regions_[bus] = std::move(r);
  return view;
}

void StoreBuffer::remove_region(std::uint64_t bus) {
  regions_.erase(bus);
}

StoreBuffer::Region* StoreBuffer::find(std::uint64_t addr) {
  auto it = regions_.upper_bound(addr);
  if (it == regions_.begin()) return nullptr;
  --it;
  Region* r = it->second.get();
  return addr < r->bus + r->cpu.size() ? r : nullptr;
}

std::uint64_t StoreBuffer::notice_writes(std::uint64_t now, unsigned cpu) {
  std::uint64_t earliest = 0;
  for (auto& [bus, r] : regions_) {
    const std::uint8_t* mem = memory_.at(bus, r->cpu.size());
    const bool pending = std::any_of(r->due.begin(), r->due.end(), [](std::uint64_t d) { return d != 0; });
    if (!pending && std::memcmp(r->cpu.data(), mem, r->cpu.size()) == 0) continue;  // nothing written
    // A function of (seed, CPU, cycle, region), not the next draw of a stream: CPUs noticed
    // in the same cycle get the same delays whatever order their threads ran in.
    const std::uint64_t due =
        now + 1 +
        Rng(seed_ ^ (std::uint64_t{cpu} << 56) ^ (now * 0x9E3779B97F4A7C15ull) ^ bus).range(min_delay_, max_delay_);
    std::size_t run = 0;  // newly written bytes just before i
    for (std::size_t i = 0; i < r->cpu.size(); ++i) {
      if (r->due[i] == 0 && r->cpu[i] != mem[i]) {
        r->due[i] = due;
        r->owner[i] = static_cast<std::uint8_t>(cpu);
        ++run;
      } else if (run != 0) {
        if (on_written) on_written(cpu, bus, bus + i - run, run);
        run = 0;
      }
      if (r->due[i] != 0 && !held(r->owner[i]) && (earliest == 0 || r->due[i] < earliest)) earliest = r->due[i];
    }
    if (run != 0 && on_written) on_written(cpu, bus, bus + r->cpu.size() - run, run);
  }
  return earliest;
}

void StoreBuffer::drain_due(std::uint64_t now) {
  drain(now, -1);
}

void StoreBuffer::drain_cpu(unsigned cpu) {
  drain(~std::uint64_t{0}, static_cast<int>(cpu));
}

void StoreBuffer::drain(std::uint64_t now, int cpu) {
  for (auto& [bus, r] : regions_) {
    std::uint8_t* mem = memory_.at(bus, r->cpu.size());
    for (std::size_t i = 0; i < r->cpu.size(); ++i) {
      if (r->due[i] != 0 && r->due[i] <= now && (cpu < 0 ? !held(r->owner[i]) : r->owner[i] == cpu)) {
        mem[i] = r->cpu[i];
        r->due[i] = 0;
      }
    }
  }
}

void StoreBuffer::drain_all() {
  held_ = 0;
  drain_due(~std::uint64_t{0});
}

void StoreBuffer::hold(unsigned cpu, bool on) {
  held_ = on ? held_ | 1u << cpu : held_ & ~(1u << cpu);
}

bool StoreBuffer::holds_writes(unsigned cpu) const {
  for (const auto& [bus, r] : regions_) {
    const std::uint8_t* mem = memory_.at(bus, r->cpu.size());
    for (std::size_t i = 0; i < r->cpu.size(); ++i) {
      // A byte not noticed yet is the writer's: it is noticed at its next HAL call, before
      // any other CPU runs.
      if (r->due[i] != 0 ? r->owner[i] == cpu : r->cpu[i] != mem[i]) return true;
    }
  }
  return false;
}

std::uint64_t StoreBuffer::digest(std::uint64_t now) const {
  Fnv1a h;
  for (const auto& [bus, r] : regions_) {
    h.u64(bus);
    h.bytes(r->cpu.data(), r->cpu.size());
    for (std::size_t i = 0; i < r->cpu.size(); ++i) {
      if (r->due[i] == 0) continue;
      h.u64(i);
      h.u64(r->due[i] > now ? r->due[i] - now : 0);
      h.byte(r->owner[i]);
    }
  }
  h.u64(held_);
  return h.value();
}

void StoreBuffer::device_wrote(std::uint64_t addr, std::uint8_t strobes) {
  // Regions start on a page and beats are 8-aligned: a beat starts in one region or none.
  Region* r = find(addr);
  if (r == nullptr) return;
  for (unsigned b = 0; b < 8; ++b) {
    if ((strobes >> b & 1) == 0) continue;
    const std::size_t i = addr + b - r->bus;
    if (i >= r->cpu.size()) break;
    // A byte the CPU wrote and has not drained keeps the CPU's value (store forwarding);
    // any other byte shows what the device wrote.
    if (r->due[i] == 0) r->cpu[i] = *memory_.at(addr + b);
  }
}

std::uint64_t StoreBuffer::next_due() const {
  std::uint64_t earliest = 0;
  for (const auto& [bus, r] : regions_) {
    for (std::size_t i = 0; i < r->due.size(); ++i) {
      const std::uint64_t d = r->due[i];
      if (d != 0 && !held(r->owner[i]) && (earliest == 0 || d < earliest)) earliest = d;
    }
  }
  return earliest;
}

bool StoreBuffer::pending(std::uint64_t addr, std::uint64_t len) const {
  for (const auto& [bus, r] : regions_) {
    for (std::uint64_t a = std::max(addr, bus); a < std::min(addr + len, bus + r->due.size()); ++a) {
      if (r->due[a - bus] != 0) return true;
    }
  }
  return false;
}

std::uint64_t StoreBuffer::bytes_pending() const {
  std::uint64_t n = 0;
  for (const auto& [bus, r] : regions_)
    n +=
        static_cast<std::uint64_t>(std::count_if(r->due.begin(), r->due.end(), [](std::uint64_t d) { return d != 0; }));
  return n;
}

}  // namespace tandem
