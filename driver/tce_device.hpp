// The TCE driver core: probe and remove, copy submission over channel 0's descriptor
// ring, top half and bottom half, completion.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "hal.hpp"
#include "resources.hpp"

namespace tce {

// One copy. The caller owns it and keeps it alive until it completed.
struct CopyRequest {
  std::uint64_t src = 0;  // bus addresses
  std::uint64_t dst = 0;
  std::uint32_t len = 0;
  std::function<void(CopyRequest&)> on_complete;  // runs in bottom-half context

  // Filled by the driver.
  std::atomic<bool> done{false};
  int status = 0;              // 0, or -EIO when the device reported an error
  std::uint32_t err_code = 0;  // the device's error code when status is -EIO
};

struct DeviceConfig {
  unsigned ring_log2 = 6;  // 64 descriptors
  unsigned vector = 0;
  Trigger trigger = Trigger::kLevelHigh;
};

struct DeviceInfo {
  unsigned revision = 0;
  unsigned channels = 0;
  unsigned vectors = 0;
};

class TceDevice {
 public:
  explicit TceDevice(Hal& hal, DeviceConfig config = {});
  ~TceDevice();
  TceDevice(const TceDevice&) = delete;
  TceDevice& operator=(const TceDevice&) = delete;

  // Process context. Identifies the device, resets it, sets up channel 0's ring and the
  // interrupt, and starts the channel. Returns 0, -ENODEV (not a TCE, or removed),
  // -EINVAL (bad config), -ENOMEM, or what request_irq returned. On failure nothing
  // acquired stays held.
  [[nodiscard]] int probe();

  // Process context. Stops the device and releases everything probe acquired.
  void remove();

  // Any context; takes the ring lock. Queues one copy and rings the doorbell. Returns 0,
  // -EINVAL (length 0 or above the device limit, or not probed), -EBUSY (ring full).
  [[nodiscard]] int submit(CopyRequest& request);

  // Process context. Waits for the request to complete. Returns 0 when it completed
  // (its own status says how), -ETIMEDOUT otherwise.
  [[nodiscard]] int wait(const CopyRequest& request, std::uint64_t timeout_ns);

  // Interrupt context. Acknowledges exactly the pending events and defers the rest.
  IrqReturn top_half();
  // Bottom-half context. Retires finished descriptors in ring order.
  void bottom_half();

  const DeviceInfo& info() const { return info_; }

 private:
  void write_descriptor(unsigned slot, const CopyRequest& request, std::uint16_t tag);

  Hal& hal_;
  DeviceConfig config_;
  DeviceInfo info_;
  bool probed_ = false;

  // Acquired by probe in this order, released in reverse.
  DmaBuffer ring_;
  IrqRegistration irq_;

  SpinLock lock_;  // guards everything below
  std::vector<CopyRequest*> slots_;
  std::vector<std::uint16_t> slot_tags_;
  unsigned tail_ = 0;    // next slot software fills
  unsigned retire_ = 0;  // next slot to retire
  std::uint16_t next_tag_ = 1;
  std::uint32_t events_ = 0;  // acknowledged, not yet handled
};

}  // namespace tce
