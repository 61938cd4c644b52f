// What the engine saves: the same RTL Verilated with --sc and clocked by sc_clock, every
// port an sc_signal, the platform's bus models moving the copy workload of copy_bench
// (copy_program.hpp: the same descriptors, CSR writes and polling, memory at the same
// latency). Prints the same JSON line as copy_bench (pin_sc_bench [--bytes N] [--copies
// N]); bench/speed.py runs it interleaved with the lean loop.
#include <systemc>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "Vtce_top_sc.h"
#include "axi_mem_slave.hpp"
#include "axil_master.hpp"
#include "copy_program.hpp"
#include "cpu_time.hpp"
#include "host_memory.hpp"
#include "quiet_systemc.hpp"
#include "tce_regs.hpp"

using tandem::CData;
using tandem::IData;
using tandem::QData;
using tandem::SData;

namespace {

// The TCE's ports as SystemC signals, each with the plain copy that the bus models read
// and write (the same models the engine uses, on the same pins).
struct PinLevel {
  sc_core::sc_signal<bool> rst_ni{"rst_ni"};
  CData m_rst_ni = 0;
  sc_core::sc_signal<bool> s_axil_awvalid_i{"s_axil_awvalid_i"};
  CData m_s_axil_awvalid_i = 0;
  sc_core::sc_signal<bool> s_axil_awready_o{"s_axil_awready_o"};
  CData m_s_axil_awready_o = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_awaddr_i{"s_axil_awaddr_i"};
  SData m_s_axil_awaddr_i = 0;
  sc_core::sc_signal<bool> s_axil_wvalid_i{"s_axil_wvalid_i"};
  CData m_s_axil_wvalid_i = 0;
  sc_core::sc_signal<bool> s_axil_wready_o{"s_axil_wready_o"};
  CData m_s_axil_wready_o = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_wdata_i{"s_axil_wdata_i"};
  IData m_s_axil_wdata_i = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_wstrb_i{"s_axil_wstrb_i"};
  CData m_s_axil_wstrb_i = 0;
  sc_core::sc_signal<bool> s_axil_bvalid_o{"s_axil_bvalid_o"};
  CData m_s_axil_bvalid_o = 0;
  sc_core::sc_signal<bool> s_axil_bready_i{"s_axil_bready_i"};
  CData m_s_axil_bready_i = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_bresp_o{"s_axil_bresp_o"};
  CData m_s_axil_bresp_o = 0;
  sc_core::sc_signal<bool> s_axil_arvalid_i{"s_axil_arvalid_i"};
  CData m_s_axil_arvalid_i = 0;
  sc_core::sc_signal<bool> s_axil_arready_o{"s_axil_arready_o"};
  CData m_s_axil_arready_o = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_araddr_i{"s_axil_araddr_i"};
  SData m_s_axil_araddr_i = 0;
  sc_core::sc_signal<bool> s_axil_rvalid_o{"s_axil_rvalid_o"};
  CData m_s_axil_rvalid_o = 0;
  sc_core::sc_signal<bool> s_axil_rready_i{"s_axil_rready_i"};
  CData m_s_axil_rready_i = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_rdata_o{"s_axil_rdata_o"};
  IData m_s_axil_rdata_o = 0;
  sc_core::sc_signal<std::uint32_t> s_axil_rresp_o{"s_axil_rresp_o"};
  CData m_s_axil_rresp_o = 0;
  sc_core::sc_signal<bool> m_axi_arvalid_o{"m_axi_arvalid_o"};
  CData m_m_axi_arvalid_o = 0;
  sc_core::sc_signal<bool> m_axi_arready_i{"m_axi_arready_i"};
  CData m_m_axi_arready_i = 0;
  sc_core::sc_signal<std::uint64_t> m_axi_araddr_o{"m_axi_araddr_o"};
  QData m_m_axi_araddr_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_arlen_o{"m_axi_arlen_o"};
  CData m_m_axi_arlen_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_arsize_o{"m_axi_arsize_o"};
  CData m_m_axi_arsize_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_arburst_o{"m_axi_arburst_o"};
  CData m_m_axi_arburst_o = 0;
  sc_core::sc_signal<bool> m_axi_rvalid_i{"m_axi_rvalid_i"};
  CData m_m_axi_rvalid_i = 0;
  sc_core::sc_signal<bool> m_axi_rready_o{"m_axi_rready_o"};
  CData m_m_axi_rready_o = 0;
  sc_core::sc_signal<std::uint64_t> m_axi_rdata_i{"m_axi_rdata_i"};
  QData m_m_axi_rdata_i = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_rresp_i{"m_axi_rresp_i"};
  CData m_m_axi_rresp_i = 0;
  sc_core::sc_signal<bool> m_axi_rlast_i{"m_axi_rlast_i"};
  CData m_m_axi_rlast_i = 0;
  sc_core::sc_signal<bool> m_axi_awvalid_o{"m_axi_awvalid_o"};
  CData m_m_axi_awvalid_o = 0;
  sc_core::sc_signal<bool> m_axi_awready_i{"m_axi_awready_i"};
  CData m_m_axi_awready_i = 0;
  sc_core::sc_signal<std::uint64_t> m_axi_awaddr_o{"m_axi_awaddr_o"};
  QData m_m_axi_awaddr_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_awlen_o{"m_axi_awlen_o"};
  CData m_m_axi_awlen_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_awsize_o{"m_axi_awsize_o"};
  CData m_m_axi_awsize_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_awburst_o{"m_axi_awburst_o"};
  CData m_m_axi_awburst_o = 0;
  sc_core::sc_signal<bool> m_axi_wvalid_o{"m_axi_wvalid_o"};
  CData m_m_axi_wvalid_o = 0;
  sc_core::sc_signal<bool> m_axi_wready_i{"m_axi_wready_i"};
  CData m_m_axi_wready_i = 0;
  sc_core::sc_signal<std::uint64_t> m_axi_wdata_o{"m_axi_wdata_o"};
  QData m_m_axi_wdata_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_wstrb_o{"m_axi_wstrb_o"};
  CData m_m_axi_wstrb_o = 0;
  sc_core::sc_signal<bool> m_axi_wlast_o{"m_axi_wlast_o"};
  CData m_m_axi_wlast_o = 0;
  sc_core::sc_signal<bool> m_axi_bvalid_i{"m_axi_bvalid_i"};
  CData m_m_axi_bvalid_i = 0;
  sc_core::sc_signal<bool> m_axi_bready_o{"m_axi_bready_o"};
  CData m_m_axi_bready_o = 0;
  sc_core::sc_signal<std::uint32_t> m_axi_bresp_i{"m_axi_bresp_i"};
  CData m_m_axi_bresp_i = 0;
  sc_core::sc_signal<std::uint32_t> irq_o{"irq_o"};
  CData m_irq_o = 0;
  sc_core::sc_signal<bool> quiescent_o{"quiescent_o"};
  CData m_quiescent_o = 0;
  CData m_clk_i = 0;

