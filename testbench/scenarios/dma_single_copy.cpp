// One copy of seeded random bytes through the driver and the RTL, compared byte for byte,
// with guard bytes around the destination that must stay untouched. Two twins inject a
// fault each, to prove that the scoreboard and the lost-interrupt checker catch it.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "hal_decorator.hpp"
#include "no_ack_hal.hpp"
#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

constexpr std::size_t kGuard = 64;
constexpr std::uint8_t kGuardByte = 0xA5;
constexpr std::uint64_t kCopyTimeoutNs = 200'000;

void single_copy(ScenarioContext& ctx, SimCpu&, const std::function<void(Platform&)>& inject, tce::Hal* hal = nullptr) {
  tce::CopyRequest req;  // declared first: it must outlive the device's use of it, on every path
  tce::TceDevice dev(hal != nullptr ? *hal : ctx.platform().hal());
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return;
  }
  // Buffers in host memory at any byte alignment, up to 16 KiB.
  const auto len = static_cast<std::uint32_t>(ctx.rng().range(1, 16 * 1024));
  const auto src_off = static_cast<std::size_t>(ctx.rng().range(0, 7));
  const auto dst_off = static_cast<std::size_t>(ctx.rng().range(0, 7));
  std::uint8_t* src = ctx.host_buffer(len + src_off) + src_off;
  std::uint8_t* dst = ctx.host_buffer(len + 2 * kGuard + dst_off) + dst_off;
  for (std::uint32_t i = 0; i < len; ++i) src[i] = static_cast<std::uint8_t>(ctx.rng().next());
  std::memset(dst, kGuardByte, len + 2 * kGuard);
  ctx.note(fmt::format("copy {} bytes, source alignment {}, destination alignment {}", len, src_off,
                       (kGuard + dst_off) % 8));

  inject(ctx.platform());
  req.src = {{src, len}};
  req.dst = {{dst + kGuard, len}};
  if (int rc = dev.submit(req); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
    return;
  }
  if (dev.wait(req, kCopyTimeoutNs) != 0) {
    ctx.fail(checker::kCompletion, fmt::format("the copy did not complete within {} ns", kCopyTimeoutNs));
    return;
  }
  if (injected_error(ctx, req)) {
    dev.remove();
    return;
  }
  if (req.status != 0) {
    ctx.fail(checker::kCompletion,
             fmt::format("the copy failed: {} (device error {})", req.status, tce::reg::to_string(req.err_code)));
    return;
  }

  // Scoreboard: every byte, and nothing outside the destination.
  std::size_t wrong = 0, first = 0;
  for (std::uint32_t i = 0; i < len; ++i) {
    if (dst[kGuard + i] != src[i] && wrong++ == 0) first = i;
  }
  if (wrong != 0) {
    ctx.fail(checker::kScoreboard,
             fmt::format("{} of {} bytes differ; first at offset {}: expected 0x{:02x}, got 0x{:02x}", wrong, len,
                         first, src[first], dst[kGuard + first]));
  }
  for (std::size_t i = 0; i < kGuard; ++i) {
    if (dst[i] != kGuardByte || dst[kGuard + len + i] != kGuardByte) {
      ctx.fail(checker::kScoreboard, "the device wrote outside the destination buffer");
      break;
    }
  }
  ctx.note(fmt::format("copy done, {} bytes checked", len));
  dev.remove();
}

const ScenarioRegistrar kSingleCopy({
    "dma_single_copy",
    "probe, one copy of seeded random bytes, interrupt, byte-for-byte compare",
    "",
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) { single_copy(ctx, cpu, [](Platform&) {}); },
});

const ScenarioRegistrar kCorruptBeat({
    "xfail_dma_corrupt_beat",
    "dma_single_copy with one data beat corrupted on the memory bus: the scoreboard must fail it",
    checker::kScoreboard,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      single_copy(ctx, cpu, [](Platform& p) { p.harness(0).memory_port().corrupt_write_beat(0); });
    },
});

