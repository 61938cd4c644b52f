// libFuzzer target: the driver's request API over the strict mock HAL. The input picks the
// configuration, the device's answers, and a sequence of submit / cancel / wait / suspend /
// resume / remove calls with any arguments, interleaved with device events, interrupts,
// time passing and surprise removal. Every call must answer a documented code or a correct
// result; an accepted request's descriptors must add up to its length within the spec's
// limits; every accepted request completes exactly once, with no lock held; and after
// remove() the driver holds nothing. A broken rule aborts with its reason.
#include <fuzzer/FuzzedDataProvider.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <vector>

#include "device_answers_hal.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace {

namespace r = tce::reg;
using tce::CopyRequest;
using tce::RequestState;

constexpr unsigned kRequests = 4;
constexpr unsigned kMaxOps = 48;
constexpr std::size_t kArena = 64 * 1024;
constexpr std::size_t kBigArena = r::desc::kMaxLen + 4096;  // for segments over the device's limit

[[noreturn]] void broken(const char* rule, int value) {
  std::fprintf(stderr, "driver fuzz: %s (%d)\n", rule, value);
  std::abort();
}

void expect(bool ok, const char* rule, int value = 0) {
  if (!ok) broken(rule, value);
}

bool one_of(int rc, std::initializer_list<int> codes) {
  for (int c : codes) {
    if (rc == c) return true;
  }
  return false;
}

