// The HAL-call boundaries of a run: numbers each CPU's calls (from 0, in every context, in
// the order the CPU begins them), knows which calls have finished, records each boundary
// with what applies there and the state digest (boundaries.txt), and hands each one to the
// perturber that replays a schedule (sim/platform/perturber.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "boundary_hook.hpp"

namespace tandem {

class Platform;
class Perturber;

class Boundaries : public BoundaryHook {
 public:
  // Installs itself as the platform's boundary hook (and removes itself when destroyed).
  Boundaries(Platform& platform, bool record);
  ~Boundaries() override;
  Boundaries(const Boundaries&) = delete;
  Boundaries& operator=(const Boundaries&) = delete;

  void set_perturber(Perturber* perturber) { perturber_ = perturber; }
  void before_call(SimCpu& cpu, HalCall call, std::uint64_t target, unsigned device) override;

  // Whether CPU `cpu`'s call `k` has returned: a later call of its began in the context
  // the call ran in or an outer one (interrupts and bottom halves nest inside calls), or
  // its program ended.
  bool call_finished(unsigned cpu, std::uint64_t k) const;
  // The number of calls CPU `cpu` has begun (the index of its next one).
  std::uint64_t calls_begun(unsigned cpu) const { return cpus_.at(cpu).next; }

  // The recorded boundaries, one line each, by cycle, then CPU.
  std::vector<std::string> lines() const;
  bool write(const std::string& path) const;

 private:
  struct OpenCall {
    std::uint64_t k;
    int depth;  // process 0, bottom half 1, interrupt 2: a call nests only deeper ones
  };
  struct Cpu {
    std::uint64_t next = 0;
    std::vector<OpenCall> open;
  };
  struct Line {
    std::uint64_t cycle;
    unsigned cpu;
    std::string text;
  };

  Platform& platform_;
  bool record_;
  Perturber* perturber_ = nullptr;
  std::vector<Cpu> cpus_;
  std::vector<Line> lines_;
};

}  // namespace tandem
