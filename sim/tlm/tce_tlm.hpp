// The TCE for a SystemC platform of your own, through the ecosystem's interfaces: a TLM-2.0
// target socket for the CSR window (32-bit accesses at offsets 0..4095), an initiator socket
// through which the device reaches memory (8-byte beats with byte enables), and one
// sc_out<bool> interrupt line per vector. Inside, the Verilated RTL runs cycle by cycle on
// its own clock; a CSR transaction takes the cycles its AXI4-Lite handshake takes.
#pragma once

#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
#include <systemc>
#include <tlm>

#include <string>

#include "device_harness.hpp"

namespace tandem {

class TceTlm : public sc_core::sc_module, private MemoryBus {
 public:
  tlm_utils::simple_target_socket<TceTlm> csr;
  tlm_utils::simple_initiator_socket<TceTlm> mem;
  sc_core::sc_vector<sc_core::sc_out<bool>> irq;

  SC_HAS_PROCESS(TceTlm);
  // `variant` names a Verilated tce_top (sim/verilated/verilated_device.hpp); `period` is its clock.
  TceTlm(sc_core::sc_module_name name, const std::string& variant = "default",
         sc_core::sc_time period = sc_core::sc_time(1, sc_core::SC_NS));

  std::uint64_t cycle() const { return harness_.cycle(); }

 private:
  void csr_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  void clock();
  bool read_beat(std::uint64_t addr, std::uint64_t* data) override;
  bool write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) override;

  sc_core::sc_time period_;
  DeviceHarness harness_;
  sc_core::sc_event csr_done_, csr_queued_;
};

}  // namespace tandem
