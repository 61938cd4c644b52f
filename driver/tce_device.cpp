#include "tce_device.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "tce_regs.hpp"

namespace tce {
namespace {

namespace r = tce::reg;

constexpr std::uint32_t kAllOnes = 0xFFFFFFFFu;
constexpr std::uint64_t kResetTimeoutNs = 10'000;

constexpr std::uint32_t done_event(unsigned c) {
  return r::IRQ_STATUS::CH_DONE::mask(c);
}
constexpr std::uint32_t err_event(unsigned c) {
  return r::IRQ_STATUS::CH_ERR::mask(c);
}

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

TceDevice::TceDevice(Hal& hal, const DeviceConfig& config) : hal_(hal), config_(config) {}

TceDevice::~TceDevice() {
  remove();
}

int TceDevice::probe() {
  if (probed_) return -EBUSY;
  // A zero poll interval or flush period would let a poll or the flush timer run again at the
  // same instant, for ever.
  if (config_.ring_log2 < 1 || config_.ring_log2 > 12 || config_.max_channels == 0 || config_.poll_interval_ns == 0 ||
      config_.flush_ns == 0) {
    return -EINVAL;
  }

  const std::uint32_t id = hal_.read32(r::ID::kOffset);
  if (id == kAllOnes) {
    hal_.log(LogLevel::kError, "probe: ID reads all ones: device removed or not present");
    return -ENODEV;
  }
  const std::uint32_t version = hal_.read32(r::VERSION::kOffset);
  const IdEntry* entry = match_id(static_cast<std::uint16_t>(r::get<r::ID::VENDOR>(id)),
                                  static_cast<std::uint16_t>(r::get<r::ID::DEVICE>(id)),
                                  static_cast<std::uint8_t>(r::get<r::VERSION::REVISION>(version)));
  if (entry == nullptr) {
    hal_.logf(LogLevel::kError, "probe: ID 0x%08x is not a device this driver drives", static_cast<unsigned>(id));
    return -ENODEV;
  }
  quirks_ = entry->quirks;
  info_.name = entry->name;
  info_.revision = r::get<r::VERSION::REVISION>(version);
  const std::uint32_t caps = hal_.read32(r::CAPS::kOffset);
  info_.vectors = r::get<r::CAPS::VECTORS>(caps);
  info_.crc = r::get<r::CAPS::CRC32C>(caps) != 0;

  // Start from a known state, whatever a previous owner left.
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::SOFT_RESET>(1));
  int rc = poll_registers([this] { return r::get<r::STATUS::RESET_BUSY>(hal_.read32(r::STATUS::kOffset)) == 0; },
                          kResetTimeoutNs);
  if (rc != 0) {
    hal_.log(LogLevel::kError, "probe: soft reset did not finish");
    return rc;
  }

  unsigned channels = r::get<r::CAPS::CHANNELS>(caps);
  if (quirks_.caps_channels_unreliable) channels = count_channels_e1(channels);
  channels = std::min({channels, config_.max_channels, r::kMaxChannels});
  if (channels == 0 || info_.vectors == 0) {
    hal_.log(LogLevel::kError, "probe: the device reports no channel or no interrupt vector");
    return -ENODEV;
  }
  info_.channels = channels;

  std::vector<std::unique_ptr<TceRing>> rings;
  for (unsigned c = 0; c < channels; ++c) {
    rings.push_back(std::make_unique<TceRing>(hal_, c, config_.ring_log2));
    if ((rc = rings.back()->init()) != 0) return rc;  // owners release what exists so far
  }
  std::vector<IrqRegistration> irqs;
  if (config_.irq_mode != IrqMode::kPolling) {
    const Trigger trigger = config_.irq_mode == IrqMode::kPulse ? Trigger::kEdgeRising : Trigger::kLevelHigh;
    for (unsigned v = 0; v < std::min(info_.vectors, channels); ++v) {
      if ((rc = hal_.request_irq(v, trigger, [this, v] { return top_half(v); })) != 0) return rc;
      irqs.emplace_back(hal_, v);
    }
  }

