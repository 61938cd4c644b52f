// A copy request: scatter-gather source and destination lists of CPU memory, an optional
// CRC-32C of the stream, a completion callback, and what became of it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "tce_regs.hpp"

namespace tce {

struct Segment {
  void* cpu = nullptr;
  std::size_t len = 0;
};

// allocated (kIdle) -> submitted (kQueued, in software) -> on the ring (kIssued) ->
// kCompleted | kFailed | kCancelled. The last three are final until the next submit.
enum class RequestState : int { kIdle, kQueued, kIssued, kCompleted, kFailed, kCancelled };
const char* to_string(RequestState state);

struct CopyRequest {
  std::vector<Segment> src;
  std::vector<Segment> dst;
  bool crc = false;                               // compute CRC-32C over the stream
  std::function<void(CopyRequest&)> on_complete;  // bottom-half context, no driver lock held

  // Results, valid once finished().
  int status = 0;                               // 0, -EIO, -ETIMEDOUT, -ENODEV or -ECANCELED
  reg::ErrCode err_code = reg::ErrCode::kNone;  // the device's error code when status is -EIO
  std::uint32_t crc32c = 0;                     // when crc was asked for

  RequestState state() const { return state_.load(); }
  bool finished() const {
    const RequestState s = state();
    return s == RequestState::kCompleted || s == RequestState::kFailed || s == RequestState::kCancelled;
  }

  // Driver-private from here on.
  struct Mapped {
    std::uint64_t bus;
    std::size_t len;
  };
  struct Piece {  // one descriptor's worth: contiguous on both sides
    std::uint64_t src, dst;
    std::uint32_t len;
  };
  std::atomic<RequestState> state_{RequestState::kIdle};
  std::vector<Mapped> src_map_, dst_map_;
  std::vector<Piece> pieces_;
  unsigned channel_ = 0;
  unsigned retries_ = 0;
};

}  // namespace tce