const ScenarioRegistrar kLostIrq({
    "xfail_dma_lost_irq",
    "dma_single_copy with the completion interrupt dropped: the lost-interrupt checker must fail it",
    checker::kLostIrq,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) { single_copy(ctx, cpu, [](Platform& p) { p.faults().drop_next_irqs(1); }); },
});

// A driver bug: buffers the device writes are mapped for reading only.
class WrongDirectionHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  int dma_map(void* cpu, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) override {
    return inner_.dma_map(cpu, len, dir == tce::DmaDir::kFromDevice ? tce::DmaDir::kToDevice : dir, bus);
  }
  void dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) override {
    inner_.dma_unmap(bus, len, dir == tce::DmaDir::kFromDevice ? tce::DmaDir::kToDevice : dir);
  }
};

const ScenarioRegistrar kWrongDirection({
    "xfail_dma_wrong_direction",
    "dma_single_copy with the destination mapped for the device to read, not write: the IOMMU "
    "refuses the writes and the dma_fault checker must fail it",
    checker::kDmaFault,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      WrongDirectionHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

// A driver bug: no write barrier and no sync before the doorbell.
class NoBarrierHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void wmb() override {}
  void dma_sync_for_device(const tce::DmaRegion&, std::size_t, std::size_t) override {}
};

const ScenarioRegistrar kMissingBarrier({
    "xfail_missing_barrier",
    "dma_single_copy with a driver that rings the doorbell without a write barrier: the descriptor "
    "is still in the CPU's store buffer when the device fetches it, and desc_ownership must catch it",
    checker::kDescOwnership,
    // The un-barriered writes stay buffered long past the device's fetch, which follows the
    // doorbell within tens of cycles: the bug bites whatever the seed.
    [](PlatformConfig& c) { c.store_buffer_min_delay = c.store_buffer_delay; },
    [](ScenarioContext& ctx, SimCpu& cpu) {
      NoBarrierHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

// The same bug where it hides: the store buffer drains within a few cycles, before the
// doorbell reaches the device, so a plain run passes. Out of the regression (no variant): a
// schedule that keeps the writes buffered through the doorbell's call (`drain`) exposes it.
const ScenarioRegistrar kHiddenMissingBarrier({
    "race_missing_barrier",
    "xfail_missing_barrier with a store buffer that drains within 4 cycles: passes unless a schedule "
    "holds the writes past the doorbell (drain), then desc_ownership catches it",
    "",
    [](PlatformConfig& c) { c.store_buffer_delay = 4; },
    [](ScenarioContext& ctx, SimCpu& cpu) {
      NoBarrierHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
    {},
});

// A driver bug: the top half reads an offset no register occupies (a typo in an offset).
class BadOffsetHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  std::uint32_t read32(std::uint32_t offset) override {
    return inner_.read32(offset == tce::reg::IRQ_PENDING::kOffset ? offset + 0x30 : offset);
  }
};

// A driver bug: a spinlock is taken and never released.
class LockLeakHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void unlock_irqrestore(tce::SpinLock&, tce::IrqState state) override {
    (void)state;  // forgets both the lock and the interrupt state
  }
};

// A driver bug: buffers stay mapped after their request completed.
class UnmapLeakHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void dma_unmap(std::uint64_t, std::size_t, tce::DmaDir) override {}
};

const ScenarioRegistrar kStorm({
    "xfail_irq_storm",
    "dma_single_copy with a top half that never clears the device's status: the level line stays up, "
    "and the irq_storm checker must fail and stop the run",
    checker::kIrqStorm,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      NoAckHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

// A driver bug: every buffer is unmapped twice.
class DoubleUnmapHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) override {
    inner_.dma_unmap(bus, len, dir);
    inner_.dma_unmap(bus, len, dir);
  }
};

// A driver bug: each ring's coherent memory is freed twice.
class DoubleFreeHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void dma_free(tce::DmaRegion& r) override {
    tce::DmaRegion again = r;  // the first free clears the caller's handle
    inner_.dma_free(r);
    inner_.dma_free(again);
  }
};

// A driver bug: each spinlock is released twice.
class DoubleUnlockHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void unlock_irqrestore(tce::SpinLock& l, tce::IrqState s) override {
    inner_.unlock_irqrestore(l, s);
    inner_.unlock_irqrestore(l, s);
  }
};

