// The lean baseline: the simplest plain C++ loop that drives the Verilated TCE with the
// copy workload (copy_program.hpp). No SystemC, no virtual calls, no maps: host memory is
// one array of 64-bit words, the AXI memory port answers every burst after a fixed latency
// from fixed-size queues, the CSR port writes one register at a time. It keeps the
// platform's cycle protocol (inputs driven and settled with the clock low, handshakes
// taken, then the rising edge; the edge evaluated alone while the CSR port's inputs hold
// still, as DeviceHarness does) and the memory port's timing (MemConfig without
// back-pressure), so it runs the very cycles the engine runs: the bound the engine is
// measured against.
#pragma once

#include <verilated.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace tandem {

// A queue of at most N entries in a fixed array.
template <typename T, unsigned N>
class Ring {
 public:
  bool empty() const { return size_ == 0; }
  unsigned size() const { return size_; }
  T& front() { return items_[head_]; }
  // False (and nothing queued) when full: the caller's run is then wrong, and says so.
  bool push(const T& v) {
    if (size_ == N) return false;
    items_[(head_ + size_++) % N] = v;
    return true;
  }
  void pop() {
    head_ = (head_ + 1) % N;
    --size_;
  }

 private:
  std::array<T, N> items_{};
  unsigned head_ = 0, size_ = 0;
};

template <typename Model>
class LeanLoop {
 public:
  static constexpr std::uint64_t kFirstAddress = 0x1'0000'0000;  // HostMemory's layout
  static constexpr std::uint64_t kPage = 0x1000;
  static constexpr unsigned kMaxOutstanding = 8;

  // two_evals: two evaluations in every cycle (what evaluating the edge alone saves, see tick()).
  LeanLoop(unsigned latency, bool two_evals) : latency_(latency), two_evals_(two_evals) {
    ctx_.fatalOnError(false);
    top_ = std::make_unique<Model>(&ctx_, "tandem");
  }
  ~LeanLoop() { top_->final(); }

