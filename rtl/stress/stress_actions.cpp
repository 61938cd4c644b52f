// The stress test's global actions: configuring the device, random CSR traffic of every
// access kind to every register, CTRL.SOFT_RESET, and D3/D0 power cycles with PM_CTRL
// writes during the wake-up.
#include <algorithm>
#include <sstream>

#include "channel.hpp"
#include "irq_watch.hpp"
#include "stress.hpp"
#include "tce_regs.hpp"

namespace tandem::stress {

namespace r = tce::reg;

void Stress::configure_device() {
  const unsigned vectors = cfg_.shape.vectors;
  csr({wr(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask)});
  csr({wr(r::IRQ_ENABLE::kOffset, static_cast<std::uint32_t>(rng_.next()) & 0x1FF)});
  csr({wr(r::IRQ_VEC_MAP::kOffset, static_cast<std::uint32_t>(rng_.next()) & 0x3FFFF)});
  csr({wr(r::IRQ_MODE::kOffset, rng_.range(0, 2) == 0 ? static_cast<std::uint32_t>(rng_.range(0, 15)) : 0)});
  for (unsigned v = 0; v < vectors; ++v) {
    const auto count = static_cast<std::uint32_t>(rng_.range(0, 6));
    const std::uint32_t timer = rng_.range(0, 1) == 0 ? 0 : static_cast<std::uint32_t>(rng_.range(16, 800));
    csr({wr(r::IRQ_COALESCE::offset(v),
            r::put<r::IRQ_COALESCE::COUNT>(count) | r::put<r::IRQ_COALESCE::TIMER>(timer))});
  }
  csr({rd(r::ID::kOffset, [this](const CsrRequest&) {
    configured_ = true;
    quiesce_ = exclusive_ = global_busy_ = false;
  })});
}

void Stress::global_actions() {
  if (drain_ != Drain::kNone) {
    if (now() - drain_since_ > 3'000'000) return fail("quiesce", "the channels did not drain in 3,000,000 cycles");
    const bool quiet =
        queue_.empty() && group_.empty() && std::all_of(channels_.begin(), channels_.end(), [&](const auto& ch) {
          return drain_ == Drain::kPower ? ch->drained() : !ch->busy();
        });
    if (!quiet) return;
    exclusive_ = true;
    const Drain d = drain_;
    drain_ = Drain::kNone;
    return d == Drain::kPower ? power_cycle() : soft_reset();
  }
  if (awaiting_wake_) {
    if (irq_->waking() || !queue_.empty() || !group_.empty()) return;
    awaiting_wake_ = false;
    model_.set_power(false);
    model_.set_waking(false);
    return configure_device();
  }
  if (!configured_ || global_busy_) return;
  if (model_.ctrl() != (r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask) && now() > ctrl_at_ + 2000) {
    ctrl_at_ = now();
    csr({wr(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask)});
  }
  if (now() < next_global_) return;
  next_global_ = now() + rng_.range(20'000, 80'000);
  global_busy_ = quiesce_ = true;
  drain_since_ = now();
  drain_ = rng_.range(0, 2) == 0 ? Drain::kSoftReset : Drain::kPower;
}

void Stress::soft_reset() {
  csr({wr(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask, [this](const CsrRequest& q) {
    ++result_->soft_resets;
    configured_ = false;
    for (auto& ch : channels_) ch->lose_all();
    after_reset_poll(q.completed, std::max(q.completed, cur_.deadline) + 2000);
  })});
}

// After CTRL.SOFT_RESET: RESET_BUSY clears within a descriptor's bound, every HEAD reads 0.
void Stress::after_reset_poll(std::uint64_t since, std::uint64_t limit) {
  csr({rd(r::STATUS::kOffset, [this, since, limit](const CsrRequest& q) {
    if (r::get<r::STATUS::RESET_BUSY>(q.data) != 0) {
      if (q.completed > limit) {
        return fail("reset_busy", "STATUS.RESET_BUSY still set " + std::to_string(q.completed - since) +
                                      " cycles after CTRL.SOFT_RESET");
      }
      return after_reset_poll(since, limit);
    }
    for (unsigned c = 0; c < cfg_.shape.channels; ++c) {
      csr({rd(r::RING_HEAD::offset(c), [this, c](const CsrRequest& h) {
        if (h.data != 0)
          fail("reset_head",
               "RING_HEAD(" + std::to_string(c) + ") " + std::to_string(h.data) + " after CTRL.SOFT_RESET");
      })});
    }
    configure_device();
  })});
}

void Stress::power_cycle() {
  csr({rd(r::STATUS::kOffset, [this](const CsrRequest& st) {
    const bool idle = r::get<r::STATUS::IDLE>(st.data) != 0;
    csr({wr(r::PM_CTRL::kOffset, 3)});
    csr({rd(r::PM_STATUS::kOffset, [this, idle](const CsrRequest& pm) {
      if (r::get<r::PM_STATUS::STATE>(pm.data) != 3) {
        if (idle) return fail("pm_d3", "D3 refused though STATUS.IDLE was set and nothing was posted");
        configured_ = true;
        quiesce_ = exclusive_ = global_busy_ = false;
        return;
      }
      // Context lost: every register but the power domain, every ring, the interrupt controller.
      model_.reset_context();
      model_.set_power(true);
      configured_ = false;
      for (auto& ch : channels_) ch->lose_all();
      irq_->d3_entered();
      irq_->reconfigured();
      // In D3 only the power domain answers; the rest SLVERR, reads all ones (the model knows).
      csr({rd(r::SCRATCH::kOffset)});
      csr({wr(r::IRQ_TEST::kOffset, 0x1FF)});
      csr({rd(r::CH_STATUS::offset(0)), wr(r::PM_CTRL::kOffset, 3)});
      csr({rd(r::ID::kOffset, [this](const CsrRequest&) { wake(); })});
    })});
  })});
}

void Stress::wake() {
  exclusive_ = true;
  csr({wr(r::PM_CTRL::kOffset, 0, [this](const CsrRequest& q) {
    irq_->wake_written(q);
    model_.set_waking(true);
    awaiting_wake_ = true;
    // PM_CTRL writes during the transition: each must answer OKAY and change nothing; the
    // wake-up still ends 64 cycles after its write.
    wake_writes(static_cast<unsigned>(rng_.range(0, 20)), q.completed + IrqWatch::kWakeAfter - 16);
  })});
}

// PM_CTRL writes one after the other while time remains before the wake-up ends; only the
// states that exist (how 1 and 2 answer during a transition is not specified).
void Stress::wake_writes(unsigned left, std::uint64_t until) {
  if (left == 0 || now() >= until) return;
  csr({wr(r::PM_CTRL::kOffset, rng_.range(0, 2) == 0 ? 0u : 3u,
          [this, left, until](const CsrRequest&) { wake_writes(left - 1, until); })});
}

void Stress::noise() {
  if (now() < next_noise_ || queue_.size() > 4 || awaiting_wake_ || exclusive_) return;
  next_noise_ = now() + rng_.range(4, 80);
  Rng& g = rng_;
  const auto any_reg = [&g]() {
    const r::RegInfo& info = r::kRegisters[g.range(0, std::size(r::kRegisters) - 1)];
    return info.offset + static_cast<std::uint32_t>(g.range(0, info.count - 1)) * info.stride;
  };
  const auto rand32 = [&g]() { return static_cast<std::uint32_t>(g.next()); };
  switch (g.range(0, 19)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4: return csr({rd(any_reg())});
    case 5: {  // anywhere in the window, sometimes unaligned
      const auto a = static_cast<std::uint32_t>(g.range(0, 0xFFF));
      return csr({rd(g.range(0, 9) == 0 ? a : a & ~3u)});
    }
    case 6: return csr({wr(r::SCRATCH::kOffset, rand32())});
    case 7: return csr({rd(r::SCRATCH::kOffset), wr(r::SCRATCH::kOffset, rand32())});
    case 8: {  // interrupt (re)configuration, coalescing included
      switch (g.range(0, 3)) {
        case 0: return csr({wr(r::IRQ_ENABLE::kOffset, rand32() & 0x1FF)});
        case 1: return csr({wr(r::IRQ_VEC_MAP::kOffset, rand32() & 0x3FFFF)});
        case 2: return csr({wr(r::IRQ_MODE::kOffset, g.range(0, 1) == 0 ? rand32() & 0xF : 0)});
        default: {
          const std::uint32_t timer = g.range(0, 1) == 0 ? 0 : static_cast<std::uint32_t>(g.range(16, 800));
          return csr({wr(r::IRQ_COALESCE::offset(static_cast<unsigned>(g.range(0, 3))),
                         r::put<r::IRQ_COALESCE::COUNT>(static_cast<std::uint32_t>(g.range(0, 6))) |
                             r::put<r::IRQ_COALESCE::TIMER>(timer))});
        }
      }
    }
    case 9: return csr({wr(r::IRQ_TEST::kOffset, rand32() & rand32() & 0x1FF)});
    case 10: return csr({wr(r::IRQ_STATUS::kOffset, rand32() & 0x1FF)});
    case 11: return csr({rd(r::IRQ_STATUS_RC::kOffset)});
    case 12: return csr({rd(r::IRQ_STATUS_RC::kOffset), wr(r::IRQ_STATUS::kOffset, rand32() & 0x1FF)});
    case 13: {  // read-only and read-to-clear registers refuse writes
      const std::uint32_t ro[] = {
          r::ID::kOffset,         r::VERSION::kOffset,     r::CAPS::kOffset,          r::STATUS::kOffset,
          r::PM_STATUS::kOffset,  r::IRQ_PENDING::kOffset, r::IRQ_STATUS_RC::kOffset, r::CH_STATUS::offset(0),
          r::RING_HEAD::offset(0)};
      return csr({wr(ro[g.range(0, std::size(ro) - 1)], rand32())});
    }
    case 14: return csr({wr(any_reg(), rand32(), {}, static_cast<std::uint8_t>(g.range(0, 14)))});
    case 15: {  // nothing there
      std::uint32_t a = 0;
      do {
        a = static_cast<std::uint32_t>(g.range(0, 0xFFF));
      } while (r::find(a) != nullptr);
      return csr({wr(a, rand32())});
    }
    case 16: return csr({wr(r::PM_CTRL::kOffset, static_cast<std::uint32_t>(g.range(1, 2)))});
    case 17: {  // a doorbell past any ring: SLVERR, ignored
      const auto c = static_cast<unsigned>(g.range(0, cfg_.shape.channels - 1));
      return csr({wr(r::RING_TAIL::offset(c), static_cast<std::uint32_t>(g.range(1, 0xFFFFF) << 12))});
    }
    case 18: {  // channels this instance does not have (E1 on revision 1, DECERR on 2)
      if (cfg_.shape.channels == 4) return;
      const auto c = static_cast<unsigned>(g.range(cfg_.shape.channels, 3));
      // Writes go to the read-write ones only: the RTL answers SLVERR to a write of a read-only
      // phantom register, where E1 says OKAY (an open defect of the register block).
      const std::uint32_t rw[] = {r::CH_CTRL::offset(c), r::RING_BASE_LO::offset(c), r::RING_BASE_HI::offset(c),
                                  r::RING_SIZE_LOG2::offset(c), r::RING_TAIL::offset(c)};
      if (g.range(0, 1) == 0) return csr({rd(r::CH_CTRL::offset(c) + 4 * static_cast<std::uint32_t>(g.range(0, 6)))});
      return csr({wr(rw[g.range(0, std::size(rw) - 1)], rand32())});
    }
    default: {               // ENABLE and BUS_MASTER off for a while: only new descriptors wait
      if (quiesce_) return;  // a drain needs them on
      return csr({wr(r::CTRL::kOffset, static_cast<std::uint32_t>(g.range(0, 3)))});
    }
  }
}

}  // namespace tandem::stress
