#include "layouts.hpp"

#include <fmt/core.h>

#include <stdexcept>

#include "wave_file.hpp"

namespace tandem::waves {

namespace {

// Translate filters (gen/gtkwave/): from the register description (scripts/regtool.py),
// the RTL's own enums (scripts/rtl_enums.py), and the runner's names (filters.hpp).
constexpr const char* kCsrAddr = "tce_csr_addr.gtkwf";
constexpr const char* kAxiResp = "tce_axi_resp.gtkwf";
constexpr const char* kErrCode = "tce_err_code.gtkwf";
constexpr const char* kPmState = "tce_pm_state.gtkwf";
constexpr const char* kDmaState = "tce_dma_state_e.gtkwf";
constexpr const char* kAxiSize = "axi_size.gtkwf";
constexpr const char* kAxiBurst = "axi_burst.gtkwf";
constexpr const char* kChecker = "tandem_checker.gtkwf";
constexpr const char* kHalCall = "tandem_hal_call.gtkwf";
constexpr const char* kCpuContext = "tandem_cpu_context.gtkwf";

using Radix = Trace::Radix;

Trace bit(const std::string& path) {
  Trace t;
  t.path = path;
  t.radix = Radix::kBinary;
  return t;
}

Trace vec(const std::string& path, unsigned width, const std::string& filter = "", Radix radix = Radix::kHex) {
  Trace t;
  t.path = path;
  t.width = width;
  t.filter = filter;
  t.radix = radix;
  return t;
}

Trace enum_vec(const std::string& path, unsigned width, const std::string& filter) {
  Trace t = vec(path, width, filter);
  t.enum_typed = true;
  return t;
}

// Bits [msb:lsb] of a vector, under their own name.
Trace slice(Trace t, unsigned msb, unsigned lsb, const std::string& label) {
  t.msb = static_cast<int>(msb);
  t.lsb = static_cast<int>(lsb);
  t.label = label;
  if (msb == lsb) t.radix = Radix::kBinary;
  return t;
}

unsigned bits_for(unsigned n) {  // $clog2(n), at least 1: the RTL's index widths
  unsigned w = 0;
  while ((1u << w) < n) ++w;
  return w == 0 ? 1 : w;
}

// The groups of one device, named after it when the run has several.
struct Device {
  std::string top;     // tandem.tce_platform_top
  std::string suffix;  // "" or " (device 1)"
  const RunShape& shape;

  std::string at(const std::string& name) const { return top + "." + name; }

  Group csr_bus() const {
    return {"CSR bus (AXI4-Lite)" + suffix,
            {bit(at("clk_i")), bit(at("rst_ni")), bit(at("s_axil_awvalid_i")), bit(at("s_axil_awready_o")),
             vec(at("s_axil_awaddr_i"), 12, kCsrAddr), bit(at("s_axil_wvalid_i")), bit(at("s_axil_wready_o")),
             vec(at("s_axil_wdata_i"), 32), vec(at("s_axil_wstrb_i"), 4), bit(at("s_axil_bvalid_o")),
             bit(at("s_axil_bready_i")), vec(at("s_axil_bresp_o"), 2, kAxiResp), bit(at("s_axil_arvalid_i")),
             bit(at("s_axil_arready_o")), vec(at("s_axil_araddr_i"), 12, kCsrAddr), bit(at("s_axil_rvalid_o")),
             bit(at("s_axil_rready_i")), vec(at("s_axil_rdata_o"), 32), vec(at("s_axil_rresp_o"), 2, kAxiResp)}};
  }

  Group csr_requests() const {
    return {
        "CSR requests" + suffix,
        {bit(at("s_axil_awvalid_i")), vec(at("s_axil_awaddr_i"), 12, kCsrAddr), bit(at("s_axil_arvalid_i")),
         vec(at("s_axil_araddr_i"), 12, kCsrAddr), bit(at("s_axil_bvalid_o")), vec(at("s_axil_bresp_o"), 2, kAxiResp),
         bit(at("s_axil_rvalid_o")), vec(at("s_axil_rresp_o"), 2, kAxiResp)}};
  }