  rings_ = std::move(rings);
  irqs_ = std::move(irqs);
  IrqLockGuard guard(hal_, lock_);
  watchdogs_.assign(channels, 0);
  stalls_.assign(channels, 0);
  removed_ = suspended_ = suspending_ = stopping_ = false;
  probed_ = true;
  program_locked();
  return 0;
}

// E1: CAPS says 4 whatever is there, and absent channels read 0: a channel exists if its
// RING_SIZE_LOG2 keeps what was written.
int TceDevice::count_channels_e1(unsigned reported) {
  for (unsigned c = 0; c < reported; ++c) {
    hal_.write32(r::RING_SIZE_LOG2::offset(c), 1);
    const std::uint32_t back = hal_.read32(r::RING_SIZE_LOG2::offset(c));
    hal_.write32(r::RING_SIZE_LOG2::offset(c), r::RING_SIZE_LOG2::kReset);
    if (back != 1) return static_cast<int>(c);
  }
  return static_cast<int>(reported);
}

std::uint32_t TceDevice::channel_events() const {
  std::uint32_t events = 0;
  for (unsigned c = 0; c < info_.channels; ++c) events |= done_event(c) | err_event(c);
  return events;
}

std::uint32_t TceDevice::vector_events(unsigned vector) const {
  std::uint32_t events = 0;
  const unsigned vectors = std::max<unsigned>(1, static_cast<unsigned>(irqs_.size()));
  for (unsigned c = 0; c < info_.channels; ++c) {
    if (c % vectors == vector) events |= done_event(c) | err_event(c);
  }
  return events;
}

// Writes the whole configuration; registers already at their reset value after a reset
// are left alone.
void TceDevice::program_locked() {
  for (const auto& ring : rings_) {
    const unsigned c = ring->channel();
    hal_.write32(r::RING_BASE_LO::offset(c), static_cast<std::uint32_t>(ring->bus()));
    hal_.write32(r::RING_BASE_HI::offset(c), static_cast<std::uint32_t>(ring->bus() >> 32));
    hal_.write32(r::RING_SIZE_LOG2::offset(c), ring->size_log2());
  }
  if (config_.irq_mode != IrqMode::kPolling) {
    const auto vectors = static_cast<unsigned>(irqs_.size());
    if (vectors > 1) {
      std::uint32_t map = 0;
      for (unsigned c = 0; c < info_.channels; ++c) {
        // Both events of channel c signal vector c % vectors.
        map |= r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_DONE::lsb(c), c % vectors) |
               r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_ERR::lsb(c), c % vectors);
      }
      hal_.write32(r::IRQ_VEC_MAP::kOffset, map);
    }
    if (config_.irq_mode == IrqMode::kPulse) hal_.write32(r::IRQ_MODE::kOffset, (1u << vectors) - 1);
    if (config_.coalesce_count > 1 || config_.coalesce_timer_cycles != 0) {
      // E2: the device's timer never fires; the driver flushes by itself instead.
      const std::uint32_t timer = quirks_.coalesce_timer_broken ? 0 : config_.coalesce_timer_cycles;
      for (unsigned v = 0; v < vectors; ++v) {
        hal_.write32(r::IRQ_COALESCE::offset(v),
                     r::put<r::IRQ_COALESCE::COUNT>(config_.coalesce_count) | r::put<r::IRQ_COALESCE::TIMER>(timer));
      }
    }
    hal_.write32(r::IRQ_ENABLE::kOffset, channel_events());
  }
  hal_.write32(r::CTRL::kOffset, r::put<r::CTRL::ENABLE>(1) | r::put<r::CTRL::BUS_MASTER>(1));
  for (const auto& ring : rings_) hal_.write32(r::CH_CTRL::offset(ring->channel()), r::put<r::CH_CTRL::RUN>(1));
}

