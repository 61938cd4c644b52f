#include "tce_ring.hpp"

#include <algorithm>
#include <cerrno>

#include "tce_regs.hpp"

namespace tce {
namespace {

namespace r = tce::reg;

void put_le(unsigned char* p, std::uint64_t v, unsigned bytes) {
  for (unsigned i = 0; i < bytes; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint32_t get_le32(const unsigned char* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

}  // namespace

int TceRing::init() {
  const std::size_t bytes = (std::size_t{1} << log2_) * r::desc::kBytes;
  DmaRegion region;
  if (int rc = hal_.dma_alloc(bytes, &region); rc != 0) return rc;
  ring_ = DmaBuffer(hal_, region);
  if (region.bus % 64 != 0) return -ENOMEM;  // the device needs 64-byte-aligned rings
  std::fill(ring_.bytes(), ring_.bytes() + bytes, 0);
  hal_.dma_sync_for_device(region, 0, bytes);
  slots_.assign(std::size_t{1} << log2_, Slot{});
  tail_ = retire_ = 0;
  return 0;
}

void TceRing::place(CopyRequest& req, std::uint16_t* next_tag) {
  const unsigned mask = (1u << log2_) - 1;
  for (std::size_t i = 0; i < req.pieces_.size(); ++i) {
    const CopyRequest::Piece& p = req.pieces_[i];
    const bool last = i + 1 == req.pieces_.size();
    const std::uint16_t tag = (*next_tag)++;
    std::uint32_t ctrl = r::put<r::desc::CTRL::TAG>(tag);
    if (last) ctrl |= r::put<r::desc::CTRL::IRQ>(1);
    if (!last) ctrl |= r::put<r::desc::CTRL::CHAIN>(1);
    if (req.crc) ctrl |= r::put<r::desc::CTRL::CRC>(1);
    const std::size_t off = std::size_t{tail_} * r::desc::kBytes;
    unsigned char* d = ring_.bytes() + off;
    put_le(d + r::desc::kSrcOffset, p.src, 8);
    put_le(d + r::desc::kDstOffset, p.dst, 8);
    put_le(d + r::desc::kLenOffset, p.len, 4);
    put_le(d + r::desc::kCtrlOffset, ctrl, 4);
    put_le(d + r::desc::kStatusOffset, 0, 4);
    put_le(d + r::desc::kCrcOffset, 0, 4);
    hal_.dma_sync_for_device(ring_.region(), off, r::desc::kBytes);
    slots_[tail_] = Slot{&req, tag, last};
    tail_ = (tail_ + 1) & mask;
  }
}

TceRing::Next TceRing::retire_one(Retired* out, std::uint32_t* status) {
  if (empty()) return Next::kNone;
  const std::size_t off = std::size_t{retire_} * r::desc::kBytes;
  hal_.dma_sync_for_cpu(ring_.region(), off, r::desc::kBytes);
  const unsigned char* d = ring_.bytes() + off;
  *status = get_le32(d + r::desc::kStatusOffset);
  const bool done = r::get<r::desc::STATUS::DONE>(*status) != 0;
  const bool err = r::get<r::desc::STATUS::ERR>(*status) != 0;
  if (!done && !err) return Next::kNone;
  const Slot& slot = slots_[retire_];
  if (err || r::get<r::desc::STATUS::TAG>(*status) != slot.tag) return Next::kError;
  *out = Retired{slot.request, slot.last, get_le32(d + r::desc::kCrcOffset)};
  slots_[retire_] = Slot{};
  retire_ = (retire_ + 1) & ((1u << log2_) - 1);
  return Next::kRetired;
}

CopyRequest* TceRing::at_retire() const {
  return empty() ? nullptr : slots_[retire_].request;
}

std::vector<CopyRequest*> TceRing::reset() {
  std::vector<CopyRequest*> unfinished;
  const unsigned mask = (1u << log2_) - 1;
  for (unsigned i = retire_; i != tail_; i = (i + 1) & mask) {
    CopyRequest* req = slots_[i].request;
    if (req != nullptr && !req->finished() &&
        std::find(unfinished.begin(), unfinished.end(), req) == unfinished.end()) {
      unfinished.push_back(req);
    }
    slots_[i] = Slot{};
  }
  tail_ = retire_ = 0;
  return unfinished;
}

}  // namespace tce