  template <typename Dut>
  void bind(Dut& dut) {
    dut.rst_ni(rst_ni);
    dut.s_axil_awvalid_i(s_axil_awvalid_i);
    dut.s_axil_awready_o(s_axil_awready_o);
    dut.s_axil_awaddr_i(s_axil_awaddr_i);
    dut.s_axil_wvalid_i(s_axil_wvalid_i);
    dut.s_axil_wready_o(s_axil_wready_o);
    dut.s_axil_wdata_i(s_axil_wdata_i);
    dut.s_axil_wstrb_i(s_axil_wstrb_i);
    dut.s_axil_bvalid_o(s_axil_bvalid_o);
    dut.s_axil_bready_i(s_axil_bready_i);
    dut.s_axil_bresp_o(s_axil_bresp_o);
    dut.s_axil_arvalid_i(s_axil_arvalid_i);
    dut.s_axil_arready_o(s_axil_arready_o);
    dut.s_axil_araddr_i(s_axil_araddr_i);
    dut.s_axil_rvalid_o(s_axil_rvalid_o);
    dut.s_axil_rready_i(s_axil_rready_i);
    dut.s_axil_rdata_o(s_axil_rdata_o);
    dut.s_axil_rresp_o(s_axil_rresp_o);
    dut.m_axi_arvalid_o(m_axi_arvalid_o);
    dut.m_axi_arready_i(m_axi_arready_i);
    dut.m_axi_araddr_o(m_axi_araddr_o);
    dut.m_axi_arlen_o(m_axi_arlen_o);
    dut.m_axi_arsize_o(m_axi_arsize_o);
    dut.m_axi_arburst_o(m_axi_arburst_o);
    dut.m_axi_rvalid_i(m_axi_rvalid_i);
    dut.m_axi_rready_o(m_axi_rready_o);
    dut.m_axi_rdata_i(m_axi_rdata_i);
    dut.m_axi_rresp_i(m_axi_rresp_i);
    dut.m_axi_rlast_i(m_axi_rlast_i);
    dut.m_axi_awvalid_o(m_axi_awvalid_o);
    dut.m_axi_awready_i(m_axi_awready_i);
    dut.m_axi_awaddr_o(m_axi_awaddr_o);
    dut.m_axi_awlen_o(m_axi_awlen_o);
    dut.m_axi_awsize_o(m_axi_awsize_o);
    dut.m_axi_awburst_o(m_axi_awburst_o);
    dut.m_axi_wvalid_o(m_axi_wvalid_o);
    dut.m_axi_wready_i(m_axi_wready_i);
    dut.m_axi_wdata_o(m_axi_wdata_o);
    dut.m_axi_wstrb_o(m_axi_wstrb_o);
    dut.m_axi_wlast_o(m_axi_wlast_o);
    dut.m_axi_bvalid_i(m_axi_bvalid_i);
    dut.m_axi_bready_o(m_axi_bready_o);
    dut.m_axi_bresp_i(m_axi_bresp_i);
    dut.irq_o(irq_o);
    dut.quiescent_o(quiescent_o);
  }
  tandem::DevicePins pins() {
    tandem::DevicePins p{};
    p.clk = &m_clk_i;
    p.rst_n = &m_rst_ni;
    p.csr.awvalid = &m_s_axil_awvalid_i;
    p.csr.awready = &m_s_axil_awready_o;
    p.csr.awaddr = tandem::WordPin::of(&m_s_axil_awaddr_i);
    p.csr.wvalid = &m_s_axil_wvalid_i;
    p.csr.wready = &m_s_axil_wready_o;
    p.csr.wdata = &m_s_axil_wdata_i;
    p.csr.wstrb = &m_s_axil_wstrb_i;
    p.csr.bvalid = &m_s_axil_bvalid_o;
    p.csr.bready = &m_s_axil_bready_i;
    p.csr.bresp = &m_s_axil_bresp_o;
    p.csr.arvalid = &m_s_axil_arvalid_i;
    p.csr.arready = &m_s_axil_arready_o;
    p.csr.araddr = tandem::WordPin::of(&m_s_axil_araddr_i);
    p.csr.rvalid = &m_s_axil_rvalid_o;
    p.csr.rready = &m_s_axil_rready_i;
    p.csr.rdata = &m_s_axil_rdata_o;
    p.csr.rresp = &m_s_axil_rresp_o;
    p.mem.arvalid = &m_m_axi_arvalid_o;
    p.mem.arready = &m_m_axi_arready_i;
    p.mem.araddr = &m_m_axi_araddr_o;
    p.mem.arlen = &m_m_axi_arlen_o;
    p.mem.arsize = &m_m_axi_arsize_o;
    p.mem.arburst = &m_m_axi_arburst_o;
    p.mem.rvalid = &m_m_axi_rvalid_i;
    p.mem.rready = &m_m_axi_rready_o;
    p.mem.rdata = &m_m_axi_rdata_i;
    p.mem.rresp = &m_m_axi_rresp_i;
    p.mem.rlast = &m_m_axi_rlast_i;
    p.mem.awvalid = &m_m_axi_awvalid_o;
    p.mem.awready = &m_m_axi_awready_i;
    p.mem.awaddr = &m_m_axi_awaddr_o;
    p.mem.awlen = &m_m_axi_awlen_o;
    p.mem.awsize = &m_m_axi_awsize_o;
    p.mem.awburst = &m_m_axi_awburst_o;
    p.mem.wvalid = &m_m_axi_wvalid_o;
    p.mem.wready = &m_m_axi_wready_i;
    p.mem.wdata = &m_m_axi_wdata_o;
    p.mem.wstrb = &m_m_axi_wstrb_o;
    p.mem.wlast = &m_m_axi_wlast_o;
    p.mem.bvalid = &m_m_axi_bvalid_i;
    p.mem.bready = &m_m_axi_bready_o;
    p.mem.bresp = &m_m_axi_bresp_i;
    p.irq = tandem::WordPin::of(&m_irq_o);
    p.quiescent = &m_quiescent_o;
    p.has_mem = true;
    return p;
  }
  // Device outputs, as they were before this edge, into the mirror the bus models read.
  void read_outputs() {
    m_s_axil_awready_o = static_cast<CData>(s_axil_awready_o.read());
    m_s_axil_wready_o = static_cast<CData>(s_axil_wready_o.read());
    m_s_axil_bvalid_o = static_cast<CData>(s_axil_bvalid_o.read());
    m_s_axil_bresp_o = static_cast<CData>(s_axil_bresp_o.read());
    m_s_axil_arready_o = static_cast<CData>(s_axil_arready_o.read());
    m_s_axil_rvalid_o = static_cast<CData>(s_axil_rvalid_o.read());
    m_s_axil_rdata_o = static_cast<IData>(s_axil_rdata_o.read());
    m_s_axil_rresp_o = static_cast<CData>(s_axil_rresp_o.read());
    m_m_axi_arvalid_o = static_cast<CData>(m_axi_arvalid_o.read());
    m_m_axi_araddr_o = static_cast<QData>(m_axi_araddr_o.read());
    m_m_axi_arlen_o = static_cast<CData>(m_axi_arlen_o.read());
    m_m_axi_arsize_o = static_cast<CData>(m_axi_arsize_o.read());
    m_m_axi_arburst_o = static_cast<CData>(m_axi_arburst_o.read());
    m_m_axi_rready_o = static_cast<CData>(m_axi_rready_o.read());
    m_m_axi_awvalid_o = static_cast<CData>(m_axi_awvalid_o.read());
    m_m_axi_awaddr_o = static_cast<QData>(m_axi_awaddr_o.read());
    m_m_axi_awlen_o = static_cast<CData>(m_axi_awlen_o.read());
    m_m_axi_awsize_o = static_cast<CData>(m_axi_awsize_o.read());
    m_m_axi_awburst_o = static_cast<CData>(m_axi_awburst_o.read());
    m_m_axi_wvalid_o = static_cast<CData>(m_axi_wvalid_o.read());
    m_m_axi_wdata_o = static_cast<QData>(m_axi_wdata_o.read());
    m_m_axi_wstrb_o = static_cast<CData>(m_axi_wstrb_o.read());
    m_m_axi_wlast_o = static_cast<CData>(m_axi_wlast_o.read());
    m_m_axi_bready_o = static_cast<CData>(m_axi_bready_o.read());
    m_irq_o = static_cast<CData>(irq_o.read());
    m_quiescent_o = static_cast<CData>(quiescent_o.read());
  }
  // What the bus models drive, onto the signals (seen by the device after this edge).
  void write_inputs() {
    rst_ni.write(static_cast<bool>(m_rst_ni));
    s_axil_awvalid_i.write(static_cast<bool>(m_s_axil_awvalid_i));
    s_axil_awaddr_i.write(static_cast<std::uint32_t>(m_s_axil_awaddr_i));
    s_axil_wvalid_i.write(static_cast<bool>(m_s_axil_wvalid_i));
    s_axil_wdata_i.write(static_cast<std::uint32_t>(m_s_axil_wdata_i));
    s_axil_wstrb_i.write(static_cast<std::uint32_t>(m_s_axil_wstrb_i));
    s_axil_bready_i.write(static_cast<bool>(m_s_axil_bready_i));
    s_axil_arvalid_i.write(static_cast<bool>(m_s_axil_arvalid_i));
    s_axil_araddr_i.write(static_cast<std::uint32_t>(m_s_axil_araddr_i));
    s_axil_rready_i.write(static_cast<bool>(m_s_axil_rready_i));
    m_axi_arready_i.write(static_cast<bool>(m_m_axi_arready_i));
    m_axi_rvalid_i.write(static_cast<bool>(m_m_axi_rvalid_i));
    m_axi_rdata_i.write(static_cast<std::uint64_t>(m_m_axi_rdata_i));
    m_axi_rresp_i.write(static_cast<std::uint32_t>(m_m_axi_rresp_i));
    m_axi_rlast_i.write(static_cast<bool>(m_m_axi_rlast_i));
    m_axi_awready_i.write(static_cast<bool>(m_m_axi_awready_i));
    m_axi_wready_i.write(static_cast<bool>(m_m_axi_wready_i));
    m_axi_bvalid_i.write(static_cast<bool>(m_m_axi_bvalid_i));
    m_axi_bresp_i.write(static_cast<std::uint32_t>(m_m_axi_bresp_i));
  }
};

struct Bench : sc_core::sc_module {
  SC_HAS_PROCESS(Bench);
  sc_core::sc_clock clk{"clk", sc_core::sc_time(1, sc_core::SC_NS)};
  PinLevel pins;
  Vtce_top_sc dut{"dut"};
  tandem::HostMemory memory;
  tandem::DevicePins view = pins.pins();
  tandem::AxilMaster csr{view.csr};
  // The lean loop's memory timing: 10 cycles of latency, no back-pressure.
  tandem::AxiMemSlave mem{view.mem, memory, tandem::MemConfig{10, 10, 8, 0, 1}};
  std::uint64_t cycles = 0;
  sc_core::sc_event csr_done;
  tandem::CopyTraffic traffic;
  tandem::CopySpan span;
  double seconds = 0;

