#include "tce_device.hpp"

#include <cerrno>
#include <cstdio>

#include "tce_regs.hpp"

namespace tce {
namespace {

namespace r = tce::reg;

// Channel this driver revision drives.
constexpr unsigned kChannel = 0;
constexpr std::uint32_t kChannelEvents = r::IRQ_STATUS::CH0_DONE::kMask | r::IRQ_STATUS::CH0_ERR::kMask;
constexpr std::uint32_t kAllOnes = 0xFFFFFFFFu;
constexpr std::uint64_t kResetTimeoutNs = 10'000;

void put_le(unsigned char* p, std::uint64_t v, unsigned bytes) {
  for (unsigned i = 0; i < bytes; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint32_t get_le32(const unsigned char* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

}  // namespace

TceDevice::TceDevice(Hal& hal, DeviceConfig config) : hal_(hal), config_(config) {}

TceDevice::~TceDevice() {
  remove();
}

int TceDevice::probe() {
  if (probed_) return -EBUSY;
  if (config_.ring_log2 < 1 || config_.ring_log2 > 12) return -EINVAL;

  const std::uint32_t id = hal_.read32(r::ID::kOffset);
  if (id == kAllOnes) {
    hal_.log(LogLevel::kError, "probe: ID reads all ones: device removed or not present");
    return -ENODEV;
  }
  if (r::get<r::ID::VENDOR>(id) != r::kVendorId || r::get<r::ID::DEVICE>(id) != r::kDeviceId) {
    char msg[96];
    std::snprintf(msg, sizeof msg, "probe: ID 0x%08x is not a TCE", static_cast<unsigned>(id));
    hal_.log(LogLevel::kError, msg);
    return -ENODEV;
  }
  const std::uint32_t caps = hal_.read32(r::CAPS::kOffset);
  info_.revision = r::get<r::VERSION::REVISION>(hal_.read32(r::VERSION::kOffset));
  info_.channels = r::get<r::CAPS::CHANNELS>(caps);
  info_.vectors = r::get<r::CAPS::VECTORS>(caps);
  if (info_.channels == 0 || config_.vector >= info_.vectors) {
    hal_.log(LogLevel::kError, "probe: CAPS reports no channel, or not the configured vector");
    return -ENODEV;
  }

  // Start from a known state, whatever a previous owner left.
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::SOFT_RESET>(1));
  int rc = hal_.wait_until([this] { return r::get<r::STATUS::RESET_BUSY>(hal_.read32(r::STATUS::kOffset)) == 0; },
                           kResetTimeoutNs);
  if (rc != 0) {
    hal_.log(LogLevel::kError, "probe: soft reset did not finish");
    return rc;
  }

  const unsigned entries = 1u << config_.ring_log2;
  DmaRegion region;
  rc = hal_.dma_alloc(std::size_t{entries} * r::desc::kBytes, &region);
  if (rc != 0) return rc;
  DmaBuffer ring(hal_, region);
  if (region.bus % 64 != 0) {
    hal_.log(LogLevel::kError, "probe: ring memory is not 64-byte aligned");
    return -ENOMEM;
  }
  for (std::size_t i = 0; i < region.size; ++i) ring.bytes()[i] = 0;
  hal_.dma_sync_for_device(region, 0, region.size);

  rc = hal_.request_irq(config_.vector, config_.trigger, [this] { return top_half(); });
  if (rc != 0) return rc;  // ring is released by its owner
  IrqRegistration irq(hal_, config_.vector);

  hal_.write32(r::RING_BASE_LO::offset(kChannel), static_cast<std::uint32_t>(region.bus));
  hal_.write32(r::RING_BASE_HI::offset(kChannel), static_cast<std::uint32_t>(region.bus >> 32));
  hal_.write32(r::RING_SIZE_LOG2::offset(kChannel), config_.ring_log2);
  hal_.write32(r::IRQ_ENABLE::kOffset, kChannelEvents);
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::ENABLE>(1) | r::put<r::CTRL::BUS_MASTER>(1));
  hal_.write32(r::CH_CTRL::offset(kChannel), r::put<r::CH_CTRL::RUN>(1));

  {
    IrqLockGuard guard(hal_, lock_);
    slots_.assign(entries, nullptr);
    slot_tags_.assign(entries, 0);
    tail_ = retire_ = 0;
    events_ = 0;
  }
  ring_ = std::move(ring);
  irq_ = std::move(irq);
  probed_ = true;
  return 0;
}

void TceDevice::remove() {
  if (!probed_) return;
  probed_ = false;
  // Quiesce the device before its memory goes away.
  hal_.write32(r::IRQ_ENABLE::kOffset, 0);
  hal_.write32(r::CH_CTRL::offset(kChannel), r::put<r::CH_CTRL::RESET>(1));
  hal_.write32(r::CTRL::kOffset, 0);
  irq_.reset();
  ring_.reset();
}

void TceDevice::write_descriptor(unsigned slot, const CopyRequest& request, std::uint16_t tag) {
  unsigned char* d = ring_.bytes() + std::size_t{slot} * r::desc::kBytes;
  const std::uint32_t ctrl = r::put<r::desc::CTRL::IRQ>(1) | r::put<r::desc::CTRL::TAG>(tag);
  put_le(d + r::desc::kSrcOffset, request.src, 8);
  put_le(d + r::desc::kDstOffset, request.dst, 8);
  put_le(d + r::desc::kLenOffset, request.len, 4);
  put_le(d + r::desc::kCtrlOffset, ctrl, 4);
  put_le(d + r::desc::kStatusOffset, 0, 4);
  put_le(d + r::desc::kCrcOffset, 0, 4);
  hal_.dma_sync_for_device(ring_.region(), std::size_t{slot} * r::desc::kBytes, r::desc::kBytes);
}

int TceDevice::submit(CopyRequest& request) {
  if (!probed_) return -EINVAL;
  if (request.len == 0 || request.len > r::desc::kMaxLen) return -EINVAL;

  IrqLockGuard guard(hal_, lock_);
  const unsigned mask = static_cast<unsigned>(slots_.size()) - 1;
  const unsigned next = (tail_ + 1) & mask;
  if (next == retire_) return -EBUSY;

  request.done = false;
  request.status = 0;
  request.err_code = 0;
  const std::uint16_t tag = next_tag_++;
  write_descriptor(tail_, request, tag);
  slots_[tail_] = &request;
  slot_tags_[tail_] = tag;
  tail_ = next;
  // The descriptor must be in memory before the device can see the doorbell.
  hal_.wmb();
  hal_.write32(r::RING_TAIL::offset(kChannel), tail_);
  return 0;
}

int TceDevice::wait(const CopyRequest& request, std::uint64_t timeout_ns) {
  return hal_.wait_until([&request] { return request.done.load(); }, timeout_ns);
}

IrqReturn TceDevice::top_half() {
  const std::uint32_t pending = hal_.read32(r::IRQ_PENDING::kOffset);
  if (pending == 0) return IrqReturn::kNone;
  if (pending == kAllOnes) return IrqReturn::kNone;  // removed: not ours to acknowledge
  // Acknowledge exactly what was seen: an event that arrives after the read stays latched.
  hal_.write32(r::IRQ_STATUS::kOffset, pending);
  {
    IrqLockGuard guard(hal_, lock_);
    events_ |= pending;
  }
  hal_.schedule_work([this] { bottom_half(); });
  return IrqReturn::kHandled;
}

void TceDevice::bottom_half() {
  std::vector<CopyRequest*> finished;
  {
    IrqLockGuard guard(hal_, lock_);
    events_ = 0;
    if (!probed_) return;
    const unsigned mask = static_cast<unsigned>(slots_.size()) - 1;
    hal_.rmb();
    while (retire_ != tail_) {
      const std::size_t off = std::size_t{retire_} * r::desc::kBytes;
      hal_.dma_sync_for_cpu(ring_.region(), off, r::desc::kBytes);
      const std::uint32_t status = get_le32(ring_.bytes() + off + r::desc::kStatusOffset);
      const bool ok = r::get<r::desc::STATUS::DONE>(status) != 0;
      const bool err = r::get<r::desc::STATUS::ERR>(status) != 0;
      if (!ok && !err) break;  // the device has not finished this one yet
      CopyRequest* req = slots_[retire_];
      if (r::get<r::desc::STATUS::TAG>(status) != slot_tags_[retire_]) {
        hal_.log(LogLevel::kError, "bottom half: descriptor STATUS carries another request's tag");
        req->status = -EIO;
      } else if (err) {
        req->status = -EIO;
        req->err_code = r::get<r::desc::STATUS::CODE>(status);
      }
      slots_[retire_] = nullptr;
      retire_ = (retire_ + 1) & mask;
      finished.push_back(req);
    }
  }
  for (CopyRequest* req : finished) {
    req->done = true;
    if (req->on_complete) req->on_complete(*req);
  }
  if (!finished.empty()) hal_.wake_all();
}

}  // namespace tce
