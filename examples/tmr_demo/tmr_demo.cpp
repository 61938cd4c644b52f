// A platform with two devices, a TCE (device 0) and a TMR timer (device 1): a CPU programs
// the TMR through its driver for a periodic timer and waits for a few expiries, each an
// interrupt. The demo prints the cycle at which each interrupt line rose and the handler
// ran, and exits 1 unless the interrupts came every period cycles, as the TMR's contract
// says (devices/tmr/README.md: periodic expiries every LOAD edges; a PULSE line high for
// the one cycle after each).
//
// What a platform of your own needs: a PlatformConfig with its device list (kind and RTL
// variant each), a RunLog, a program on a CPU, and the device's driver on the HAL of its
// device. The run is deterministic: the same build prints the same cycles.
#include <systemc>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "platform.hpp"
#include "run_log.hpp"
#include "tmr_timer.hpp"

namespace {

constexpr unsigned kTmr = 1;              // the TMR's place in the device list
constexpr std::uint32_t kPeriod = 1'000;  // cycles between expiries
constexpr unsigned kExpiries = 5;

struct Observed {
  std::vector<std::uint64_t> line_rises;  // the timer line's rising edges
  std::vector<std::uint64_t> handled;     // the driver's callback, in its interrupt handler
  std::uint64_t started = 0;              // when start() returned
  bool program_ok = false;
};

// The CPU's program: probe the TMR, start a periodic timer, wait for its expiries, stop.
void program(tandem::Platform& platform, Observed& seen) {
  tmr::TmrTimer timer(platform.hal(kTmr), {tmr::IrqMode::kPulse});
  if (timer.probe() != 0) {
    std::printf("tmr_demo: probe of the TMR failed\n");
    return;
  }
  if (timer.start(kPeriod, true, [&] { seen.handled.push_back(platform.cycle()); }) != 0) {
    std::printf("tmr_demo: the timer did not start\n");
    return;
  }
  seen.started = platform.cycle();
  // Bounded: twice the time the expiries need, so a timer that never fires ends the run.
  const int rc = timer.wait_expiries(kExpiries, 2ull * kExpiries * kPeriod);
  timer.stop();
  timer.remove();
  seen.program_ok = rc == 0;
}

// Whether the interrupts came as the contract says; prints what happened.
bool report(const Observed& seen) {
  bool ok = seen.program_ok && seen.line_rises.size() >= kExpiries && seen.handled.size() >= kExpiries;
  std::printf("tmr_demo: periodic timer of %u cycles started by cycle %llu\n", kPeriod,
              static_cast<unsigned long long>(seen.started));
  for (std::size_t i = 0; i < seen.line_rises.size(); ++i) {
    const std::uint64_t gap = i == 0 ? 0 : seen.line_rises[i] - seen.line_rises[i - 1];
    std::printf("  interrupt %zu: line rose at cycle %llu", i + 1, static_cast<unsigned long long>(seen.line_rises[i]));
    if (i < seen.handled.size()) {
      std::printf(", handled at cycle %llu", static_cast<unsigned long long>(seen.handled[i]));
    }
    if (i > 0) std::printf(", %llu cycles after the one before", static_cast<unsigned long long>(gap));
    // The first expiry is at edge E + 1 + LOAD, E the handshake of the CTRL write that
    // start() makes last, and the line rises the cycle after: after start() returned and
    // at most a period and a cycle later. Every later one exactly a period after the one before.
    const bool first_ok = seen.line_rises[0] > seen.started && seen.line_rises[0] <= seen.started + kPeriod + 1;
    if (i == 0 ? !first_ok : gap != kPeriod) {
      std::printf(i == 0 ? " (not within a period of the start)" : " (not the period)");
      ok = false;
    }
    std::printf("\n");
  }
  std::printf("tmr_demo: %s\n", ok ? "interrupts came every period, as the contract says" : "FAILED");
  return ok;
}

}  // namespace

int main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int, char*[]) {
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  tandem::PlatformConfig config;
  config.device_list = {{"tce", "default"}, {"tmr", "tmr"}};
  config.engine.max_cycles = 1'000'000;  // a bound on the whole run, far above what it needs
  tandem::RunLog log("", false);         // no log file: the demo prints what it saw
  tandem::Platform platform(config, log);

  Observed seen;
  // The TMR's timer line (its vector 0), watched on the platform's event bus.
  const unsigned timer_line = platform.line_of(kTmr, 0);
  auto watch = platform.events().subscribe(
      [&](const tandem::Event& e) {
        if (e.device == kTmr && e.line == timer_line && e.level) seen.line_rises.push_back(e.cycle);
      },
      tandem::kind_bit(tandem::EventKind::kDeviceIrq));
  platform.cpu(0).set_program([&](tandem::SimCpu&) { program(platform, seen); });
  platform.run();
  return report(seen) && platform.programs_finished() ? 0 : 1;
}