// The device may still be reading and writing the requests' buffers and the rings: it is
// stopped and seen idle before anything it could reach is unmapped or freed, and no handler
// runs any more before the requests are failed.
void TceDevice::remove() {
  if (!probed_) return;
  bool live = false;
  {
    IrqLockGuard guard(hal_, lock_);
    stopping_ = true;  // nothing goes onto a ring any more, no channel is restarted
    live = !removed_ && !suspended_;
    if (live) {
      for (const auto& ring : rings_) hal_.write32(r::CH_CTRL::offset(ring->channel()), r::put<r::CH_CTRL::RESET>(1));
    }
  }
  if (live) {
    // A busy channel's reset waits for its bursts to drain (RESET_BUSY meanwhile).
    const int rc = poll_registers(
        [this] {
          const std::uint32_t st = hal_.read32(r::STATUS::kOffset);
          return st == kAllOnes || (r::get<r::STATUS::IDLE>(st) != 0 && r::get<r::STATUS::RESET_BUSY>(st) == 0);
        },
        kResetTimeoutNs);
    if (rc != 0) hal_.log(LogLevel::kError, "remove: the channels did not go idle; stopping bus mastering anyway");
    hal_.write32(r::IRQ_ENABLE::kOffset, 0);
    hal_.write32(r::CTRL::kOffset, 0);
  }
  while (!irqs_.empty()) irqs_.pop_back();  // free_irq waits for a handler still running
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    fail_everything_locked(-ENODEV);  // unmaps the requests' buffers
    probed_ = false;
    done = core_.take_finished();
  }
  complete(std::move(done));
  while (!rings_.empty()) rings_.pop_back();
}

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

// A register condition changes with no interrupt to wake a waiter (a reset draining, a
// wake-up finishing): look again every poll interval rather than only at the timeout.
int TceDevice::poll_registers(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  const std::uint64_t now = hal_.now_ns();
  const std::uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;  // saturates
  for (;;) {
    if (done()) return 0;
    const std::uint64_t t = hal_.now_ns();
    if (t >= deadline) return -ETIMEDOUT;
    (void)hal_.wait_until([] { return false; }, poll_step(deadline - t));
  }
}

// At least 1 ns, so that every look lets time pass (a device whose probe refused a zero
// interval can still be waited on).
std::uint64_t TceDevice::poll_step(std::uint64_t left_ns) const {
  return std::min(std::max<std::uint64_t>(config_.poll_interval_ns, 1), left_ns);
}

int TceDevice::wait(const CopyRequest& req, std::uint64_t timeout_ns) {
  if (config_.irq_mode == IrqMode::kPolling) {
    const std::uint64_t now = hal_.now_ns();
    const std::uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;  // saturates
    for (;;) {
      bottom_half();
      if (req.finished()) return 0;
      const std::uint64_t t = hal_.now_ns();
      if (t >= deadline) return -ETIMEDOUT;
      (void)hal_.wait_until([&req] { return req.finished(); }, poll_step(deadline - t));
    }
  }
  if (hal_.wait_until([&req] { return req.finished(); }, timeout_ns) == 0) return 0;
  // Nothing came: is the device still there?
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    if (probed_) check_removed_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
  return req.finished() ? 0 : -ETIMEDOUT;
}

IrqReturn TceDevice::top_half(unsigned vector) {
  const std::uint32_t pending =
      hal_.read32(config_.read_to_clear ? r::IRQ_STATUS_RC::kOffset : r::IRQ_PENDING::kOffset);
  if (pending == kAllOnes) {  // a removed device reads all ones: not an interrupt of ours
    {
      IrqLockGuard guard(hal_, lock_);
      check_removed_locked();
    }
    if (removed_) hal_.schedule_work([this] { bottom_half(); });
    return IrqReturn::kNone;
  }
  // Read-to-clear took every pending event already; otherwise acknowledge exactly this
  // vector's events that were seen, so one arriving after the read stays latched.
  const std::uint32_t mine = config_.read_to_clear ? pending : pending & vector_events(vector);
  if (mine == 0) {
    IrqLockGuard guard(hal_, lock_);
    ++stats_.spurious_irqs;
    return IrqReturn::kNone;
  }
  if (!config_.read_to_clear) hal_.write32(r::IRQ_STATUS::kOffset, mine);
  {
    IrqLockGuard guard(hal_, lock_);
    events_ |= mine;
  }
  hal_.schedule_work([this] { bottom_half(); });
  return IrqReturn::kHandled;
}

void TceDevice::bottom_half() {
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    const std::uint32_t events = events_;
    events_ = 0;
    if (probed_ && !removed_ && !suspended_ && !stopping_) {
      for (const auto& ring : rings_) {
        const bool check_halt =
            (events & err_event(ring->channel())) != 0 || (config_.irq_mode == IrqMode::kPolling && !ring->empty());
        retire_locked(*ring, check_halt);
      }
      kick_locked();
    }
    done = core_.take_finished();
  }
  complete(std::move(done));
}

void TceDevice::finish_locked(CopyRequest& req, int status) {
  unmap(req);
  core_.finish(req, status);
}