tce::DeviceConfig decode_config(FuzzedDataProvider& in) {
  tce::DeviceConfig c;
  c.ring_log2 = in.ConsumeIntegralInRange<unsigned>(0, 13);
  c.max_channels = in.ConsumeIntegralInRange<unsigned>(0, 5);
  c.irq_mode = static_cast<tce::IrqMode>(in.ConsumeIntegralInRange<int>(0, 2));
  c.read_to_clear = in.ConsumeBool();
  c.coalesce_count = in.ConsumeIntegralInRange<unsigned>(0, 3);
  c.coalesce_timer_cycles = in.ConsumeBool() ? 100 : 0;
  c.flush_ns = in.ConsumeIntegralInRange<std::uint64_t>(0, 50'000);
  c.watchdog_ns = in.ConsumeIntegralInRange<std::uint64_t>(0, 2'000'000);
  c.max_retries = in.ConsumeIntegralInRange<unsigned>(0, 3);
  c.poll_interval_ns = in.ConsumeIntegralInRange<std::uint64_t>(0, 2'000);
  c.pm_timeout_ns = in.ConsumeIntegralInRange<std::uint64_t>(0, 300'000);
  return c;
}

// One side's segment list: inside the arenas, past their end, null, or anywhere at all.
std::vector<tce::Segment> decode_segments(FuzzedDataProvider& in, unsigned char* arena, unsigned char* big) {
  std::vector<tce::Segment> segs(in.ConsumeIntegralInRange<std::size_t>(0, 5));
  for (tce::Segment& s : segs) {
    switch (in.ConsumeIntegralInRange<int>(0, 4)) {
      case 0:
      case 1: {
        const auto off = in.ConsumeIntegralInRange<std::size_t>(0, kArena);
        s = {arena + off, in.ConsumeIntegralInRange<std::size_t>(0, kArena - off + 8)};
        break;
      }
      case 2:
        if (big != nullptr) {
          s = {big + in.ConsumeIntegralInRange<std::size_t>(0, 64),
               in.ConsumeIntegralInRange<std::size_t>(r::desc::kMaxLen - 8, kBigArena - 64)};
        }
        break;
      case 3: s = {nullptr, in.ConsumeIntegral<std::size_t>()}; break;
      default:  // never dereferenced: only the device would, and the mock maps none of it
        // NOLINTNEXTLINE(performance-no-int-to-ptr): any address at all, on purpose
        s = {reinterpret_cast<void*>(in.ConsumeIntegral<std::uintptr_t>()), in.ConsumeIntegral<std::size_t>()};
    }
  }
  return segs;
}

std::size_t total(const std::vector<tce::Segment>& segs) {
  std::size_t sum = 0;
  for (const tce::Segment& s : segs) sum += s.len;
  return sum;
}

struct Tracked {
  CopyRequest req;
  unsigned accepted = 0;   // submits that returned 0
  unsigned completed = 0;  // callbacks run
};

class Session {
 public:
  Session(FuzzedDataProvider& in, tce::fuzz::DeviceAnswersHal& hal, const tce::DeviceConfig& config)
      : in_(in), hal_(hal), config_(config), driver_(hal, config) {
    arena_ = hal.alloc_buffer(kArena);
    if (in.ConsumeBool()) big_ = hal.alloc_buffer(kBigArena);
    for (Tracked& t : tracked_) {
      t.req.on_complete = [this, &t](CopyRequest& req) {
        expect(!hal_.lock_held(), "a completion callback ran with a lock held");
        expect(req.finished(), "a completion callback ran for an unfinished request");
        ++t.completed;
        expect(t.completed <= t.accepted, "a request completed more often than it was accepted", int(t.completed));
      };
    }
  }

  void run() {
    if (in_.ConsumeIntegralInRange<int>(0, 15) == 15) hal_.wedge();  // rare, and never on an empty input
    const int rc = driver_.probe();
    expect(one_of(rc, {0, -EINVAL, -ENODEV, -ETIMEDOUT, -ENOMEM, -EBUSY}), "probe answered an undocumented code", rc);
    if (rc != 0) {
      expect(hal_.leaks() == 0, "a failed probe left resources held", hal_.leaks());
      return;
    }
    for (unsigned i = 0; i < kMaxOps && in_.remaining_bytes() > 0; ++i) step();
    driver_.remove();
    hal_.run_work();
    finish();
  }

 private:
  void step() {
    Tracked& t = tracked_[in_.ConsumeIntegralInRange<unsigned>(0, kRequests - 1)];
    switch (in_.ConsumeIntegralInRange<int>(0, 9)) {
      case 0:
      case 1: submit(t); break;
      case 2: {
        const int rc = driver_.cancel(t.req);
        expect(one_of(rc, {0, -EBUSY, -EINVAL}), "cancel answered an undocumented code", rc);
        if (rc == 0) expect(t.req.state() == RequestState::kCancelled && t.req.status == -ECANCELED, "cancel said 0");
        break;
      }
      case 3: {
        const int rc = driver_.wait(t.req, in_.ConsumeIntegralInRange<std::uint64_t>(0, 200'000));
        expect(one_of(rc, {0, -ETIMEDOUT}), "wait answered an undocumented code", rc);
        if (rc == 0) expect(t.req.finished(), "wait returned 0 for an unfinished request");
        break;
      }
      case 4: {
        const int rc = driver_.suspend();
        expect(one_of(rc, {0, -EBUSY, -ENODEV}), "suspend answered an undocumented code", rc);
        break;
      }
      case 5: {
        const int rc = driver_.resume();
        expect(one_of(rc, {0, -ETIMEDOUT, -ENODEV}), "resume answered an undocumented code", rc);
        break;
      }
      case 6: device_event(); break;
      case 7: hal_.advance_time(in_.ConsumeIntegralInRange<std::uint64_t>(0, 3'000'000)); break;
      case 8: {
        const int fate = in_.ConsumeIntegralInRange<int>(0, 7);
        if (fate == 6) hal_.unplug();
        if (fate == 7) hal_.wedge();
        break;
      }
      default:
        if (in_.ConsumeIntegralInRange<int>(0, 3) == 0) driver_.remove();
    }
    hal_.run_work();
    check_results();
  }

  void submit(Tracked& t) {
    const bool in_flight = t.req.state() == RequestState::kQueued || t.req.state() == RequestState::kIssued;
    if (!in_flight) {  // the caller owns the lists only while the request is not in flight
      t.req.src = decode_segments(in_, arena_, big_);
      t.req.dst = decode_segments(in_, arena_, big_);
      t.req.crc = in_.ConsumeBool();
    }
    const int mappings = hal_.live_mappings();
    const int rc = driver_.submit(t.req, in_.ConsumeBool() ? tce::kSubmitNoWait : 0);
    expect(one_of(rc, {0, -EINVAL, -EFAULT, -EOPNOTSUPP, -EBUSY, -ENODEV}), "submit answered an undocumented code", rc);
    if (rc != 0) {
      expect(hal_.live_mappings() == mappings, "a refused submit kept mappings", hal_.live_mappings() - mappings);
      if (in_flight) expect(rc == -EBUSY, "a submit of a request in flight did not answer -EBUSY", rc);
      return;
    }
    ++t.accepted;
    check_pieces(t.req);
  }

  // Accepted: both lists have the same length, and the descriptors cover it exactly, each
  // 1 .. 16 MiB long, no more of them than a ring holds.
  void check_pieces(const CopyRequest& req) {
    const std::size_t length = total(req.src);
    expect(length != 0 && length == total(req.dst), "an accepted request's lists differ in length");
    std::size_t sum = 0;
    for (const CopyRequest::Piece& p : req.pieces_) {
      expect(p.len >= 1 && p.len <= r::desc::kMaxLen, "a descriptor length outside 1 .. 16 MiB", int(p.len));
      sum += p.len;
    }
    expect(sum == length, "an accepted request's descriptors do not add up to its length");
    expect(req.pieces_.size() < (std::size_t{1} << config_.ring_log2), "more descriptors than a ring holds");
  }

  // The device finishes (or fails, or scribbles over) a descriptor of a channel's ring,
  // raises events, and the interrupt is delivered.
  void device_event() {
    const auto c = in_.ConsumeIntegralInRange<unsigned>(0, 3);
    unsigned char* ring = hal_.ring(c);
    const unsigned slots = hal_.ring_slots(c);
    if (ring != nullptr && slots != 0) {
      unsigned char* d = ring + std::size_t{in_.ConsumeIntegralInRange<unsigned>(0, slots - 1)} * r::desc::kBytes;
      std::uint32_t ctrl = 0;
      for (unsigned b = 0; b < 4; ++b) ctrl |= std::uint32_t{d[r::desc::kCtrlOffset + b]} << (8 * b);
      const std::uint32_t done = r::put<r::desc::STATUS::DONE>(1) | (ctrl & 0xFFFF0000u);  // its tag echoed
      const std::uint32_t status = in_.ConsumeBool() ? done : in_.ConsumeIntegral<std::uint32_t>();
      for (unsigned b = 0; b < 4; ++b) d[r::desc::kStatusOffset + b] = static_cast<unsigned char>(status >> (8 * b));
    }
    hal_.raise(in_.ConsumeIntegral<std::uint16_t>() & 0x1FF, c, in_.ConsumeIntegral<std::uint32_t>());
    if (config_.irq_mode != tce::IrqMode::kPolling && driver_.probed() && hal_.live_irqs() > 0) {
      (void)hal_.fire_irq(in_.ConsumeIntegralInRange<unsigned>(0, static_cast<unsigned>(hal_.live_irqs()) - 1));
    }
  }

  void check_results() {
    for (const Tracked& t : tracked_) {
      const RequestState s = t.req.state();
      if (s == RequestState::kCompleted) expect(t.req.status == 0, "completed with a status", t.req.status);
      if (s == RequestState::kFailed) {
        expect(one_of(t.req.status, {-EIO, -ETIMEDOUT, -ENODEV}), "failed with an undocumented status", t.req.status);
      }
    }
  }

  void finish() {
    for (const Tracked& t : tracked_) {
      expect(t.accepted == 0 || t.req.finished(), "a request still unfinished after remove()");
      expect(t.completed == t.accepted, "an accepted request did not complete exactly once", int(t.completed));
    }
    expect(hal_.leaks() == 0, "remove() left resources held", hal_.leaks());
    for (const std::string& p : hal_.problems()) broken(p.c_str(), 0);
  }

  FuzzedDataProvider& in_;
  tce::fuzz::DeviceAnswersHal& hal_;
  tce::DeviceConfig config_;
  unsigned char* arena_ = nullptr;
  unsigned char* big_ = nullptr;
  Tracked tracked_[kRequests];
  tce::TceDevice driver_;  // last: destroyed (and removed) before the requests it may hold
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const tce::DeviceConfig config = decode_config(in);
  const auto revision = in.ConsumeIntegralInRange<unsigned>(1, 3);
  const auto caps = in.ConsumeIntegral<std::uint32_t>();
  tce::fuzz::DeviceAnswersHal hal(in, revision, caps);
  Session session(in, hal, config);
  session.run();
  return 0;
}
