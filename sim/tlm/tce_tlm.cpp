#include "tce_tlm.hpp"

#include <cstring>

namespace tandem {

namespace {
HarnessConfig config_for(const std::string& variant) {
  HarnessConfig c;
  c.variant = variant;
  c.mem.read_latency = c.mem.write_latency = 0;  // the memory behind the socket brings its own
  return c;
}
}  // namespace

TceTlm::TceTlm(sc_core::sc_module_name name, const std::string& variant, sc_core::sc_time period)
    : sc_module(name), csr("csr"), mem("mem"), irq("irq", 4), period_(period), harness_(*this, config_for(variant)) {
  csr.register_b_transport(this, &TceTlm::csr_transport);
  SC_THREAD(clock);
}

// Runs the device cycle by cycle on its clock, handing CSR answers and interrupt changes to
// the SystemC side as they happen.
void TceTlm::clock() {
  std::uint32_t irq_before = 0;
  for (;;) {
    harness_.run(1);
    wait(period_);
    if (!harness_.csr().completed().empty()) {
      harness_.csr().completed().clear();
      csr_done_.notify();
    }
    const std::uint32_t lines = harness_.irq_lines();
    if (lines != irq_before) {
      for (unsigned v = 0; v < irq.size(); ++v) irq[v].write((lines >> v & 1) != 0);
      irq_before = lines;
    }
  }
}

void TceTlm::csr_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  if (trans.get_data_length() != 4 || trans.get_address() % 4 != 0 || trans.get_address() >= 4096 ||
      trans.get_byte_enable_ptr() != nullptr) {
    trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  wait(delay);  // bring the initiator's local time in line with the device's
  delay = sc_core::SC_ZERO_TIME;
  while (harness_.cycle() <= harness_.reset_cycles()) wait(period_);  // out of reset first
  CsrRequest req;
  req.write = trans.is_write();
  req.addr = static_cast<std::uint32_t>(trans.get_address());
  if (req.write) std::memcpy(&req.data, trans.get_data_ptr(), 4);
  harness_.csr().submit(&req, harness_.cycle());
  while (req.completed == 0) wait(csr_done_);  // the master answers within its timeout
  if (!req.write) std::memcpy(trans.get_data_ptr(), &req.data, 4);
  switch (req.resp) {
    case AxiResp::kOkay: trans.set_response_status(tlm::TLM_OK_RESPONSE); break;
    case AxiResp::kDecErr: trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE); break;
    default: trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE); break;
  }
}

bool TceTlm::read_beat(std::uint64_t addr, std::uint64_t* data) {
  tlm::tlm_generic_payload trans;
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  trans.set_command(tlm::TLM_READ_COMMAND);
  trans.set_address(addr);
  trans.set_data_ptr(reinterpret_cast<unsigned char*>(data));
  trans.set_data_length(8);
  trans.set_streaming_width(8);
  trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  mem->b_transport(trans, delay);
  return trans.is_response_ok();
}

bool TceTlm::write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) {
  unsigned char enables[8];
  for (unsigned i = 0; i < 8; ++i) enables[i] = (strobes >> i & 1) ? TLM_BYTE_ENABLED : TLM_BYTE_DISABLED;
  tlm::tlm_generic_payload trans;
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  trans.set_command(tlm::TLM_WRITE_COMMAND);
  trans.set_address(addr);
  trans.set_data_ptr(reinterpret_cast<unsigned char*>(&data));
  trans.set_data_length(8);
  trans.set_streaming_width(8);
  trans.set_byte_enable_ptr(enables);
  trans.set_byte_enable_length(8);
  trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  mem->b_transport(trans, delay);
  return trans.is_response_ok();
}

}  // namespace tandem