  // An AXI4 address channel of the memory port ("ar" or "aw"): handshake, address, burst.
  void address_channel(Group& g, const std::string& ax) const {
    const std::string p = at("m_axi_" + ax);
    g.traces.insert(g.traces.end(), {bit(p + "valid_o"), bit(p + "ready_i"), vec(p + "addr_o", 48),
                                     vec(p + "len_o", 8, "", Radix::kDecimal), vec(p + "size_o", 3, kAxiSize),
                                     vec(p + "burst_o", 2, kAxiBurst)});
  }

  Group memory_bus() const {
    Group g{"DMA memory bus (AXI4)" + suffix, {}};
    address_channel(g, "ar");
    g.traces.insert(g.traces.end(), {bit(at("m_axi_rvalid_i")), bit(at("m_axi_rready_o")), vec(at("m_axi_rdata_i"), 64),
                                     vec(at("m_axi_rresp_i"), 2, kAxiResp), bit(at("m_axi_rlast_i"))});
    address_channel(g, "aw");
    g.traces.insert(g.traces.end(), {bit(at("m_axi_wvalid_o")), bit(at("m_axi_wready_i")), vec(at("m_axi_wdata_o"), 64),
                                     vec(at("m_axi_wstrb_o"), 8), bit(at("m_axi_wlast_o")), bit(at("m_axi_bvalid_i")),
                                     bit(at("m_axi_bready_o")), vec(at("m_axi_bresp_i"), 2, kAxiResp)});
    return g;
  }

  Group dma_engine() const {
    const std::string dma = at("u_tce.u_dma.");
    Group g{"DMA engine" + suffix,
            {enum_vec(dma + "state_q", 4, kDmaState), vec(dma + "ch_q", bits_for(shape.channels))}};
    // Per channel: its ring's head and the error code it halted with.
    const Trace head = vec(dma + "head_q", 12 * shape.channels);
    const Trace err = enum_vec(dma + "err_q", 4 * shape.channels, kErrCode);
    for (unsigned c = 0; c < shape.channels; ++c) {
      g.traces.push_back(slice(head, 12 * c + 11, 12 * c, fmt::format("head_q ch{}", c)));
      g.traces.push_back(slice(err, 4 * c + 3, 4 * c, fmt::format("err_q ch{}", c)));
    }
    g.traces.push_back(vec(dma + "u_realign.count_q", 8, "", Radix::kDecimal));
    return g;
  }

