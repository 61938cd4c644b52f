// power: the driver's side of the power contract (spec section 7). While a device is in D3,
// asked for it, or waking up, only ID, VERSION, CAPS, PM_CTRL and PM_STATUS may be
// accessed. D3 loses the context registers, and software must restore them: at the first
// doorbell after resume, every one the driver had programmed before D3 must hold again
// what it held then (and by the end of the run, if no doorbell came, it must have been
// written back). The state follows the driver's PM_CTRL writes and PM_STATUS reads.
#pragma once

#include <cstdint>
#include <map>

#include "checker.hpp"

namespace tandem {

class PowerChecker : public Checker {
 public:
  explicit PowerChecker(Platform& p);
  void end_of_run(bool finished) override;

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
  void access(const Event& e);
  void judge_context(unsigned device, Device& d, const char* when);

  std::map<unsigned, Device> devices_;
};

}  // namespace tandem