// A driver bug: each interrupt is freed twice.
class DoubleFreeIrqHal : public HalDecorator {
 public:
  using HalDecorator::HalDecorator;
  void free_irq(unsigned vector) override {
    inner_.free_irq(vector);
    inner_.free_irq(vector);
  }
};

const ScenarioRegistrar kDoubleUnmap({
    "xfail_dma_double_unmap",
    "dma_single_copy with a driver that unmaps each buffer twice: the dma_api checker must fail it",
    checker::kDmaApi,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      DoubleUnmapHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kDoubleFree({
    "xfail_dma_double_free",
    "dma_single_copy with a driver that frees its rings' coherent memory twice: the dma_api checker must fail it",
    checker::kDmaApi,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      DoubleFreeHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kDoubleUnlock({
    "xfail_lock_double_release",
    "dma_single_copy with a driver that releases each spinlock twice: the locking checker must fail it",
    checker::kLocking,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      DoubleUnlockHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kDoubleFreeIrq({
    "xfail_irq_double_free",
    "dma_single_copy with a driver that frees its interrupts twice: the irq_api checker must fail it",
    checker::kIrqApi,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      DoubleFreeIrqHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kBadOffset({
    "xfail_csr_bad_offset",
    "dma_single_copy with a driver reading an unmapped offset: the device answers DECERR and the csr_bus "
    "checker must fail it",
    checker::kCsrBus,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      BadOffsetHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kLockLeak({
    "xfail_lock_never_released",
    "dma_single_copy with a driver that never releases its spinlock: the locking checker must fail it",
    checker::kLocking,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      LockLeakHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kUnmapLeak({
    "xfail_dma_unmap_leak",
    "dma_single_copy with a driver that never unmaps: the dma_leak checker must fail it at the end",
    checker::kDmaLeak,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      UnmapLeakHal hal(ctx.platform().hal());
      single_copy(
          ctx, cpu, [](Platform&) {}, &hal);
    },
});

const ScenarioRegistrar kHang({
    "xfail_hang",
    "memory never answers while the driver waits far longer than the run may last: the hang checker must "
    "end the run at its cycle limit",
    checker::kHang,
    [](PlatformConfig& c) { c.engine.max_cycles = 300'000; },
    [](ScenarioContext& ctx, SimCpu&) {
      Platform& p = ctx.platform();
      tce::DeviceConfig cfg;
      cfg.watchdog_ns = 100'000'000;  // the driver would give up only long after the limit
      tce::CopyRequest req;           // outlives the device's use of it
      tce::TceDevice dev(p.hal(), cfg);
      if (dev.probe() != 0) return;
      p.faults().stall_memory(0, FaultInjector::kForever);
      std::uint8_t* src = ctx.host_buffer(64);
      std::uint8_t* dst = ctx.host_buffer(64);
      req.src = {{src, 64}};
      req.dst = {{dst, 64}};
      if (dev.submit(req) == 0) (void)dev.wait(req, 1'000'000'000);
      dev.remove();
    },
});

const ScenarioRegistrar kProtocol({
    "xfail_csr_protocol_violation",
    "dma_single_copy with the CSR master dropping AWVALID before its handshake: the RTL's protocol "
    "assertions must fail it",
    checker::kRtlAssertion,
    nullptr,
    [](ScenarioContext& ctx, SimCpu& cpu) {
      single_copy(ctx, cpu, [](Platform& p) { p.harness(0).csr().break_next_write(); });
    },
});

}  // namespace
}  // namespace tandem
