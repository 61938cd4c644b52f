#include "axil_master.hpp"

namespace tandem {

const char* to_string(AxiResp resp) {
  switch (resp) {
    case AxiResp::kOkay: return "OKAY";
    case AxiResp::kExOkay: return "EXOKAY";
    case AxiResp::kSlvErr: return "SLVERR";
    case AxiResp::kDecErr: return "DECERR";
    case AxiResp::kTimeout: return "TIMEOUT";
  }
  return "?";
}

void AxilMaster::submit(CsrRequest* req, std::uint64_t cycle) {
  // Sorted by (submit cycle, priority). A request already on the bus was submitted in an
  // earlier cycle (requests go out at the edge after their cycle), so nothing passes it.
  req->submitted = cycle;
  auto& q = req->write ? wq_ : rq_;
  auto pos = q.end();
  while (pos != q.begin() && (*(pos - 1))->submitted == cycle && (*(pos - 1))->priority > req->priority) --pos;
  q.insert(pos, req);
}

void AxilMaster::drive() {
  const bool quiet = removed_ || idle();
  steady_ = quiet && quiet_before_;
  quiet_before_ = quiet;
  if (steady_) return;  // the pins hold what the last drive() set
  if (removed_) {
    *p_.awvalid = *p_.wvalid = *p_.arvalid = 0;
    return;
  }
  const CsrRequest* w = wq_.empty() ? nullptr : wq_.front();
  if (w != nullptr && break_next_write_ && broken_phase_ == 0) broken_phase_ = 1;
  *p_.awvalid = w != nullptr && !aw_sent_ && broken_phase_ != 2;
  *p_.wvalid = w != nullptr && !w_sent_ && broken_phase_ == 0;
  p_.awaddr.set(w != nullptr ? w->addr : 0);
  *p_.wdata = w != nullptr ? w->data : 0;
  *p_.wstrb = w != nullptr ? w->strobes : 0;
  *p_.bready = 1;
  const CsrRequest* r = rq_.empty() ? nullptr : rq_.front();
  *p_.arvalid = r != nullptr && !ar_sent_;
  p_.araddr.set(r != nullptr ? r->addr : 0);
  *p_.rready = 1;
}

void AxilMaster::sample(std::uint64_t cycle) {
  if (steady_ && !removed_ && broken_phase_ == 0 && idle()) return;  // nothing asked, nothing on the bus
  if (removed_) {
    for (auto* q : {&wq_, &rq_}) {
      for (CsrRequest* r : *q) {
        r->resp = AxiResp::kDecErr;
        if (!r->write) r->data = 0xFFFFFFFFu;
        r->issued = r->completed = r->handshake = cycle;
        done_.push_back(r);
      }
      q->clear();
    }
    aw_sent_ = w_sent_ = ar_sent_ = false;
    return;
  }
  if (broken_phase_ == 1) {
    broken_phase_ = 2;
  } else if (broken_phase_ == 2) {
    broken_phase_ = 0;
    break_next_write_ = false;
  }
  if (!wq_.empty()) {
    CsrRequest* w = wq_.front();
    if (w->issued == 0) w->issued = cycle;
    if (*p_.awvalid && *p_.awready) aw_sent_ = true;
    if (*p_.wvalid && *p_.wready) w_sent_ = true;
    if (aw_sent_ && w_sent_ && w->handshake == 0) w->handshake = cycle;
    const bool answered = aw_sent_ && w_sent_ && *p_.bvalid;
    if (answered || cycle - w->issued >= kTimeoutCycles) {
      w->resp = answered ? static_cast<AxiResp>(*p_.bresp) : AxiResp::kTimeout;
      w->completed = cycle;
      done_.push_back(w);
      wq_.pop_front();
      aw_sent_ = w_sent_ = false;
    }
  }
  if (!rq_.empty()) {
    CsrRequest* r = rq_.front();
    if (r->issued == 0) r->issued = cycle;
    if (*p_.arvalid && *p_.arready) ar_sent_ = true;
    if (ar_sent_ && r->handshake == 0) r->handshake = cycle;
    const bool answered = ar_sent_ && *p_.rvalid;
    if (answered || cycle - r->issued >= kTimeoutCycles) {
      r->resp = answered ? static_cast<AxiResp>(*p_.rresp) : AxiResp::kTimeout;
      r->data = answered ? *p_.rdata : 0xFFFFFFFFu;
      r->completed = cycle;
      done_.push_back(r);
      rq_.pop_front();
      ar_sent_ = false;
    }
  }
}

}  // namespace tandem
