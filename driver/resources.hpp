// RAII owners for what probe acquires (the C++ form of devm_*): each releases its
// resource in its destructor, so members declared in acquisition order unwind in reverse.
#pragma once

#include <utility>

#include "hal.hpp"

namespace tce {

// Owns DMA memory allocated through the HAL.
class DmaBuffer {
 public:
  DmaBuffer() = default;
  DmaBuffer(Hal& hal, const DmaRegion& region) : hal_(&hal), region_(region) {}
  ~DmaBuffer() { reset(); }
  DmaBuffer(DmaBuffer&& other) noexcept { *this = std::move(other); }
  DmaBuffer& operator=(DmaBuffer&& other) noexcept {
    if (this != &other) {
      reset();
      hal_ = std::exchange(other.hal_, nullptr);
      region_ = std::exchange(other.region_, DmaRegion{});
    }
    return *this;
  }
  DmaBuffer(const DmaBuffer&) = delete;
  DmaBuffer& operator=(const DmaBuffer&) = delete;

  void reset() {
    if (hal_ != nullptr) hal_->dma_free(region_);
    hal_ = nullptr;
    region_ = DmaRegion{};
  }
  const DmaRegion& region() const { return region_; }
  unsigned char* bytes() const { return static_cast<unsigned char*>(region_.cpu); }
  explicit operator bool() const { return hal_ != nullptr; }

 private:
  Hal* hal_ = nullptr;
  DmaRegion region_;
};

// Owns an interrupt registration.
class IrqRegistration {
 public:
  IrqRegistration() = default;
  IrqRegistration(Hal& hal, unsigned vector) : hal_(&hal), vector_(vector) {}
  ~IrqRegistration() { reset(); }
  IrqRegistration(IrqRegistration&& other) noexcept { *this = std::move(other); }
  IrqRegistration& operator=(IrqRegistration&& other) noexcept {
    if (this != &other) {
      reset();
      hal_ = std::exchange(other.hal_, nullptr);
      vector_ = other.vector_;
    }
    return *this;
  }
  IrqRegistration(const IrqRegistration&) = delete;
  IrqRegistration& operator=(const IrqRegistration&) = delete;

  void reset() {
    if (hal_ != nullptr) hal_->free_irq(vector_);
    hal_ = nullptr;
  }

 private:
  Hal* hal_ = nullptr;
  unsigned vector_ = 0;
};

}  // namespace tce
