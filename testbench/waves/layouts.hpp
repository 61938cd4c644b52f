// The GTKWave layouts, described once: which signals each view shows, in which groups,
// with which translate filters. The static layouts (build/gen/waves/<view>.gtkw) and the
// layout each run writes beside its waves are both rendered from here (gtkw.hpp), for the
// shape of the run: its CPUs, its devices, and its RTL variant's channels and vectors.
#pragma once

#include <string>
#include <vector>

namespace tandem::waves {

struct RunShape {
  unsigned cpus = 4;  // the static layouts show every CPU the platform can have
  unsigned devices = 1;
  unsigned channels = 2;  // NUM_CH of the RTL variant
  unsigned vectors = 2;   // NUM_VEC
  // Each device's kind, device 0 first ("tce", "tmr"); a device not listed is a TCE.
  std::vector<std::string> kinds;
};

// One line of a layout: a signal, or some bits of a vector signal.
struct Trace {
  enum class Radix { kBinary, kHex, kDecimal };
  std::string path;    // the full name without its range: tandem.tce_platform_top.irq_o
  unsigned width = 0;  // 0: a scalar; else declared [width-1:0] (a 1-bit vector is [0])
  int msb = -1;        // the bits shown, [msb:lsb]; -1: all of them
  int lsb = -1;
  std::string label;   // the name shown (an alias); empty: the signal's own
  std::string filter;  // translate filter file (gen/gtkwave/<filter>), empty: none
  // Verilator types the signal as an enum in FST traces, where GTKWave applies no
  // translate filter to it: its bits are shown regrouped as a plain vector instead.
  bool enum_typed = false;
  Radix radix = Radix::kHex;

  bool whole() const { return msb < 0; }
  // GTKWave's name of the signal: tandem.tce_platform_top.irq_o[1:0].
  std::string name() const;
};

struct Group {
  std::string title;
  std::vector<Trace> traces;
};

struct Layout {
  std::string view;
  std::string summary;
  std::vector<Group> groups;
};

// The views, the default first.
const std::vector<std::string>& view_names();
// The layout of `view` for a run of `shape`; throws std::invalid_argument for an unknown view.
Layout layout(const std::string& view, const RunShape& shape);

}  // namespace tandem::waves