  Group interrupts() const {
    Group g{"Interrupts and power" + suffix, {}};
    // One line per vector.
    const Trace irq = vec(at("irq_o"), shape.vectors);
    for (unsigned v = 0; v < shape.vectors; ++v) g.traces.push_back(slice(irq, v, v, fmt::format("irq_o vec{}", v)));
    g.traces.push_back(vec(at("u_tce.u_intc.status_q"), 9));
    g.traces.push_back(enum_vec(at("u_tce.u_regs.pm_state_q"), 2, kPmState));
    return g;
  }
};

// What the platform puts beside device 0's RTL: the failure, the CPUs, the faults.
Group failure(const std::string& top) {
  return {"Failure", {vec(top + ".checker_fail_i", 8, kChecker)}};
}

Group cpu(const std::string& top, unsigned k) {
  const std::string p = fmt::format("{}.cpu{}_", top, k);
  return {fmt::format("CPU {}", k),
          {vec(p + "context_i", 2, kCpuContext), vec(p + "hal_call_i", 5, kHalCall), vec(p + "reg_i", 12, kCsrAddr)}};
}

Group faults(const std::string& top) {
  return {
      "Faults",
      {vec(top + ".dma_faults_i", 8, "", Radix::kDecimal), vec(top + ".injected_faults_i", 8, "", Radix::kDecimal)}};
}

struct View {
  const char* name;
  const char* summary;
  bool platform;  // the CPUs and faults above the device
  std::vector<Group (Device::*)() const> groups;
};

const std::vector<View>& views() {
  static const std::vector<View> kViews = {
      {"driver",
       "what the driver does (each CPU's context, HAL call and register) above each device's interrupts, CSR "
       "requests and DMA engine",
       true,
       {&Device::interrupts, &Device::csr_requests, &Device::dma_engine}},
      {"csr", "the CSR bus, each address shown as its register's name", false, {&Device::csr_bus}},
      {"dma", "the DMA engine and its memory bus", false, {&Device::dma_engine, &Device::memory_bus}},
      {"irq",
       "interrupts and power, with the CSR accesses of the handlers",
       false,
       {&Device::interrupts, &Device::csr_bus}},
      {"tce",
       "the CSR bus, the DMA memory bus, the engine and the interrupts, in named groups",
       false,
       {&Device::csr_bus, &Device::memory_bus, &Device::dma_engine, &Device::interrupts}},
  };
  return kViews;
}

// A TMR (devices/tmr/): its lines, its CSR handshakes, its registers and both counters, in
// every view (it is small).
Group tmr(const std::string& top, const std::string& suffix) {
  const auto at = [&top](const std::string& name) { return top + "." + name; };
  return {
      "TMR" + suffix,
      {bit(at("clk_i")), bit(at("rst_ni")), slice(vec(at("irq_o"), 2), 0, 0, "timer (vec0)"),
       slice(vec(at("irq_o"), 2), 1, 1, "watchdog (vec1)"), bit(at("s_axil_awvalid_i")), vec(at("s_axil_awaddr_i"), 12),
       vec(at("s_axil_wdata_i"), 32), bit(at("s_axil_arvalid_i")), vec(at("s_axil_araddr_i"), 12),
       vec(at("s_axil_rdata_o"), 32), vec(at("u_tmr.u_core.count_q"), 32), vec(at("u_tmr.u_core.wcount_q"), 32),
       vec(at("irq_status_o"), 9), vec(at("irq_enable_o"), 9), vec(at("irq_pulse_o"), 4), bit(at("quiescent_o"))}};
}

}  // namespace

std::string Trace::name() const {
  if (width == 0) return path;
  if (width == 1) return path + "[0]";
  return fmt::format("{}[{}:0]", path, width - 1);
}

const std::vector<std::string>& view_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const View& v : views()) names.emplace_back(v.name);
    return names;
  }();
  return kNames;
}

Layout layout(const std::string& view, const RunShape& shape) {
  for (const View& v : views()) {
    if (view != v.name) continue;
    Layout out{v.name, v.summary, {}};
    // Each device's platform top is <kind>_platform_top (scripts/portgen.py), a TCE's unless
    // the shape says otherwise; the platform's markers are on device 0's.
    const auto top = [&](unsigned d) {
      return wave_scope(d) + "." + (d < shape.kinds.size() ? shape.kinds[d] : std::string("tce")) + "_platform_top";
    };
    const std::string top0 = top(0);
    out.groups.push_back(failure(top0));
    if (v.platform) {
      for (unsigned k = 0; k < shape.cpus; ++k) out.groups.push_back(cpu(top0, k));
      out.groups.push_back(faults(top0));
    }
    for (unsigned d = 0; d < shape.devices; ++d) {
      const std::string suffix = shape.devices > 1 ? fmt::format(" (device {})", d) : "";
      if (d < shape.kinds.size() && shape.kinds[d] == "tmr") {
        out.groups.push_back(tmr(top(d), suffix));
        continue;
      }
      const Device dev{top(d), suffix, shape};
      for (auto group : v.groups) out.groups.push_back((dev.*group)());
    }
    return out;
  }
  throw std::invalid_argument("no waves view named '" + view + "'");
}

}  // namespace tandem::waves
