// Seeded copies on the TCE beside a TMR: the TCE keeps working while the TMR is judged.
#pragma once

#include <fmt/core.h>

#include <cstring>
#include <memory>

#include "scenario.hpp"
#include "tce_device.hpp"

namespace tandem::tmr_scenarios {

inline constexpr unsigned kTce = 0;  // the devices' places (beside_tce)
inline constexpr unsigned kTmr = 1;

// Seeded copies on the TCE, submitted at once and checked at the end.
class TceCopies {
 public:
  explicit TceCopies(ScenarioContext& ctx) : ctx_(ctx) {}
  bool start() {
    dev_ = std::make_unique<tce::TceDevice>(ctx_.platform().hal(kTce));
    if (int rc = dev_->probe(); rc != 0) {
      ctx_.fail(checker::kDriver, fmt::format("probe of the TCE failed: {}", rc));
      return false;
    }
    for (auto& c : copies_) {
      c.len = static_cast<std::uint32_t>(ctx_.rng().range(500, 8000));
      c.src = ctx_.host_buffer(c.len);
      c.dst = ctx_.host_buffer(c.len);
      for (std::uint32_t i = 0; i < c.len; ++i) c.src[i] = static_cast<std::uint8_t>(ctx_.rng().next());
      c.req.src = {{c.src, c.len}};
      c.req.dst = {{c.dst, c.len}};
      if (dev_->submit(c.req) != 0) ctx_.fail(checker::kDriver, "submit on the TCE failed");
    }
    return true;
  }
  void finish() {
    for (auto& c : copies_) {
      if (dev_->wait(c.req, 400'000) != 0 || c.req.status != 0 || std::memcmp(c.src, c.dst, c.len) != 0) {
        ctx_.fail(checker::kCompletion, "a copy on the TCE did not complete right");
      }
    }
    dev_->remove();
  }

 private:
  struct Copy {
    std::uint8_t *src = nullptr, *dst = nullptr;
    std::uint32_t len = 0;
    tce::CopyRequest req;
  };
  ScenarioContext& ctx_;
  Copy copies_[3];  // declared before the device: the requests outlive it, on every path
  std::unique_ptr<tce::TceDevice> dev_;
};

}  // namespace tandem::tmr_scenarios
