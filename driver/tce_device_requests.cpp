// Requests in: mapping a copy into descriptors, queueing it, cancelling it, and putting
// queued work on the rings behind one doorbell barrier.
#include "tce_device.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "tce_device_detail.hpp"

namespace tce {
namespace {

// Pieces of a copy: each contiguous on both sides and at most the device's length limit.
// Stops early when `emit` returns false.
template <typename Src, typename Dst, typename Emit>
void walk_pieces(const Src& src, const Dst& dst, Emit emit) {
  std::size_t si = 0, di = 0, so = 0, doff = 0;
  while (si < src.size() && di < dst.size()) {
    const std::size_t n = std::min({src[si].len - so, dst[di].len - doff, std::size_t{r::desc::kMaxLen}});
    if (!emit(si, so, di, doff, n)) return;
    so += n;
    doff += n;
    if (so == src[si].len) ++si, so = 0;
    if (doff == dst[di].len) ++di, doff = 0;
  }
}

// The total length of a segment list, or 0 when a segment is null or empty, or the sum
// does not fit in size_t (a wrapped sum would pass for a small, valid one).
std::size_t total_length(const std::vector<Segment>& segs) {
  std::size_t total = 0;
  for (const Segment& s : segs) {
    if (s.cpu == nullptr || s.len == 0 || s.len > SIZE_MAX - total) return 0;
    total += s.len;
  }
  return total;
}

}  // namespace

int TceDevice::prepare(CopyRequest& req) {
  if (req.src.empty() || req.dst.empty()) return -EINVAL;
  const std::size_t src_total = total_length(req.src);
  if (src_total == 0 || src_total != total_length(req.dst)) return -EINVAL;
  if (req.crc && !info_.crc) return -EOPNOTSUPP;
  // Counting stops one past what a ring holds: a huge segment costs no more than a full ring.
  const std::size_t capacity = rings_.front()->capacity();
  std::size_t pieces = 0;
  walk_pieces(req.src, req.dst,
              [&](std::size_t, std::size_t, std::size_t, std::size_t, std::size_t) { return ++pieces <= capacity; });
  if (pieces > capacity) return -EINVAL;

  req.src_map_.clear();
  req.dst_map_.clear();
  auto map_all = [this](const std::vector<Segment>& segs, DmaDir dir, std::vector<CopyRequest::Mapped>* out) {
    for (const Segment& s : segs) {
      std::uint64_t bus = 0;
      if (int rc = hal_.dma_map(s.cpu, s.len, dir, &bus); rc != 0) return rc;
      out->push_back({bus, s.len});
    }
    return 0;
  };
  int rc = map_all(req.src, DmaDir::kToDevice, &req.src_map_);
  if (rc == 0) rc = map_all(req.dst, DmaDir::kFromDevice, &req.dst_map_);
  if (rc != 0) {
    unmap(req);
    return rc;
  }
  req.pieces_.clear();
  walk_pieces(
      req.src_map_, req.dst_map_, [&](std::size_t si, std::size_t so, std::size_t di, std::size_t doff, std::size_t n) {
        req.pieces_.push_back({req.src_map_[si].bus + so, req.dst_map_[di].bus + doff, static_cast<std::uint32_t>(n)});
        return true;
      });
  return 0;
}

void TceDevice::unmap(CopyRequest& req) {
  for (const auto& m : req.src_map_) hal_.dma_unmap(m.bus, m.len, DmaDir::kToDevice);
  for (const auto& m : req.dst_map_) hal_.dma_unmap(m.bus, m.len, DmaDir::kFromDevice);
  req.src_map_.clear();
  req.dst_map_.clear();
}

int TceDevice::submit(CopyRequest& req, unsigned flags) {
  if (!probed_) return -EINVAL;
  const RequestState state = req.state();
  if (state == RequestState::kQueued || state == RequestState::kIssued) return -EBUSY;
  if (removed_) return -ENODEV;
  if (int rc = prepare(req); rc != 0) return rc;

  IrqLockGuard guard(hal_, lock_);
  if (removed_ || stopping_) {
    unmap(req);
    return -ENODEV;
  }
  core_.enqueue(req);
  kick_locked();
  if (req.state() == RequestState::kQueued && (flags & kSubmitNoWait) != 0) {
    core_.withdraw(req);
    unmap(req);
    return -EBUSY;
  }
  return 0;
}

int TceDevice::cancel(CopyRequest& req) {
  std::vector<CopyRequest*> done;
  int rc = 0;
  {
    IrqLockGuard guard(hal_, lock_);
    if (core_.cancel(req)) {
      unmap(req);
    } else {
      rc = req.state() == RequestState::kIssued ? -EBUSY : -EINVAL;
    }
    done = core_.take_finished();
  }
  complete(std::move(done));
  return rc;
}

TceRing* TceDevice::pick_ring(std::size_t descriptors) {
  for (std::size_t i = 0; i < rings_.size(); ++i) {
    const std::size_t index = (next_ring_ + i) % rings_.size();
    if (rings_[index]->free_slots() >= descriptors) {
      next_ring_ = static_cast<unsigned>((index + 1) % rings_.size());
      return rings_[index].get();
    }
  }
  return nullptr;
}

// Moves queued requests onto rings with room, oldest first, then rings the doorbells of
// the rings it wrote to, behind one write barrier.
void TceDevice::kick_locked() {
  if (!probed_ || removed_ || suspended_ || suspending_ || stopping_) return;
  std::uint32_t touched = 0;
  while (CopyRequest* req = core_.front()) {
    TceRing* ring = pick_ring(req->pieces_.size());
    if (ring == nullptr) break;
    core_.issue_front();
    req->channel_ = ring->channel();
    ring->place(*req, &next_tag_);
    touched |= 1u << ring->channel();
  }
  if (touched == 0) return;
  hal_.wmb();  // descriptors in memory before the device can see a doorbell
  for (const auto& ring : rings_) {
    if ((touched >> ring->channel() & 1) == 0) continue;
    hal_.write32(r::RING_TAIL::offset(ring->channel()), ring->tail());
    arm_watchdog_locked(*ring, false);
  }
  arm_flush_locked();
}

}  // namespace tce
