#include "axi_mem_slave.hpp"

#include <algorithm>

#include "axi.hpp"

namespace tandem {

bool AxiMemSlave::take_error(std::uint64_t addr, unsigned len, bool write) {
  const std::uint64_t first = addr & ~std::uint64_t{7};
  const std::uint64_t end = first + 8ull * (len + 1);
  const auto hit = std::find_if(errors_.begin(), errors_.end(), [&](const ErrorRange& e) {
    return (write ? e.writes : e.reads) && first < e.end && e.begin < end;
  });
  if (hit == errors_.end()) return false;
  if (hit->once) clear_once_ranges();
  return true;
}

void AxiMemSlave::clear_once_ranges() {
  errors_.erase(std::remove_if(errors_.begin(), errors_.end(), [](const ErrorRange& e) { return e.once; }),
                errors_.end());
}

void AxiMemSlave::check_burst(std::uint64_t addr, unsigned len) {
  if (len > 15) ++violations_.long_bursts;
  const std::uint64_t last = (addr & ~std::uint64_t{7}) + 8ull * len;
  if ((addr >> 12) != (last >> 12)) ++violations_.crossings;
}

void AxiMemSlave::drive(std::uint64_t cycle) {
  if (cycle < stall_until_) {
    *p_.arready = *p_.rvalid = *p_.awready = *p_.wready = *p_.bvalid = 0;
    *p_.rlast = 0;
    return;
  }
  *p_.arready = reads_.size() < cfg_.max_outstanding && !hold(cycle, kAr);
  const bool r_ready = !reads_.empty() && cycle >= reads_.front().ready_at && (r_up_ || !hold(cycle, kR));
  r_up_ = r_ready;
  *p_.rvalid = r_ready;
  if (r_ready) {
    const Burst& b = reads_.front();
    std::uint64_t data = 0;
    const bool ok = mem_.read_beat(beat_addr(b), &data);
    const bool refused = b.forced_error || b.denied;
    *p_.rdata = ok && !refused ? data : 0;
    *p_.rresp = static_cast<CData>(b.denied         ? AxiResp::kDecErr
                                   : b.forced_error ? AxiResp::kSlvErr
                                   : ok             ? AxiResp::kOkay
                                                    : AxiResp::kDecErr);
    *p_.rlast = b.beat == b.len;
  } else {
    *p_.rdata = 0;
    *p_.rresp = 0;
    *p_.rlast = 0;
  }
  *p_.awready = writes_.size() < cfg_.max_outstanding && !hold(cycle, kAw);
  *p_.wready = !writes_.empty() && !hold(cycle, kW);  // data is taken once its address is known
  const bool b_ready = !resps_.empty() && cycle >= resps_.front().ready_at && (b_up_ || !hold(cycle, kB));
  b_up_ = b_ready;
  *p_.bvalid = b_ready;
  *p_.bresp = b_ready ? resps_.front().bresp : 0;
}

void AxiMemSlave::sample(std::uint64_t cycle) {
  if (*p_.rvalid && *p_.rready && *p_.wvalid && *p_.wready) ++overlap_cycles_;
  max_reads_ = std::max(max_reads_, reads_.size());
  if (*p_.rvalid && *p_.rready) {
    r_up_ = false;
    Burst& b = reads_.front();
    ++beats_read_;
    b.worst = std::max(b.worst, static_cast<std::uint8_t>(*p_.rresp));  // DECERR > SLVERR > OKAY
    if (b.beat == b.len) {
      if (on_response) on_response(false, b.addr, 8ull * (b.len + 1), b.worst, cycle);
      reads_.pop_front();
    } else {
      ++b.beat;
    }
  }
  if (*p_.wvalid && *p_.wready) {
    Burst& b = writes_.front();
    std::uint64_t data = *p_.wdata;
    if (corrupt_at_ && *corrupt_at_ == beats_written_) data = ~data;  // every strobed byte changes
    ++beats_written_;
    if (b.forced_error || b.denied || !mem_.write_beat(beat_addr(b), data, *p_.wstrb)) {
      b.error = true;
    } else if (on_write_beat) {
      on_write_beat(beat_addr(b), *p_.wstrb);
    }
    if (static_cast<bool>(*p_.wlast) != (b.beat == b.len)) ++violations_.wlast;
    if (*p_.wlast || b.beat == b.len) {
      const auto resp = b.denied         ? AxiResp::kDecErr
                        : b.forced_error ? AxiResp::kSlvErr
                        : b.error        ? AxiResp::kDecErr
                                         : AxiResp::kOkay;
      resps_.push_back({cycle + cfg_.write_latency, static_cast<std::uint8_t>(resp), b.addr, b.len});
      writes_.pop_front();
    } else {
      ++b.beat;
    }
  }
  if (*p_.bvalid && *p_.bready) {
    b_up_ = false;
    const Response& r = resps_.front();
    if (on_response) on_response(true, r.addr, 8ull * (r.len + 1), r.bresp, cycle);
    resps_.pop_front();
  }
  if (*p_.arvalid && *p_.arready) {
    check_burst(*p_.araddr, *p_.arlen);
    if (on_burst) on_burst(false, *p_.araddr, 8ull * (*p_.arlen + 1), cycle);
    const bool err = take_error(*p_.araddr, *p_.arlen, false);
    const std::uint64_t first = *p_.araddr & ~std::uint64_t{7};
    const bool denied = allow && !allow(first, 8ull * (*p_.arlen + 1), false);
    reads_.push_back({*p_.araddr, *p_.arlen, 0, cycle + cfg_.read_latency, err, err, denied});
  }
  if (*p_.awvalid && *p_.awready) {
    check_burst(*p_.awaddr, *p_.awlen);
    if (on_burst) on_burst(true, *p_.awaddr, 8ull * (*p_.awlen + 1), cycle);
    const bool err = take_error(*p_.awaddr, *p_.awlen, true);
    const std::uint64_t first = *p_.awaddr & ~std::uint64_t{7};
    const bool denied = allow && !allow(first, 8ull * (*p_.awlen + 1), true);
    writes_.push_back({*p_.awaddr, *p_.awlen, 0, 0, false, err, denied});
  }
}

}  // namespace tandem