void TceDevice::retire_locked(TceRing& ring, bool check_halt) {
  bool progress = false;
  bool error = false;
  TceRing::Retired x{};
  std::uint32_t status = 0;
  for (;;) {
    const TceRing::Next next = ring.retire_one(&x, &status);
    if (next == TceRing::Next::kNone) break;
    if (next == TceRing::Next::kError) {
      error = true;
      break;
    }
    progress = true;
    if (x.last) {
      x.request->crc32c = x.crc;
      finish_locked(*x.request, 0);
    }
  }
  if (error || (check_halt && !ring.empty())) {  // an empty ring cannot be halted on anything
    const unsigned c = ring.channel();
    const std::uint32_t st = hal_.read32(r::CH_STATUS::offset(c));
    if (st == kAllOnes) {
      check_removed_locked();
      return;
    }
    if (error || r::get<r::CH_STATUS::HALTED>(st) != 0) {
      ++stats_.channel_errors;
      if (CopyRequest* failed = ring.at_retire()) {
        failed->err_code = static_cast<r::ErrCode>(r::get<r::CH_STATUS::ERR_CODE>(st));
        hal_.logf(LogLevel::kWarn, "channel %u: descriptor failed with error %s; resetting the channel", c,
                  r::to_string(failed->err_code));
        finish_locked(*failed, -EIO);
      }
      recover_locked(ring, false);
      return;
    }
  }
  if (progress) arm_watchdog_locked(ring, true);
}

// Resets the channel and puts its unfinished requests back on the empty ring in their
// order. After a timeout each counts a retry, and one past the limit fails instead.
void TceDevice::recover_locked(TceRing& ring, bool timed_out) {
  const unsigned c = ring.channel();
  const std::vector<CopyRequest*> unfinished = ring.reset();
  hal_.write32(r::CH_CTRL::offset(c), r::put<r::CH_CTRL::RESET>(1) | r::put<r::CH_CTRL::RUN>(1));
  bool placed = false;
  for (CopyRequest* req : unfinished) {
    if (timed_out && ++req->retries_ > config_.max_retries) {
      finish_locked(*req, -ETIMEDOUT);
      continue;
    }
    ring.place(*req, &next_tag_);
    ++stats_.reissued;
    placed = true;
  }
  if (placed) {
    hal_.wmb();
    hal_.write32(r::RING_TAIL::offset(c), ring.tail());
  }
  arm_watchdog_locked(ring, true);
}

void TceDevice::check_removed_locked() {
  if (removed_) return;
  if (hal_.read32(r::ID::kOffset) != kAllOnes) return;
  hal_.log(LogLevel::kError, "the device is gone (ID reads all ones): failing its requests with -ENODEV");
  removed_ = true;
  fail_everything_locked(-ENODEV);
}

void TceDevice::fail_everything_locked(int status) {
  for (const auto& ring : rings_) ring->reset();
  for (CopyRequest* req : core_.fail_all(status)) unmap(*req);
  for (TimerId& t : watchdogs_) {
    hal_.cancel_timer(t);
    t = 0;
  }
  hal_.cancel_timer(flush_timer_);
  flush_timer_ = 0;
}

void TceDevice::arm_watchdog_locked(TceRing& ring, bool restart) {
  TimerId& timer = watchdogs_[ring.channel()];
  if (timer != 0 && (restart || ring.empty())) {
    hal_.cancel_timer(timer);
    timer = 0;
  }
  if (timer != 0 || ring.empty() || removed_) return;
  const unsigned c = ring.channel();
  timer = hal_.start_timer(config_.watchdog_ns, [this, c] { watchdog_fired(c); });
}

void TceDevice::watchdog_fired(unsigned c) {
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    watchdogs_[c] = 0;
    if (!probed_ || removed_ || suspended_ || stopping_) return;
    TceRing& ring = *rings_[c];
    retire_locked(ring, true);  // what finished without an interrupt completes here
    if (!removed_ && watchdogs_[c] == 0 && !ring.empty()) {
      ++stats_.watchdog_resets;
      hal_.logf(LogLevel::kWarn, "channel %u: no progress for %llu ns; resetting and re-issuing", c,
                static_cast<unsigned long long>(config_.watchdog_ns));
      recover_locked(ring, true);
    }
    kick_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
}

