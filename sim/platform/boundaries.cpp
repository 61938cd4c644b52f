#include "boundaries.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>

#include "boundary_state.hpp"
#include "perturber.hpp"
#include "platform.hpp"

namespace tandem {

namespace {

int depth_of(CpuContext context) {
  switch (context) {
    case CpuContext::kBottomHalf: return 1;
    case CpuContext::kIsr: return 2;
    default: return 0;
  }
}

std::string target_name(const Platform& platform, HalCall call, std::uint64_t target, unsigned device) {
  if (target == kNoTarget) return "-";
  if (targets_register(call)) return platform.register_name(device, static_cast<std::uint32_t>(target));
  return fmt::format("0x{:x}", target);
}

}  // namespace

Boundaries::Boundaries(Platform& platform, bool record) : platform_(platform), record_(record), cpus_(platform.cpus()) {
  platform_.set_boundary_hook(this);
}

Boundaries::~Boundaries() {
  platform_.set_boundary_hook(nullptr);
}

void Boundaries::before_call(SimCpu& cpu, HalCall call, std::uint64_t target, unsigned device) {
  Cpu& c = cpus_.at(cpu.id());
  const std::uint64_t k = c.next++;
  const int depth = depth_of(cpu.context());
  while (!c.open.empty() && c.open.back().depth >= depth) c.open.pop_back();
  c.open.push_back({k, depth});
  const BoundaryFacts facts = boundary_facts(platform_, cpu);
  if (record_) {
    lines_.push_back(
        {platform_.cycle(), cpu.id(),
         fmt::format("c{} {} cycle={} call={} target={} ctx={} irqs={:d} inflight={:d} pm={:d} sb={:d} state={:016x}",
                     cpu.id(), k, platform_.cycle(), to_string(call), target_name(platform_, call, target, device),
                     to_string(cpu.context()), facts.irqs, facts.inflight, facts.pm, facts.buffered,
                     platform_state(platform_))});
  }
  if (perturber_ != nullptr) perturber_->at_boundary(cpu, k, facts);
}

bool Boundaries::call_finished(unsigned cpu, std::uint64_t k) const {
  const Cpu& c = cpus_.at(cpu);
  if (platform_.cpu(cpu).finished()) return true;  // every call it will make is done
  if (k >= c.next) return false;
  return std::none_of(c.open.begin(), c.open.end(), [k](const OpenCall& o) { return o.k == k; });
}

std::vector<std::string> Boundaries::lines() const {
  std::vector<const Line*> sorted;
  for (const Line& l : lines_) sorted.push_back(&l);
  // CPUs in one cycle run in the kernel's order: the record puts them in CPU order.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Line* a, const Line* b) {
    return a->cycle != b->cycle ? a->cycle < b->cycle : a->cpu < b->cpu;
  });
  std::vector<std::string> out;
  for (const Line* l : sorted) out.push_back(l->text);
  return out;
}

bool Boundaries::write(const std::string& path) const {
  std::ofstream out(path);
  for (const std::string& l : lines()) out << l << "\n";
  return static_cast<bool>(out);
}

}  // namespace tandem
