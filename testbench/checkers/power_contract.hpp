// The driver's side of the power contract (spec section 7). While a device is in D3,
// asked for it, or waking up, only ID, VERSION, CAPS, PM_CTRL and PM_STATUS may be
// accessed. D3 loses the context registers, and software must restore them: at the first
// doorbell after resume, every one the driver had programmed before D3 must hold again
// what it held then (and by the end of the run, if no doorbell came, it must have been
// written back). The state follows the driver's PM_CTRL writes and PM_STATUS reads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "events.hpp"

namespace tandem {

// Judges CSR accesses (kCsrAccess events) alone, so that a unit test can feed it synthetic
// ones; every violation goes to `report`.
class PowerContract {
 public:
  explicit PowerContract(std::function<void(const std::string&)> report) : report_(std::move(report)) {}
  void csr_access(const Event& e);
  // Every program returned: a context written back by now, if no doorbell judged it.
  void end_of_run();

 private:
  enum class State { kD0, kD3Requested, kD3, kWaking };
  struct Device {
    State state = State::kD0;
    bool reported = false;                             // one report per stay in D3
    std::map<std::uint32_t, std::uint32_t> written;    // context register -> value, since the last reset
    std::map<std::uint32_t, std::uint32_t> before_d3;  // what it held when D3 was entered
    std::map<std::uint32_t, std::uint32_t> restored;   // written back since resume, to the same value
    bool resumed = false;                              // judging the context until the first doorbell
  };
  void judge_context(unsigned device, Device& d, const char* when);

  std::function<void(const std::string&)> report_;
  std::map<unsigned, Device> devices_;
};

}  // namespace tandem