  // The side's interface for run_copies().
  std::uint64_t cycle() const { return cycle_; }
  void wait_cycles(std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) tick();
  }
  bool write_csr(std::uint32_t addr, std::uint32_t value) {
    csr_ = {true, false, false, addr, value, 0};
    for (unsigned i = 0; csr_.pending && i < 1000; ++i) tick();  // the master's timeout
    const bool ok = !csr_.pending && csr_.resp == 0;
    csr_.pending = false;
    return ok;
  }
  std::uint64_t alloc(std::size_t size) {
    const std::uint64_t base = next_;
    const std::uint64_t mapped = (std::max<std::uint64_t>(size, 1) + kPage - 1) & ~(kPage - 1);
    next_ = base + mapped + kPage;
    words_.resize((next_ - kFirstAddress) / 8, 0);
    return base;
  }
  std::uint8_t* bytes(std::uint64_t addr, std::size_t) {
    return reinterpret_cast<std::uint8_t*>(words_.data()) + (addr - kFirstAddress);
  }
  // Beats outside the array (none in this workload: they read zero, write nothing) and
  // queue overflows: either makes the run wrong.
  std::uint64_t faults() const { return faults_; }
  bool rtl_error() const { return ctx_.gotError(); }

 private:
  struct Burst {
    std::uint64_t addr;
    unsigned len, beat;
    std::uint64_t ready_at;
  };
  struct Csr {
    bool pending, aw_sent, w_sent;
    std::uint32_t addr, data;
    std::uint8_t resp;
  };

  std::uint64_t* word(std::uint64_t addr) {
    const std::uint64_t i = (addr - kFirstAddress) >> 3;
    if (addr < kFirstAddress || i >= words_.size()) {
      ++faults_;
      return nullptr;
    }
    return &words_[i];
  }
  static std::uint64_t beat_addr(const Burst& b) { return (b.addr & ~std::uint64_t{7}) + 8ull * b.beat; }

  void tick() {
    Model& m = *top_;
    // Low phase: this cycle's inputs, settled.
    m.clk_i = 0;
    m.rst_ni = cycle_ >= kResetCycles;
    m.s_axil_awvalid_i = csr_.pending && !csr_.aw_sent;
    m.s_axil_wvalid_i = csr_.pending && !csr_.w_sent;
    m.s_axil_awaddr_i = csr_.pending ? static_cast<std::uint16_t>(csr_.addr) : 0;
    m.s_axil_wdata_i = csr_.pending ? csr_.data : 0;
    m.s_axil_wstrb_i = csr_.pending ? 0xF : 0;
    m.s_axil_bready_i = 1;
    m.s_axil_arvalid_i = 0;
    m.s_axil_araddr_i = 0;
    m.s_axil_rready_i = 1;
    m.m_axi_arready_i = reads_.size() < kMaxOutstanding;
    const bool rvalid = !reads_.empty() && cycle_ >= reads_.front().ready_at;
    m.m_axi_rvalid_i = rvalid;
    const std::uint64_t* rw = rvalid ? word(beat_addr(reads_.front())) : nullptr;
    m.m_axi_rdata_i = rw != nullptr ? *rw : 0;
    m.m_axi_rresp_i = rvalid && rw == nullptr ? 3 : 0;  // DECERR off the array
    m.m_axi_rlast_i = rvalid && reads_.front().beat == reads_.front().len;
    m.m_axi_awready_i = writes_.size() < kMaxOutstanding;
    m.m_axi_wready_i = !writes_.empty();
    const bool bvalid = !resps_.empty() && cycle_ >= resps_.front();
    m.m_axi_bvalid_i = bvalid;
    m.m_axi_bresp_i = 0;
    const bool csr_steady = !csr_.pending && !csr_was_pending_;
    csr_was_pending_ = csr_.pending;
    if (!two_evals_ && csr_steady && cycle_ > kResetCycles) {
      // With the CSR inputs as they were, the handshakes are taken on the last evaluation's
      // outputs (the model's others do not follow its inputs: scripts/eval_plan.py) and the
      // edge is evaluated alone, the model told the clock was low (VerilatedDevice::eval_edge).
      sample();
      m.clk_i = 1;
      m.rootp->__Vtrigrprev__TOP__clk_i = 0;
      m.eval();
      ++cycle_;
      return;
    }
    m.eval();
    // Handshakes at this edge.
    sample();
    m.clk_i = 1;
    m.eval();
    ++cycle_;
  }

  void sample() {
    Model& m = *top_;
    if (csr_.pending) {
      csr_.aw_sent = csr_.aw_sent || (m.s_axil_awvalid_i && m.s_axil_awready_o);
      csr_.w_sent = csr_.w_sent || (m.s_axil_wvalid_i && m.s_axil_wready_o);
      if (csr_.aw_sent && csr_.w_sent && m.s_axil_bvalid_o) {
        csr_.resp = m.s_axil_bresp_o;
        csr_.pending = false;
      }
    }
    if (m.m_axi_rvalid_i && m.m_axi_rready_o) {
      Burst& b = reads_.front();
      if (b.beat == b.len) {
        reads_.pop();
      } else {
        ++b.beat;
      }
    }
    if (m.m_axi_wvalid_o && m.m_axi_wready_i) {
      Burst& b = writes_.front();
      if (std::uint64_t* w = word(beat_addr(b))) {
        std::uint64_t mask = 0;
        for (unsigned i = 0; i < 8; ++i) mask |= (m.m_axi_wstrb_o >> i & 1) ? 0xFFull << (8 * i) : 0;
        *w = (*w & ~mask) | (m.m_axi_wdata_o & mask);
      }
      if (m.m_axi_wlast_o || b.beat == b.len) {
        faults_ += !resps_.push(cycle_ + latency_);
        writes_.pop();
      } else {
        ++b.beat;
      }
    }
    if (m.m_axi_bvalid_i && m.m_axi_bready_o) resps_.pop();
    if (m.m_axi_arvalid_o && m.m_axi_arready_i)
      faults_ += !reads_.push({m.m_axi_araddr_o, m.m_axi_arlen_o, 0, cycle_ + latency_});
    if (m.m_axi_awvalid_o && m.m_axi_awready_i) faults_ += !writes_.push({m.m_axi_awaddr_o, m.m_axi_awlen_o, 0, 0});
  }

  VerilatedContext ctx_;
  std::unique_ptr<Model> top_;
  unsigned latency_;
  static constexpr std::uint64_t kResetCycles = 4;  // HarnessConfig's
  bool two_evals_;
  bool csr_was_pending_ = false;
  std::uint64_t cycle_ = 0;
  Csr csr_{};
  Ring<Burst, kMaxOutstanding> reads_, writes_;
  Ring<std::uint64_t, 2 * kMaxOutstanding> resps_;  // write responses: at most 8 bursts + 8 answered
  std::vector<std::uint64_t> words_;
  std::uint64_t next_ = kFirstAddress;
  std::uint64_t faults_ = 0;
};

}  // namespace tandem
