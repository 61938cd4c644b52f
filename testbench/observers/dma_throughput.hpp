// Observes a run's DMA requests (see dma_requests.hpp) on the platform's events, for the
// run's outcome: each completed request's bytes and cycles. Judges nothing.
#pragma once

#include <vector>

#include "dma_requests.hpp"
#include "platform.hpp"

namespace tandem {

class DmaThroughput {
 public:
  explicit DmaThroughput(Platform& platform);
  const std::vector<DmaSample>& samples() const { return requests_.samples(); }

 private:
  DmaRequests requests_;
  EventBus::Subscription subscription_;
};

}  // namespace tandem
