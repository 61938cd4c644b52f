// The SystemC benchmarks' entry: without the kernel's banner and its info reports, so that
// their output is their figures alone.
#pragma once

#include <systemc>

#include <cstdlib>

namespace tandem {

// main() of a SystemC benchmark: sc_main() runs inside.
inline int quiet_systemc_main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}

// First thing in sc_main().
inline void quiet_systemc_reports() {
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
}

}  // namespace tandem
