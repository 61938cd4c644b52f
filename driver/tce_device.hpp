// The TCE driver core: probe and remove, copy requests over the channels' descriptor
// rings, top half and bottom half, the watchdog and error recovery, suspend and resume,
// and surprise removal. Everything reaches hardware through the HAL.
//
// Locking: one irq-save spinlock guards the device's state; it is never held across a
// wait, nor while completion callbacks run.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "copy_request.hpp"
#include "hal.hpp"
#include "quirks.hpp"
#include "request_core.hpp"
#include "resources.hpp"
#include "tce_ring.hpp"

namespace tce {

enum class IrqMode { kLevel, kPulse, kPolling };

struct DeviceConfig {
  unsigned ring_log2 = 6;     // descriptors per ring: 2^ring_log2 (1..12)
  unsigned max_channels = 4;  // use at most this many of the device's channels
  IrqMode irq_mode = IrqMode::kLevel;
  bool read_to_clear = false;               // top half reads IRQ_STATUS_RC instead of PENDING + W1C
  unsigned coalesce_count = 0;              // >1: one interrupt per this many completions
  std::uint32_t coalesce_timer_cycles = 0;  // ... or after this many device cycles
  std::uint64_t flush_ns = 20'000;          // driver-side flush period where E2 applies
  std::uint64_t watchdog_ns = 1'000'000;    // no progress for this long: reset and re-issue
  unsigned max_retries = 2;                 // re-issues before a request fails -ETIMEDOUT
  std::uint64_t poll_interval_ns = 1'000;   // kPolling
  std::uint64_t pm_timeout_ns = 200'000;    // bound on draining and on wake-up
};

struct DeviceInfo {
  unsigned revision = 0;
  unsigned channels = 0;  // channels the driver uses
  unsigned vectors = 0;
  bool crc = false;
  const char* name = "";
};

struct DeviceStats {
  unsigned channel_errors = 0;
  unsigned watchdog_resets = 0;
  unsigned reissued = 0;
  unsigned spurious_irqs = 0;
};

inline constexpr unsigned kSubmitNoWait = 1;  // submit: -EBUSY instead of queueing

class TceDevice {
 public:
  explicit TceDevice(Hal& hal, const DeviceConfig& config = {});
  ~TceDevice();
  TceDevice(const TceDevice&) = delete;
  TceDevice& operator=(const TceDevice&) = delete;

  // Process context. Identifies the device, applies its quirks, resets it, sets up a ring
  // per channel and the interrupts, and starts the channels. Returns 0, -ENODEV (not a
  // TCE, or removed), -EINVAL (bad config: ring size, no channel, a zero poll or flush
  // period), -EBUSY (already probed), -ETIMEDOUT (reset never finished), or what dma_alloc
  // or request_irq returned. On failure nothing acquired stays held.
  [[nodiscard]] int probe();

  // Process context. Resets the channels and waits (bounded) until the device is idle,
  // disables its interrupts, frees them, then fails unfinished requests with -ENODEV,
  // unmaps their buffers and frees the rings.
  void remove();

  // Any context but interrupt; takes the lock. Checks the request (before any register
  // access), maps its buffers, and puts it on a ring or, when all are full, in the
  // software queue. Returns 0; -EINVAL (empty or unequal lists, a zero-length segment,
  // more descriptors than a ring holds, not probed); -EFAULT (a buffer the device cannot
  // reach); -EOPNOTSUPP (CRC on a device without it); -EBUSY (kSubmitNoWait and no room
  // now, or the request is already in flight); -ENODEV (the device is gone).
  [[nodiscard]] int submit(CopyRequest& request, unsigned flags = 0);

  // Any context but interrupt. Cancels a request still in the software queue: returns 0
  // (its status is -ECANCELED), -EBUSY (already on a ring: it will finish there) or
  // -EINVAL (not in flight).
  [[nodiscard]] int cancel(CopyRequest& request);

  // Process context. Waits until the request finished. Returns 0 when it did (its status
  // says how), -ETIMEDOUT otherwise.
  [[nodiscard]] int wait(const CopyRequest& request, std::uint64_t timeout_ns);

  // Process context. Stops taking work onto the rings, waits (bounded) for the rings to
  // drain and enters D3 (which loses the device's context). Returns 0, -EBUSY (did not go idle, or the
  // device refused: the driver runs on), -ENODEV.
  [[nodiscard]] int suspend();
  // Process context. Wakes the device, waits for D0, programs it again as probe did
  // (program_locked) and issues the work queued meanwhile. Returns 0, -ETIMEDOUT, -ENODEV.
  [[nodiscard]] int resume();

  // Interrupt context, for vector v. Acknowledges exactly the events it saw.
  IrqReturn top_half(unsigned vector);
  // Bottom-half context. Retires finished descriptors, recovers halted channels, issues
  // queued work, completes requests.
  void bottom_half();

  const DeviceInfo& info() const { return info_; }
  const Quirks& quirks() const { return quirks_; }
  const DeviceStats& stats() const { return stats_; }
  bool probed() const { return probed_; }
  bool removed() const { return removed_; }
  bool suspended() const { return suspended_; }

 private:
  int count_channels_e1(unsigned reported);
  // Process context, no lock held. Re-reads a register condition every poll interval until it
  // holds. Returns 0 or -ETIMEDOUT.
  int poll_registers(const std::function<bool()>& done, std::uint64_t timeout_ns);
  std::uint64_t poll_step(std::uint64_t left_ns) const;
  // Under the lock: writes the whole configuration (probe, and resume after D3).
  void program_locked();
  std::uint32_t channel_events() const;
  std::uint32_t vector_events(unsigned vector) const;
  int prepare(CopyRequest& r);
  void unmap(CopyRequest& r);
  void kick_locked();
  TceRing* pick_ring(std::size_t descriptors);
  void retire_locked(TceRing& ring, bool check_halt);
  void recover_locked(TceRing& ring, bool timed_out);
  void check_removed_locked();
  void fail_everything_locked(int status);
  void arm_watchdog_locked(TceRing& ring, bool restart);
  void watchdog_fired(unsigned channel);
  void arm_flush_locked();
  void finish_locked(CopyRequest& r, int status);
  void complete(std::vector<CopyRequest*> done);

  Hal& hal_;
  DeviceConfig config_;
  DeviceInfo info_;
  Quirks quirks_;
  DeviceStats stats_;
  bool probed_ = false;

  // Acquired by probe in this order, released in reverse.
  std::vector<std::unique_ptr<TceRing>> rings_;
  std::vector<IrqRegistration> irqs_;

  SpinLock lock_;  // guards everything below
  RequestCore core_;
  std::vector<TimerId> watchdogs_;
  std::vector<unsigned> stalls_;
  TimerId flush_timer_ = 0;
  unsigned next_ring_ = 0;
  std::uint16_t next_tag_ = 1;
  std::uint32_t events_ = 0;
  bool removed_ = false;
  bool suspending_ = false;
  bool suspended_ = false;
  bool stopping_ = false;  // remove() under way
};

}  // namespace tce
