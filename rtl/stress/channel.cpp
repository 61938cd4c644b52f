#include "channel.hpp"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "crc32c_ref.hpp"
#include "tce_regs.hpp"

namespace tandem::stress {

namespace r = tce::reg;

namespace {

constexpr unsigned kRingSlots = 128;  // the largest ring the stress configures (log2 7)
constexpr std::size_t kDstArena = 1u << 20;
constexpr std::uint32_t kBigLen = 256 * 1024;
constexpr unsigned kDone = 1;  // in Desc::codes: ending DONE is right

std::string hex(std::uint64_t v) {
  std::ostringstream o;
  o << "0x" << std::hex << v;
  return o.str();
}

}  // namespace

Channel::Channel(Stress& s, unsigned index, const Arenas& arenas) : s_(s), c_(index), a_(arenas) {
  for (auto& ring : rings_) ring = s_.memory().alloc(kRingSlots * 32);
  s_.memory_port().error_range(rings_[1], rings_[1] + kRingSlots * 32, true, false);
  s_.memory_port().error_range(rings_[2], rings_[2] + kRingSlots * 32, false, true);
  dst_len_ = kDstArena + 3 * kBigLen;
  dst_ = s_.memory().alloc(dst_len_);
}

bool Channel::owns(std::uint64_t addr) const {
  return std::any_of(std::begin(rings_), std::end(rings_),
                     [&](std::uint64_t ring) { return addr >= ring && addr < ring + kRingSlots * 32; });
}

void Channel::tick() {
  if (s_.failed()) return;
  retire();
  if (busy_ || s_.exclusive()) return;
  if (reset_at_ != ~0ull && s_.now() >= reset_at_ && phase_ == Phase::kRunning && !s_.quiescing()) {
    reset_at_ = ~0ull;
    reset(s_.rng().range(0, 1) == 1, true);
    return;
  }
  switch (phase_) {
    case Phase::kDown:
      if (s_.configured() && !s_.quiescing()) configure();
      break;
    case Phase::kRunning:
      if (s_.now() >= next_poll_ && (err_seen_ || !owned_.empty() || kind_ == Ring::kBadSize)) {
        poll_halt();
      } else if (!s_.quiescing() && s_.now() >= next_post_ && kind_ != Ring::kBadSize) {
        post();
      } else if (s_.rng().range(0, s_.quiescing() ? 2'000 : 15'000) == 0) {
        reset(s_.rng().range(0, 1) == 1, false);  // at a random cycle; sooner when draining
      }
      break;
    default: break;
  }
}

void Channel::configure() {
  const auto roll = s_.rng().range(0, 99);
  kind_ = roll < 85 ? Ring::kGood : roll < 90 ? Ring::kFetchFails : roll < 95 ? Ring::kWritebackFails : Ring::kBadSize;
  ring_ = rings_[kind_ == Ring::kFetchFails ? 1 : kind_ == Ring::kWritebackFails ? 2 : 0];
  log2_ = static_cast<unsigned>(s_.rng().range(1, 7));
  std::uint32_t size = log2_;
  if (kind_ == Ring::kBadSize)
    size = s_.rng().range(0, 1) == 0 ? 0 : static_cast<std::uint32_t>(s_.rng().range(13, 15));
  head_ = tail_ = 0;
  dst_next_ = 0;
  late_fetch_ = 0;
  phase_ = Phase::kConfiguring;
  busy_ = true;
  s_.csr({wr(r::RING_BASE_LO::offset(c_), static_cast<std::uint32_t>(ring_))});
  s_.csr({wr(r::RING_BASE_HI::offset(c_), static_cast<std::uint32_t>(ring_ >> 32))});
  s_.csr({wr(r::RING_SIZE_LOG2::offset(c_), size)});
  s_.csr({wr(r::CH_CTRL::offset(c_), r::CH_CTRL::RUN::kMask, [this](const CsrRequest& q) {
    busy_ = false;
    phase_ = Phase::kRunning;
    run_at_ = q.completed;
    next_poll_ = s_.now() + 200;
  })});
}

Channel::Desc Channel::make_descriptor(unsigned slot) {
  Rng& g = s_.rng();
  Desc d;
  d.slot = slot;
  const auto roll = g.range(0, 99);
  d.len = static_cast<std::uint32_t>(roll < 45   ? g.range(1, 64)
                                     : roll < 75 ? g.range(65, 2048)
                                     : roll < 94 ? g.range(2049, 16384)
                                                 : g.range(16385, kBigLen));
  d.src = a_.src + g.range(0, a_.src_len - d.len);
  d.overlap = g.range(0, 49) == 0;
  if (d.overlap) {
    // Source and destination overlap, either way round: the result inside the destination
    // is undefined, but nothing outside it may be written.
    d.dst = dst_ + dst_next_ + d.len + g.range(0, 7);
    d.src = d.dst + g.range(0, 2 * d.len) - d.len;
    if (d.src == d.dst) ++d.src;
    dst_next_ += 3 * std::size_t{d.len} + 16;
  } else {
    d.dst = dst_ + dst_next_ + g.range(0, 7);
    dst_next_ += d.len + 8 + g.range(0, 24);
  }
  d.ctrl = r::put<r::desc::CTRL::TAG>(static_cast<std::uint32_t>(g.next()));
  if (g.range(0, 1) == 0) d.ctrl |= r::desc::CTRL::IRQ::kMask;
  if (g.range(0, 3) == 0) d.ctrl |= r::desc::CTRL::CHAIN::kMask;
  if (g.range(0, 4) < 2) d.ctrl |= r::desc::CTRL::CRC::kMask;
  if (d.overlap) d.ctrl &= ~(r::desc::CTRL::CRC::kMask | r::desc::CTRL::CHAIN::kMask);  // bytes read are undefined
  unsigned code = 0;
  const auto fault = d.overlap ? 199 : g.range(0, 199);
  if (fault < 4) {  // reserved CTRL bits
    d.ctrl |= r::put<r::desc::CTRL::RESERVED>(static_cast<std::uint32_t>(g.range(1, 0x1FFF)));
    code = 4;
  } else if (fault < 7) {  // bus address bits 63:48 set on either side
    (g.range(0, 1) == 0 ? d.src : d.dst) |= std::uint64_t{1} << g.range(48, 63);
    code = 4;
  } else if (fault < 9) {
    d.len = g.range(0, 1) == 0 ? 0 : static_cast<std::uint32_t>(g.range(r::desc::kMaxLen + 1, 0xFFFFFFFF));
    code = 5;
  } else if (fault < 21) {  // a source read fails
    d.len = std::min<std::uint32_t>(d.len, 4096);
    d.src = a_.src_poison + g.range(0, a_.poison_len - d.len) - g.range(0, d.len - 1);
    code = 2;
  } else if (fault < 33) {  // a destination write fails
    d.len = std::min<std::uint32_t>(d.len, 4096);
    d.dst = a_.dst_poison + g.range(0, a_.poison_len - d.len) - g.range(0, d.len - 1);
    code = 3;
  }
  d.codes = 1u << code;
  if (kind_ == Ring::kFetchFails) d.codes = 1u << 1;
  if (kind_ == Ring::kWritebackFails && code == 0) d.codes = 1u << 7;
  d.reads_src = code == 0 || code == 2 || code == 3;
  d.writes_dst = d.reads_src;
  return d;
}

void Channel::post() {
  const unsigned free_slots = mask() - static_cast<unsigned>(owned_.size());  // full: TAIL + 1 == HEAD
  if (free_slots == 0 || err_seen_) return;
  if (owned_.empty()) dst_next_ = 0;                    // everything retired: the arena is free again
  if (dst_next_ + 3 * kBigLen + 64 > dst_len_) return;  // wait until the arena drains
  const unsigned n = static_cast<unsigned>(s_.rng().range(1, std::min(4u, free_slots)));
  for (unsigned i = 0; i < n && dst_next_ + 3 * kBigLen + 64 <= dst_len_; ++i) {
    Desc d = make_descriptor(tail_);
    std::uint8_t* p = s_.memory().at(slot_addr(tail_), 32);
    std::memcpy(p + r::desc::kSrcOffset, &d.src, 8);
    std::memcpy(p + r::desc::kDstOffset, &d.dst, 8);
    std::memcpy(p + r::desc::kLenOffset, &d.len, 4);
    std::memcpy(p + r::desc::kCtrlOffset, &d.ctrl, 4);
    std::memset(p + r::desc::kStatusOffset, 0, 8);
    owned_.push_back(d);
    tail_ = (tail_ + 1) & mask();
  }
  busy_ = true;
  s_.csr({wr(r::RING_TAIL::offset(c_), tail_, [this](const CsrRequest&) { busy_ = false; })});
  next_post_ = s_.now() + s_.rng().range(0, 800);
}

bool Channel::fetched(std::uint64_t addr, Stress::Current* cur) {
  if (late_fetch_ != 0 && addr == late_fetch_) {
    // Raised before the reset and held until its handshake (AXI): the engine drops it unread.
    late_fetch_ = 0;
    *cur = Stress::Current{};
    cur->channel = this;
    cur->desc = addr;
    cur->no_writeback = true;
    return true;
  }
  auto it = std::find_if(owned_.begin(), owned_.end(), [](const Desc& d) { return !d.fetched; });
  if (it == owned_.end() || slot_addr(it->slot) != addr || err_seen_) {
    s_.fail("fetch_owned", "channel " + std::to_string(c_) + " fetched the descriptor at " + hex(addr) +
                               " which the device does not own next (HEAD model " + std::to_string(head_) + ", TAIL " +
                               std::to_string(tail_) + ")");
    return false;
  }
  it->fetched = true;
  *cur = Stress::Current{};
  cur->channel = this;
  cur->desc = addr;
  cur->src = it->src;
  cur->dst = it->dst;
  cur->len = it->len;
  cur->reads_src = it->reads_src && kind_ != Ring::kFetchFails;
  cur->writes_dst = it->writes_dst && kind_ != Ring::kFetchFails;
  cur->no_writeback = kind_ != Ring::kGood;
  cur->deadline = s_.now() + s_.descriptor_bound(std::min<std::uint32_t>(it->len, r::desc::kMaxLen));
  // Sometimes abort it half way, with bursts in flight and others waiting for READY.
  if (phase_ == Phase::kRunning && reset_at_ == ~0ull && s_.rng().range(0, 7) == 0) {
    reset_at_ = s_.now() + s_.rng().range(0, std::min<std::uint64_t>(it->len / 4 + 50, 3000));
  }
  return true;
}

void Channel::status_written() {
  // Aim at the write-back's B handshake: the write latency after the beat, give or take.
  if (phase_ == Phase::kRunning && !busy_ && s_.rng().range(0, 2) == 0) {
    reset_at_ = s_.now() + s_.write_latency() + s_.rng().range(0, 6) - 3;
  }
}

void Channel::retire() {
  while (!owned_.empty() && !err_seen_) {
    const Desc& d = owned_.front();
    std::uint32_t st = 0, crc = 0;
    std::memcpy(&st, s_.memory().at(slot_addr(d.slot) + r::desc::kStatusOffset, 4), 4);
    if (st == 0) return;
    std::memcpy(&crc, s_.memory().at(slot_addr(d.slot) + r::desc::kCrcOffset, 4), 4);
    const std::string who = "channel " + std::to_string(c_) + " slot " + std::to_string(d.slot) + " (len " +
                            std::to_string(d.len) + ", ctrl " + hex(d.ctrl) + ", status " + hex(st) + ")";
    if (r::get<r::desc::STATUS::TAG>(st) != r::get<r::desc::CTRL::TAG>(d.ctrl)) {
      return s_.fail("descriptor_status", who + ": TAG not echoed");
    }
    const bool done = (st & r::desc::STATUS::DONE::kMask) != 0;
    const unsigned code = r::get<r::desc::STATUS::CODE>(st);
    if (done == ((st & r::desc::STATUS::ERR::kMask) != 0) || (done && code != 0)) {
      return s_.fail("descriptor_status", who + ": not exactly one of DONE and ERR");
    }
    if ((d.codes & (done ? kDone : 1u << code)) == 0) {
      return s_.fail("descriptor_outcome", who + ": the descriptor should have ended with code mask " + hex(d.codes));
    }
    if (!done) {
      err_seen_ = true;
      err_code_ = code;
      err_at_ = s_.now();
      next_poll_ = std::min(next_poll_, s_.now() + 50);
      return;
    }
    const std::uint8_t* src = s_.memory().at(d.src, d.len);
    const std::uint8_t* dst = s_.memory().at(d.dst, d.len);
    if (!d.overlap && std::memcmp(src, dst, d.len) != 0) {
      const auto bad = std::mismatch(src, src + d.len, dst).first - src;
      return s_.fail("descriptor_data", who + ": destination byte " + std::to_string(bad) + " differs from the source");
    }
    std::uint32_t state = chain_ ? crc_ : 0xFFFFFFFF;
    if ((d.ctrl & r::desc::CTRL::CRC::kMask) != 0) {
      state = crc32c(src, d.len, state);
      if (crc != ~state)
        return s_.fail("descriptor_crc", who + ": CRC " + hex(crc) + ", software CRC-32C " + hex(~state));
    }
    crc_ = state;
    chain_ = (d.ctrl & r::desc::CTRL::CHAIN::kMask) != 0;
    head_ = (head_ + 1) & mask();
    ++s_.result().done;
    owned_.pop_front();
  }
}

void Channel::poll_halt() {
  busy_ = true;
  next_poll_ = s_.now() + 300;
  s_.csr({rd(r::CH_STATUS::offset(c_), [this](const CsrRequest& q) {
    busy_ = false;
    const bool halted = r::get<r::CH_STATUS::HALTED>(q.data) != 0;
    const unsigned code = r::get<r::CH_STATUS::ERR_CODE>(q.data);
    const std::string who = "channel " + std::to_string(c_) + " CH_STATUS " + hex(q.data);
    if (!halted) {
      if (code != 0) return s_.fail("channel_status", who + ": an error code without HALTED");
      if (err_seen_ && q.completed > err_at_ + 2000) return s_.fail("channel_halt", who + ": no halt after an ERR");
      // The engine checks the ring when it is idle: after the descriptor it may be busy with.
      if (kind_ == Ring::kBadSize && q.completed > run_at_ + s_.descriptor_bound(kBigLen) + 2000) {
        return s_.fail("channel_halt", who + ": an invalid ring size did not halt the channel");
      }
      return check_ring_head();
    }
    unsigned want = 0;
    if (kind_ == Ring::kBadSize) {
      want = 1u << 6;
    } else if (err_seen_) {
      want = 1u << err_code_;
    } else if (!owned_.empty()) {
      want = owned_.front().codes & ~kDone;
      if (!owned_.front().fetched) want = 0;
    }
    if ((want & (1u << code)) == 0) return s_.fail("channel_halt", who + ": halted with a code nothing explains");
    ++s_.result().failed;
    reset(kind_ == Ring::kGood && s_.rng().range(0, 1) == 1, false);
  })});
}

void Channel::check_ring_head() {
  busy_ = true;
  s_.csr({rd(r::RING_HEAD::offset(c_), [this](const CsrRequest& q) {
    busy_ = false;
    // HEAD moves after the write-back's response, so it may lag the last STATUS seen by
    // one descriptor (one at a time is in the engine); it never passes what the device owns.
    const unsigned ahead = (q.data - head_) & mask(), behind = (head_ - q.data) & mask();
    if (q.data > mask() || (ahead > owned_.size() && behind > 1)) {
      s_.fail("ring_head", "channel " + std::to_string(c_) + " RING_HEAD " + std::to_string(q.data) + ", model " +
                               std::to_string(head_) + " with " + std::to_string(owned_.size()) + " owned");
    }
  })});
}

void Channel::reset(bool keep_run, bool urgent) {
  keep_run = keep_run && kind_ == Ring::kGood;  // a faulty ring is configured afresh
  busy_ = true;
  phase_ = Phase::kResetting;
  ++s_.result().channel_resets;
  const std::uint32_t v = r::CH_CTRL::RESET::kMask | (keep_run ? r::CH_CTRL::RUN::kMask : 0);
  CsrOp op = wr(r::CH_CTRL::offset(c_), v, [this, keep_run](const CsrRequest& q) {
    // RESET_BUSY may last until the descriptor in the engine drains: its deadline.
    const std::uint64_t limit = std::max(q.completed, s_.cur_.deadline) + 2000;
    s_.last_reset_ = q.completed;
    // The device owns nothing more of this ring; a descriptor in flight may still finish.
    forget_ring();
    err_seen_ = false;
    chain_ = false;
    crc_ = 0xFFFFFFFF;
    head_ = tail_ = 0;
    if (s_.cur_.channel == this) s_.cur_.no_writeback = true;
    poll_reset(q.completed, limit, keep_run);
  });
  if (urgent) {
    s_.csr_first({std::move(op)});
  } else {
    s_.csr({std::move(op)});
  }
}

void Channel::poll_reset(std::uint64_t since, std::uint64_t limit, bool keep_run) {
  s_.csr({rd(r::STATUS::kOffset, [this, since, limit, keep_run](const CsrRequest& q) {
    if (r::get<r::STATUS::RESET_BUSY>(q.data) != 0) {
      // A later reset of another channel may hold it for that channel's descriptor instead.
      const std::uint64_t bound = s_.last_reset_ > since ? since + s_.descriptor_bound(kBigLen) + 1000 : limit;
      if (q.completed > bound) {
        return s_.fail("reset_busy", "channel " + std::to_string(c_) + ": STATUS.RESET_BUSY still set " +
                                         std::to_string(q.completed - since) + " cycles after CH_CTRL.RESET");
      }
      return poll_reset(since, limit, keep_run);
    }
    s_.csr({rd(r::RING_HEAD::offset(c_), [this](const CsrRequest& h) {
      if (h.data != 0)
        s_.fail("reset_head",
                "channel " + std::to_string(c_) + ": RING_HEAD " + std::to_string(h.data) + " after CH_CTRL.RESET");
    })});
    s_.csr({rd(r::RING_TAIL::offset(c_))});  // the CSR model expects 0
    s_.csr({rd(r::CH_STATUS::offset(c_), [this, keep_run](const CsrRequest& st) {
      busy_ = false;
      if ((st.data & (r::CH_STATUS::HALTED::kMask | r::CH_STATUS::ERR_CODE::kMask)) != 0) {
        return s_.fail("reset_status",
                       "channel " + std::to_string(c_) + ": CH_STATUS " + hex(st.data) + " after CH_CTRL.RESET");
      }
      late_fetch_ = 0;  // RESET_BUSY cleared: whatever the engine held has drained
      phase_ = keep_run ? Phase::kRunning : Phase::kDown;
      next_post_ = s_.now();
      next_poll_ = s_.now() + 300;
    })});
  })});
}

// A fetch already raised may still complete after a reset; nothing else of the ring may be read.
void Channel::forget_ring() {
  auto it = std::find_if(owned_.begin(), owned_.end(), [](const Desc& d) { return !d.fetched; });
  late_fetch_ = it != owned_.end() ? slot_addr(it->slot) : 0;
  owned_.clear();
}

void Channel::lose_all() {
  forget_ring();
  err_seen_ = chain_ = busy_ = false;
  crc_ = 0xFFFFFFFF;
  head_ = tail_ = 0;
  phase_ = Phase::kDown;
  reset_at_ = ~0ull;
  if (s_.cur_.channel == this) s_.cur_.no_writeback = true;
}

}  // namespace tandem::stress
