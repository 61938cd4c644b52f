// Engine speed: the same driver and the same DMA traffic (probe, then copies of 64 KiB with
// an interrupt each) run twice in one process, side by side:
//   raw     the Verilated model and bus models in a plain C++ loop, driver on LoopHal;
//   engine  the SystemC platform: the engine module, the interrupt controller, a CPU thread.
// Prints simulated cycles per wall-clock second of each and their ratio, checks that both
// ran the same number of cycles (the same traffic, cycle for cycle), and writes the figures to the JSON file named by
// argv[1].
#include <fmt/core.h>
#include <systemc>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

#include "cpu_time.hpp"
#include "loop_hal.hpp"
#include "platform.hpp"
#include "quiet_systemc.hpp"
#include "tce_device.hpp"

namespace {

constexpr unsigned kCopies = 200;
constexpr std::uint32_t kCopyBytes = 64 * 1024;

// The workload both sides run. Returns false if any copy failed or data differs.
bool workload(tce::Hal& hal, tandem::HostMemory& memory) {
  tce::TceDevice dev(hal);
  if (dev.probe() != 0) return false;
  auto* src = memory.at(memory.alloc(kCopyBytes), kCopyBytes);
  auto* dst = memory.at(memory.alloc(kCopyBytes), kCopyBytes);
  for (std::uint32_t i = 0; i < kCopyBytes; ++i) src[i] = static_cast<std::uint8_t>(i * 7 + 3);
  bool ok = true;
  for (unsigned n = 0; n < kCopies && ok; ++n) {
    tce::CopyRequest req;
    req.src = {{src, kCopyBytes}};
    req.dst = {{dst, kCopyBytes}};
    ok = dev.submit(req) == 0 && dev.wait(req, 10'000'000) == 0 && req.status == 0;
  }
  ok = ok && std::memcmp(src, dst, kCopyBytes) == 0;
  dev.remove();
  return ok;
}

struct Measured {
  std::uint64_t cycles = 0;
  double seconds = 0;
  bool ok = false;
  double rate() const { return static_cast<double>(cycles) / seconds; }
};

Measured run_raw() {
  tandem::HostMemory memory;
  tandem::HarnessConfig config;
  tandem::DeviceHarness harness(memory, config);
  tandem::LoopHal hal(harness, memory, tandem::PlatformConfig{}.hal_call_cycles);
  const double t0 = tandem::cpu_seconds();
  harness.run(harness.reset_cycles());
  Measured m;
  m.ok = workload(hal, memory);
  m.seconds = tandem::cpu_seconds() - t0;
  m.cycles = harness.cycle();
  return m;
}

Measured run_engine() {
  tandem::RunLog log("", false);
  tandem::PlatformConfig config;
  config.store_buffer_delay = 0;           // the raw loop has neither store buffer nor back-pressure:
  config.memory.backpressure_percent = 0;  // compare like with like
  tandem::Platform platform(config, log);
  Measured m;
  platform.cpu(0).set_program([&](tandem::SimCpu&) { m.ok = workload(platform.hal(), platform.memory()); });
  const double t0 = tandem::cpu_seconds();
  platform.run();
  m.seconds = tandem::cpu_seconds() - t0;
  m.cycles = platform.cycle();
  // No checker watches a bench run: it is good when its workload said so and nothing cut it
  // short (the cycle limit, an RTL assertion stop the run).
  m.ok = m.ok && !platform.stopping();
  return m;
}

}  // namespace

int main(int argc, char* argv[]) {
  return tandem::quiet_systemc_main(argc, argv);
}

int sc_main(int argc, char* argv[]) {
  tandem::quiet_systemc_reports();
  std::printf("engine_bench: %u copies of %u KiB, each with its interrupt, run on both sides\n", kCopies,
              kCopyBytes / 1024);
  // Raw runs before and after the engine; the faster of the two counts (the conservative
  // choice for the ratio: a cold first run would flatter the engine).
  const Measured raw_first = run_raw();
  const Measured engine = run_engine();
  const Measured raw_second = run_raw();
  const Measured raw = raw_second.rate() > raw_first.rate() ? raw_second : raw_first;
  const bool raw_ok = raw_first.ok && raw_second.ok && raw_first.cycles == raw_second.cycles;
  const double ratio = engine.rate() / raw.rate();
  const double bytes_per_cycle = static_cast<double>(kCopies) * kCopyBytes / static_cast<double>(engine.cycles);

  std::printf("\n| side | cycles | CPU s | M cycles/s |\n|---|---:|---:|---:|\n");
  std::printf("| raw Verilated loop | %llu | %.3f | %.2f |\n", static_cast<unsigned long long>(raw.cycles), raw.seconds,
              raw.rate() / 1e6);
  std::printf("| SystemC engine | %llu | %.3f | %.2f |\n", static_cast<unsigned long long>(engine.cycles),
              engine.seconds, engine.rate() / 1e6);
  std::printf("\nengine_vs_raw = %.3f (engine cycles/s over raw cycles/s)\n", ratio);
  std::printf("DMA throughput of this RTL revision: %.2f bytes/cycle\n", bytes_per_cycle);

  bool good = raw_ok && engine.ok;
  if (!good)
    std::printf("ERROR: a copy failed, or the two raw runs differ, on the %s side\n", raw_ok ? "engine" : "raw");
  if (raw.cycles != engine.cycles) {
    std::printf("ERROR: the two sides ran different cycle counts: not the same traffic\n");
    good = false;
  }
  if (argc > 1) {
    std::ofstream json(argv[1]);
    json << fmt::format(
        "{{\n  \"engine_vs_raw\": {:.4f},\n  \"raw_cycles_per_s\": {:.0f},\n  \"engine_cycles_per_s\": {:.0f},\n"
        "  \"cycles\": {},\n  \"dma_bytes_per_cycle_single_channel\": {:.3f}\n}}\n",
        ratio, raw.rate(), engine.rate(), engine.cycles, bytes_per_cycle);
    std::printf("results: %s\n", argv[1]);
  }
  return good ? 0 : 1;
}