// E2: with coalescing by count only, completions short of the count would wait for ever;
// the driver looks for them itself every flush_ns while work is on a ring.
void TceDevice::arm_flush_locked() {
  if (!quirks_.coalesce_timer_broken || config_.coalesce_count <= 1 || flush_timer_ != 0 ||
      config_.irq_mode == IrqMode::kPolling) {
    return;
  }
  flush_timer_ = hal_.start_timer(config_.flush_ns, [this] {
    {
      IrqLockGuard guard(hal_, lock_);
      flush_timer_ = 0;
      // A halt held back by the count is found here too: one whose descriptor got no STATUS
      // write-back (a failed fetch or write-back) shows only in CH_STATUS.
      for (unsigned c = 0; c < info_.channels; ++c) events_ |= err_event(c);
    }
    bottom_half();
    IrqLockGuard guard(hal_, lock_);
    const bool busy = std::any_of(rings_.begin(), rings_.end(), [](const auto& ring) { return !ring->empty(); });
    if (busy && probed_ && !removed_ && !stopping_) arm_flush_locked();
  });
}

// By value: every caller hands over (moves) the list it collected under its lock.
void TceDevice::complete(std::vector<CopyRequest*> done) {  // NOLINT(performance-unnecessary-value-param)
  if (done.empty()) return;
  RequestCore::run_completions(done);
  hal_.wake_all();
}

int TceDevice::suspend() {
  if (!probed_ || removed_) return -ENODEV;
  if (suspended_) return 0;
  {
    IrqLockGuard guard(hal_, lock_);
    suspending_ = true;  // new work stays in the software queue
  }
  auto drained = [this] {
    IrqLockGuard guard(hal_, lock_);
    return std::all_of(rings_.begin(), rings_.end(), [](const auto& ring) { return ring->empty(); });
  };
  auto give_up = [this](const char* why) {
    hal_.log(LogLevel::kWarn, why);
    std::vector<CopyRequest*> done;
    {
      IrqLockGuard guard(hal_, lock_);
      suspending_ = false;
      kick_locked();
      done = core_.take_finished();
    }
    complete(std::move(done));
    return -EBUSY;
  };
  if (hal_.wait_until(drained, config_.pm_timeout_ns) != 0) return give_up("suspend: the rings did not drain");

  // D3 loses the device's context: resume() programs it again, as probe() did.
  hal_.write32(r::PM_CTRL::kOffset, r::put<r::PM_CTRL::STATE>(static_cast<std::uint32_t>(r::PmState::kD3)));
  const std::uint32_t pm = hal_.read32(r::PM_STATUS::kOffset);
  if (r::get<r::PM_STATUS::PM_REFUSED>(pm) != 0 ||
      r::get<r::PM_STATUS::STATE>(pm) != static_cast<std::uint32_t>(r::PmState::kD3)) {
    return give_up("suspend: the device refused D3");
  }
  IrqLockGuard guard(hal_, lock_);
  suspended_ = true;
  suspending_ = false;
  return 0;
}

int TceDevice::resume() {
  if (!probed_ || removed_) return -ENODEV;
  if (!suspended_) return 0;
  hal_.write32(r::PM_CTRL::kOffset, r::put<r::PM_CTRL::STATE>(static_cast<std::uint32_t>(r::PmState::kD0)));
  const int rc = poll_registers(
      [this] {
        const std::uint32_t pm = hal_.read32(r::PM_STATUS::kOffset);
        return r::get<r::PM_STATUS::STATE>(pm) == static_cast<std::uint32_t>(r::PmState::kD0) &&
               r::get<r::PM_STATUS::TRANSITION_BUSY>(pm) == 0;
      },
      config_.pm_timeout_ns);
  if (rc != 0) {
    hal_.log(LogLevel::kError, "resume: the device did not reach D0");
    return rc;
  }
  std::vector<CopyRequest*> done;
  {
    IrqLockGuard guard(hal_, lock_);
    program_locked();
    hal_.write32(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::PM_DONE::kMask);  // the wake-up's own event
    for (const auto& ring : rings_) ring->reset();                        // empty when suspended; HEAD = TAIL = 0 now
    suspended_ = false;
    kick_locked();
    done = core_.take_finished();
  }
  complete(std::move(done));
  return 0;
}

}  // namespace tce
