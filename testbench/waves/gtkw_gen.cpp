// Writes what the build generates for GTKWave: the runner's translate filters into
// <gen>/gtkwave/ and the static layouts, one per view, into <gen>/waves/ (for any trace:
// `gtkwave -a <gen>/waves/<view>.gtkw TRACE`). Usage: gtkw_gen GEN_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "filters.hpp"
#include "gtkw.hpp"
#include "layouts.hpp"

namespace {

// Leaves an unchanged file alone, so nothing that depends on it rebuilds.
bool write_if_changed(const std::filesystem::path& path, const std::string& text) {
  std::ifstream in(path);
  std::stringstream old;
  old << in.rdbuf();
  if (in && old.str() == text) return true;
  std::ofstream out(path);
  out << text;
  return static_cast<bool>(out.flush());
}

}  // namespace

// sc_main, not main: the tool links the simulator (for the names sim/platform/cpu.hpp gives HAL
// calls), and with it SystemC's own main.
extern "C" int sc_main(int argc, char* argv[]) {
  namespace fs = std::filesystem;
  using namespace tandem::waves;
  if (argc != 2) {
    std::fprintf(stderr, "usage: gtkw_gen GEN_DIR\n");
    return 2;
  }
  const fs::path gen = fs::absolute(argv[1]);
  fs::create_directories(gen / "gtkwave");
  fs::create_directories(gen / "waves");
  bool ok = true;
  for (const auto& [name, text] : runner_filters()) ok = write_if_changed(gen / "gtkwave" / name, text) && ok;
  GtkwOptions o;
  o.filters_dir = (gen / "gtkwave").string();
  o.comment = "Open a trace with it: gtkwave -a <this file> <run>/waves.fst (each run also writes its own).";
  for (const std::string& view : view_names()) {
    ok = write_if_changed(gen / "waves" / (view + ".gtkw"), render_gtkw(layout(view, RunShape{}), o)) && ok;
  }
  if (!ok) std::fprintf(stderr, "gtkw_gen: cannot write into %s\n", gen.c_str());
  return ok ? 0 : 1;
}
