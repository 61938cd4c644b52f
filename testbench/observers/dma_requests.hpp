// DMA requests as the bus shows them, for throughput against transfer size: a request is a
// run of descriptors on one channel, chained by CTRL.CHAIN, from the RING_TAIL doorbell that
// published its first descriptor to the STATUS write-back of its last. A request counts
// only when that write-back reads DONE with its tag (an error or a channel reset drops it).
// Knows nothing of the platform, so that a unit test can drive it with synthetic events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "checkers/desc_ledger.hpp"
#include "records.hpp"

namespace tandem {

class DmaRequests {
 public:
  // Reads host memory as the device left it (false: not mapped any more).
  using ReadMemory = std::function<bool(std::uint64_t addr, void* out, std::size_t len)>;
  // Keeps the first `max_samples` completed requests: a long run's result stays small.
  explicit DmaRequests(ReadMemory read, std::size_t max_samples = 64);

  // A register write that answered OKAY (doorbells, channel and soft resets).
  void csr_write(unsigned device, std::uint32_t offset, std::uint32_t value, std::uint64_t cycle);
  // The device lost its rings (D3).
  void reset_device(unsigned device);
  // The device fetched the descriptor at slot `index` of the channel, at `addr`.
  void fetched(unsigned device, unsigned channel, unsigned index, std::uint64_t addr, std::uint64_t cycle);
  // The device started a write burst to [addr, addr + len).
  void device_write(unsigned device, std::uint64_t addr, std::uint64_t len, std::uint64_t cycle);
  // Reads the STATUS of requests whose write-back has started: call it on any later event
  // (the write lands a few cycles after the burst starts, well before anyone reads it).
  void settle();

  const std::vector<DmaSample>& samples() const { return samples_; }

 private:
  struct Published {  // one doorbell: the slots [old_tail, tail) modulo the ring size
    unsigned old_tail, tail;
    std::uint64_t cycle;
  };
  struct Request {
    unsigned device = 0, channel = 0, first_slot = 0;
    std::uint64_t first_fetch = 0;
    std::uint64_t bytes = 0;
    std::uint64_t status_addr = 0;  // of its last descriptor, once fetched
    std::uint32_t tag = 0;
    std::uint64_t end = 0;  // the write-back's cycle, once started
  };
  using Channel = std::pair<unsigned, unsigned>;  // (device, channel)

  std::uint64_t start_of(const Request& q) const;
  void drop_channel(const Channel& ch);

  ReadMemory read_;
  std::size_t max_samples_;
  DescLedger ledger_;                                   // the ring tails, for what each doorbell published
  std::map<Channel, std::deque<Published>> doorbells_;  // the latest few per channel
  std::map<Channel, Request> open_;                     // descriptors fetched, the last one not yet
  std::vector<Request> writing_;                        // last descriptor fetched, waiting for its write-back
  std::vector<Request> landing_;                        // write-back started, STATUS not read yet
  std::vector<DmaSample> samples_;
};

}  // namespace tandem
