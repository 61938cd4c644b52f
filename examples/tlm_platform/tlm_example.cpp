// A SystemC platform built from standard TLM-2.0 parts around TceTlm: a memory target, a
// CPU initiator that programs the device through its CSR socket, and a plain sc_signal as
// the interrupt line. The CPU copies 4000 bytes from one unaligned buffer to another and
// checks them. Exit code 0 when the copy arrived and completed with its interrupt.
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
#include <systemc>
#include <tlm>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "tce_regs.hpp"
#include "tce_tlm.hpp"

namespace r = tce::reg;

// Plain memory at [kBase, kBase + size), with byte enables.
struct Memory : sc_core::sc_module {
  static constexpr std::uint64_t kBase = 0x8000'0000;
  tlm_utils::simple_target_socket<Memory> socket;
  std::vector<unsigned char> bytes;

  Memory(sc_core::sc_module_name name, std::size_t size) : sc_module(name), socket("socket"), bytes(size, 0) {
    socket.register_b_transport(this, &Memory::transport);
  }
  void transport(tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    const std::uint64_t a = t.get_address();
    if (a < kBase || a + t.get_data_length() > kBase + bytes.size()) {
      t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    unsigned char* p = bytes.data() + (a - kBase);
    for (unsigned i = 0; i < t.get_data_length(); ++i) {
      const bool enabled = t.get_byte_enable_ptr() == nullptr ||
                           t.get_byte_enable_ptr()[i % t.get_byte_enable_length()] == TLM_BYTE_ENABLED;
      if (!enabled) continue;
      if (t.is_read()) t.get_data_ptr()[i] = p[i];
      if (t.is_write()) p[i] = t.get_data_ptr()[i];
    }
    delay += sc_core::sc_time(10, sc_core::SC_NS);
    t.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

struct Cpu : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Cpu> socket;
  sc_core::sc_in<bool> irq;
  Memory& memory;
  bool passed = false;

  SC_HAS_PROCESS(Cpu);
  Cpu(sc_core::sc_module_name name, Memory& m) : sc_module(name), socket("socket"), irq("irq"), memory(m) {
    SC_THREAD(run);
  }

  std::uint32_t access(bool write, std::uint32_t offset, std::uint32_t value) {
    tlm::tlm_generic_payload t;
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    t.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    t.set_address(offset);
    t.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
    t.set_data_length(4);
    t.set_streaming_width(4);
    t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    socket->b_transport(t, delay);
    if (!t.is_response_ok()) std::printf("tlm_example: CSR %s of 0x%03x failed\n", write ? "write" : "read", offset);
    return value;
  }

  void run() {
    if (access(false, r::ID::kOffset, 0) != r::ID::kReset) {
      std::printf("tlm_example: not a TCE\n");
      sc_core::sc_stop();
      return;
    }
    const std::uint64_t ring = Memory::kBase, src = Memory::kBase + 0x1003, dst = Memory::kBase + 0x3005;
    const std::uint32_t len = 4000;
    for (std::uint32_t i = 0; i < len; ++i) memory.bytes[src - Memory::kBase + i] = static_cast<unsigned char>(i * 7);
    unsigned char* d = memory.bytes.data();
    std::memcpy(d + r::desc::kSrcOffset, &src, 8);
    std::memcpy(d + r::desc::kDstOffset, &dst, 8);
    std::memcpy(d + r::desc::kLenOffset, &len, 4);
    const std::uint32_t ctrl = r::desc::CTRL::IRQ::kMask;
    std::memcpy(d + r::desc::kCtrlOffset, &ctrl, 4);
    access(true, r::RING_BASE_LO::offset(0), static_cast<std::uint32_t>(ring));
    access(true, r::RING_BASE_HI::offset(0), static_cast<std::uint32_t>(ring >> 32));
    access(true, r::RING_SIZE_LOG2::offset(0), 2);
    access(true, r::IRQ_ENABLE::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
    access(true, r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask);
    access(true, r::CH_CTRL::offset(0), r::CH_CTRL::RUN::kMask);
    access(true, r::RING_TAIL::offset(0), 1);
    wait(sc_core::sc_time(100, sc_core::SC_US), irq.posedge_event());
    if (!irq.read()) {
      std::printf("tlm_example: no interrupt within 100 us\n");
    } else {
      access(true, r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH_DONE::mask(0));
      // The bytes just outside the destination share beats with it: byte enables keep them.
      const unsigned char* out = d + (dst - Memory::kBase);
      passed = std::memcmp(d + (src - Memory::kBase), out, len) == 0 && out[-1] == 0 && out[len] == 0 &&
               access(false, r::RING_HEAD::offset(0), 0) == 1;
      std::printf("tlm_example: copy of %u bytes %s at %s\n", len, passed ? "arrived" : "is WRONG",
                  sc_core::sc_time_stamp().to_string().c_str());
    }
    sc_core::sc_stop();
  }
};

int main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int, char*[]) {
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  Memory memory("memory", 1 << 20);
  Cpu cpu("cpu", memory);
  tandem::TceTlm tce("tce");
  sc_core::sc_signal<bool> line("irq0");
  std::vector<std::unique_ptr<sc_core::sc_signal<bool>>> unused;
  cpu.socket.bind(tce.csr);
  tce.mem.bind(memory.socket);
  tce.irq[0].bind(line);
  cpu.irq.bind(line);
  for (std::size_t v = 1; v < tce.irq.size(); ++v) {
    unused.push_back(std::make_unique<sc_core::sc_signal<bool>>());
    tce.irq[v].bind(*unused.back());
  }
  sc_core::sc_start(sc_core::sc_time(10, sc_core::SC_MS));
  return cpu.passed ? 0 : 1;
}
