// Cycle-level AXI4-Lite master on a device's CSR port (any device: the port contract's
// AxilPins). Requests queue up; read and write channels run independently, one transaction
// each at a time. A request the device does not answer within kTimeoutCycles completes as
// AxiResp::kTimeout.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "axi.hpp"
#include "bus_pins.hpp"

namespace tandem {

struct CsrRequest {
  bool write = false;
  std::uint32_t addr = 0;
  std::uint32_t data = 0;  // write data in, read data out
  std::uint8_t strobes = 0xF;
  AxiResp resp = AxiResp::kOkay;
  std::uint64_t issued = 0;     // cycle of the first VALID
  std::uint64_t completed = 0;  // cycle the response was taken
  std::uint64_t handshake = 0;  // cycle the request was accepted (a write: address and data)
  void* owner = nullptr;        // whoever waits for it
  unsigned priority = 0;        // among requests submitted in one cycle, lower goes first
  std::uint64_t submitted = 0;  // the cycle it was submitted in
};

class AxilMaster {
 public:
  static constexpr std::uint64_t kTimeoutCycles = 1000;

  explicit AxilMaster(const AxilPins& pins) : p_(pins) {}

  // Requests submitted in one cycle go on the bus in order of priority (the CPU's number),
  // whatever order their submitters ran in: the same run gives the same bus traffic.
  void submit(CsrRequest* req, std::uint64_t cycle = 0);
  // Fault: the next write raises AWVALID alone for one cycle and drops it before any
  // handshake, which AXI forbids (proves the protocol assertions).
  void break_next_write() { break_next_write_ = true; }
  // Fault: the device is gone. Every request, from now on, completes at once with DECERR
  // and reads all ones, without touching the bus (an unplugged card).
  void remove_device() { removed_ = true; }
  bool device_removed() const { return removed_; }
  bool idle() const { return wq_.empty() && rq_.empty(); }
  // Whether the last drive() set the CSR port's inputs as the one before it did: no request
  // then or now (a removed device's port, once dropped, holds still too).
  bool steady() const { return steady_; }

  // Per cycle: drive() before the edge's settle, sample() after it, at the same cycle.
  void drive();
  void sample(std::uint64_t cycle);

  // Requests completed since the last call.
  std::vector<CsrRequest*>& completed() { return done_; }

 private:
  const AxilPins& p_;
  std::deque<CsrRequest*> wq_, rq_;
  bool aw_sent_ = false, w_sent_ = false, ar_sent_ = false;
  bool break_next_write_ = false;
  bool removed_ = false;
  int broken_phase_ = 0;  // 1: AWVALID alone this cycle; 2: dropped
  bool quiet_before_ = false, steady_ = false;
  std::vector<CsrRequest*> done_;
};

}  // namespace tandem
