#include "run_layouts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "gtkw.hpp"
#include "platform.hpp"
#include "verilated_device.hpp"
#include "wave_file.hpp"

#ifndef TANDEM_FILTERS_DIR
#error "the build defines TANDEM_FILTERS_DIR: where it generates the translate filters"
#endif

namespace tandem::waves {

std::string filters_dir() {
  return TANDEM_FILTERS_DIR;
}

namespace {

std::filesystem::path layout_file(const std::string& dir, const std::string& view) {
  return std::filesystem::path(dir) / (view == view_names().front() ? "waves.gtkw" : "waves-" + view + ".gtkw");
}

}  // namespace

void remove_run_layouts(const std::string& dir) {
  std::error_code ec;
  for (const std::string& view : view_names()) std::filesystem::remove(layout_file(dir, view), ec);
}

std::string write_run_layouts(const RunWaves& run) {
  namespace fs = std::filesystem;
  GtkwOptions o;
  o.filters_dir = filters_dir();
  o.dumpfile = fs::absolute(run.trace).lexically_normal().string();
  if (run.failure_cycle) {
    // GTKWave opens at time 0 instead when the span would pass the trace's end (the run's
    // end and the trace's tail): the span ends a little before it (GTKWave's pixels vary).
    const std::uint64_t f = *run.failure_cycle;
    const std::uint64_t span = kCyclesBeforeFailure + kCyclesAfterFailure;
    const std::uint64_t to = std::min(f + kCyclesAfterFailure, run.end_cycle + WaveFile::kTailCycles - span / 20);
    o.from = time_of(to > span ? to - span : 0);
    o.to = time_of(to);
    o.marker = time_of(f);
    o.comment = "Opens on the first failure: the marker is at its cycle, where checker_fail steps.";
  } else {
    o.from = 0;
    o.to = time_of(std::max<std::uint64_t>(run.end_cycle, 1));
    o.comment = "Opens on the whole run.";
  }
  std::string first;
  for (const std::string& view : view_names()) {
    const fs::path file = layout_file(run.dir, view);
    std::ofstream out(file);
    out << render_gtkw(layout(view, run.shape), o);
    if (!out.flush()) return "";
    if (first.empty()) first = fs::absolute(file).lexically_normal().string();
  }
  return first;
}

std::string write_run_layouts(const Platform& platform, const std::string& trace) {
  RunWaves run;
  run.trace = trace;
  run.dir = std::filesystem::path(trace).parent_path().string();
  run.shape.cpus = platform.config().cpus;
  run.shape.devices = platform.devices();
  const PlatformConfig& config = platform.config();
  for (const DeviceSpec& d : device_specs(config.device_list, config.devices, config.variant)) {
    run.shape.kinds.push_back(d.kind);
  }
  if (const DeviceVariant* v = find_variant(platform.config().variant)) {
    run.shape.channels = v->channels;
    run.shape.vectors = v->vectors;
  }
  if (!platform.failures().empty()) run.failure_cycle = platform.failures().front().cycle;
  run.end_cycle = platform.cycle();
  return write_run_layouts(run);
}

}  // namespace tandem::waves
