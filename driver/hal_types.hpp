// The HAL's vocabulary that the simulator's plain C++ models share with the driver: an
// interrupt line's trigger and a DMA mapping's direction. Header only, so that whoever
// includes it links nothing of the driver.
#pragma once

namespace tce {

enum class Trigger { kLevelHigh, kEdgeRising };
enum class DmaDir { kToDevice, kFromDevice, kBidirectional };

}  // namespace tce