  explicit Bench(sc_core::sc_module_name name) : sc_module(name) {
    dut.clk_i(clk);
    pins.bind(dut);
    SC_METHOD(edge);
    sensitive << clk.posedge_event();
    dont_initialize();
    SC_THREAD(program);
  }

  // At each rising edge: take the handshakes of this edge, then drive the next cycle.
  void edge() {
    pins.read_outputs();
    csr.sample(cycles);
    mem.sample(cycles);
    ++cycles;
    pins.m_rst_ni = cycles >= 4;
    csr.drive();
    mem.drive(cycles);
    pins.write_inputs();
    if (!csr.completed().empty()) {
      csr.completed().clear();
      csr_done.notify(sc_core::SC_ZERO_TIME);
    }
  }

  // The side's interface for run_copies().
  std::uint64_t cycle() const { return cycles; }
  void wait_cycles(std::uint64_t n) { wait(sc_core::sc_time(static_cast<double>(n), sc_core::SC_NS)); }
  bool write_csr(std::uint32_t addr, std::uint32_t value) {
    tandem::CsrRequest q;
    q.write = true;
    q.addr = addr;
    q.data = value;
    csr.submit(&q);
    while (q.completed == 0) wait(csr_done);  // the master times out: bounded
    return q.resp == tandem::AxiResp::kOkay;
  }
  std::uint64_t alloc(std::size_t size) { return memory.alloc(size); }
  std::uint8_t* bytes(std::uint64_t addr, std::size_t len) { return memory.at(addr, len); }

  void program() {
    double t0 = 0;
    span = run_copies(*this, traffic, [&] { t0 = tandem::cpu_seconds(); });
    seconds = tandem::cpu_seconds() - t0;
    sc_core::sc_stop();
  }
};

}  // namespace

int main(int argc, char* argv[]) {
  return tandem::quiet_systemc_main(argc, argv);
}

int sc_main(int argc, char* argv[]) {
  tandem::quiet_systemc_reports();
  Bench bench("bench");
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!tandem::traffic_option(argv[i], argv[i + 1], bench.traffic)) {
      std::fprintf(stderr, "usage: pin_sc_bench [--bytes N] [--copies N]\n");
      return 2;
    }
  }
  sc_core::sc_start();
  std::printf("{\"variant\": \"pin_sc\", \"cycles\": %llu, \"cpu_s\": %.6f, \"ok\": %s}\n",
              static_cast<unsigned long long>(bench.span.end - bench.span.begin), bench.seconds,
              bench.span.ok ? "true" : "false");
  return bench.span.ok ? 0 : 1;
}
