// Renders a layout (layouts.hpp) as a GTKWave save file. Paths in it are absolute, so that
// `gtkwave FILE.gtkw` works from any folder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "layouts.hpp"

namespace tandem::waves {

struct GtkwOptions {
  std::string filters_dir;  // absolute: where the translate filters are (gen/gtkwave)
  std::string dumpfile;     // absolute: the trace to open (empty: none, as for `gtkwave -a`)
  // The time span to show, in the trace's time unit (ps: 1000 a cycle), and the marker.
  std::optional<std::uint64_t> from, to, marker;
  std::string comment;  // a line of text for the file's header
};

std::string render_gtkw(const Layout& layout, const GtkwOptions& options);

// The picoseconds (the traces' time unit) at which `cycle` starts.
inline std::uint64_t time_of(std::uint64_t cycle) {
  return cycle * 1000;
}

}  // namespace tandem::waves
