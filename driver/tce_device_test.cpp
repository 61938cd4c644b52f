// The driver core against the strict mock HAL: every register access is scripted in
// order, and an access nobody scripted fails the test.
#include "tce_device.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>

#include "tce_regs.hpp"
#include "testing/mock_hal.hpp"

namespace r = tce::reg;
using tce::CopyRequest;
using tce::DeviceConfig;
using tce::IrqMode;
using tce::IrqReturn;
using tce::RequestState;
using tce::TceDevice;
using tce::testing::MockHal;

namespace {

constexpr std::uint32_t kId = (std::uint32_t{r::kVendorId} << 16) | r::kDeviceId;
constexpr std::uint64_t kFirstRing = 0x1000'0000;  // MockHal's first coherent bus address

constexpr std::uint32_t done_ev(unsigned c) {
  return r::IRQ_STATUS::CH_DONE::mask(c);
}
constexpr std::uint32_t err_ev(unsigned c) {
  return r::IRQ_STATUS::CH_ERR::mask(c);
}

struct Device {
  unsigned revision = 2;
  unsigned caps_channels = 1;
  unsigned real_channels = 1;  // differs from caps_channels only on revision 1 (E1)
  unsigned vectors = 1;
  bool crc = true;
};

std::uint32_t le32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
std::uint64_t le64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
void put32(unsigned char* p, std::uint32_t v) {
  std::memcpy(p, &v, 4);
}

// A test bench around the driver: the mock, the device it pretends to be, and scripts for
// the register sequences that recur.
struct Rig {
  explicit Rig(const DeviceConfig& cfg = {}, const Device& dev = {}) : config(cfg), device(dev), driver(hal, cfg) {}

  std::uint64_t ring_bus(unsigned c) const {
    const std::uint64_t bytes = (std::uint64_t{1} << config.ring_log2) * r::desc::kBytes;
    return kFirstRing + c * ((bytes + 0xFFF) & ~std::uint64_t{0xFFF});
  }
  unsigned channels() const { return device.revision == 1 ? device.real_channels : device.caps_channels; }
  unsigned vectors() const { return config.irq_mode == IrqMode::kPolling ? 0 : std::min(device.vectors, channels()); }

  void expect_identify() {
    hal.expect_read(r::ID::kOffset, kId);
    hal.expect_read(r::VERSION::kOffset, device.revision);
    hal.expect_read(r::CAPS::kOffset,
                    (r::CAPS::kReset & ~r::CAPS::CRC32C::kMask) | r::put<r::CAPS::CRC32C>(device.crc) |
                        r::put<r::CAPS::CHANNELS>(device.caps_channels) | r::put<r::CAPS::VECTORS>(device.vectors));
    hal.expect_write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
    hal.expect_read(r::STATUS::kOffset, r::STATUS::IDLE::kMask);
    if (device.revision == 1) {
      for (unsigned c = 0; c <= device.real_channels && c < device.caps_channels; ++c) {
        hal.expect_write(r::RING_SIZE_LOG2::offset(c), 1);
        hal.expect_read(r::RING_SIZE_LOG2::offset(c), c < device.real_channels ? 1 : 0);
        hal.expect_write(r::RING_SIZE_LOG2::offset(c), 0);
      }
    }
  }
  void expect_program() {
    for (unsigned c = 0; c < channels(); ++c) {
      hal.expect_write(r::RING_BASE_LO::offset(c), static_cast<std::uint32_t>(ring_bus(c)));
      hal.expect_write(r::RING_BASE_HI::offset(c), static_cast<std::uint32_t>(ring_bus(c) >> 32));
      hal.expect_write(r::RING_SIZE_LOG2::offset(c), config.ring_log2);
    }
    if (config.irq_mode != IrqMode::kPolling) {
      const unsigned v = vectors();
      if (v > 1) {
        std::uint32_t map = 0;
        for (unsigned c = 0; c < channels(); ++c) {
          map |= r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_DONE::lsb(c), c % v) |
                 r::IRQ_VEC_MAP::VEC::put(r::IRQ_STATUS::CH_ERR::lsb(c), c % v);
        }
        hal.expect_write(r::IRQ_VEC_MAP::kOffset, map);
      }
      if (config.irq_mode == IrqMode::kPulse) hal.expect_write(r::IRQ_MODE::kOffset, (1u << v) - 1);
      if (config.coalesce_count > 1 || config.coalesce_timer_cycles != 0) {
        const std::uint32_t timer = device.revision == 1 ? 0 : config.coalesce_timer_cycles;
        for (unsigned i = 0; i < v; ++i) {
          hal.expect_write(r::IRQ_COALESCE::offset(i), config.coalesce_count | timer << 16);
        }
      }
      std::uint32_t events = 0;
      for (unsigned c = 0; c < channels(); ++c) events |= done_ev(c) | err_ev(c);
      hal.expect_write(r::IRQ_ENABLE::kOffset, events);
    }
    hal.expect_write(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask);
    for (unsigned c = 0; c < channels(); ++c) hal.expect_write(r::CH_CTRL::offset(c), r::CH_CTRL::RUN::kMask);
  }
  void probe() {
    expect_identify();
    expect_program();
    REQUIRE(driver.probe() == 0);
  }
  // remove(): the channels stop; STATUS reads busy `busy_reads` times, then idle (unless
  // `goes_idle` is false); only then do interrupts and bus mastering go. `check` runs at
  // each STATUS read, while the device could still reach memory.
  void expect_remove(unsigned busy_reads = 0, bool goes_idle = true, const std::function<void()>& check = {}) {
    for (unsigned c = 0; c < channels(); ++c) hal.expect_write(r::CH_CTRL::offset(c), r::CH_CTRL::RESET::kMask);
    for (unsigned i = 0; i < busy_reads; ++i) hal.expect_read(r::STATUS::kOffset, r::STATUS::RESET_BUSY::kMask, check);
    if (goes_idle) hal.expect_read(r::STATUS::kOffset, r::STATUS::IDLE::kMask, check);
    hal.expect_write(r::IRQ_ENABLE::kOffset, 0);
    hal.expect_write(r::CTRL::kOffset, 0);
  }
  // Removes the device and checks that nothing is left over and nothing went unexpected.
  void finish() {
    if (driver.probed() && !driver.removed() && !driver.suspended()) expect_remove();
    driver.remove();
    CHECK(hal.leaks() == 0);
    for (const std::string& p : hal.problems()) FAIL_CHECK(p);
  }

  // A request of one `len`-byte segment on each side, owned by the rig.
  CopyRequest& copy(std::size_t len) {
    CopyRequest& req = requests.emplace_back();
    req.src = {{hal.alloc_buffer(len), len}};
    req.dst = {{hal.alloc_buffer(len), len}};
    return req;
  }

  // Descriptor `slot` of channel c's ring, as the device sees it.
  unsigned char* desc(unsigned c, unsigned slot) {
    // cppcheck-suppress CastIntegerToAddressAtReturn ; a pointer (cpu_of) plus an offset
    return hal.cpu_of(ring_bus(c)) + std::size_t{slot} * r::desc::kBytes;
  }
  std::uint32_t ctrl(unsigned c, unsigned slot) { return le32(desc(c, slot) + r::desc::kCtrlOffset); }
  // What the device writes back when it finished a descriptor.
  void device_done(unsigned c, unsigned slot, std::uint32_t crc = 0) {
    put32(desc(c, slot) + r::desc::kStatusOffset,
          r::desc::STATUS::DONE::kMask | r::put<r::desc::STATUS::TAG>(r::get<r::desc::CTRL::TAG>(ctrl(c, slot))));
    put32(desc(c, slot) + r::desc::kCrcOffset, crc);
  }
  void device_error(unsigned c, unsigned slot, unsigned code) {
    put32(desc(c, slot) + r::desc::kStatusOffset,
          r::desc::STATUS::ERR::kMask | r::put<r::desc::STATUS::CODE>(code) |
              r::put<r::desc::STATUS::TAG>(r::get<r::desc::CTRL::TAG>(ctrl(c, slot))));
  }
  // An interrupt on vector v with `pending` events, through top and bottom half.
  void interrupt(unsigned v, std::uint32_t pending, std::uint32_t ack) {
    hal.expect_read(r::IRQ_PENDING::kOffset, pending);
    hal.expect_write(r::IRQ_STATUS::kOffset, ack);
    CHECK(hal.fire_irq(v) == IrqReturn::kHandled);
    hal.run_work();
  }

  DeviceConfig config;
  Device device;
  MockHal hal;
  std::deque<CopyRequest> requests;  // declared before the driver: outlives it
  TceDevice driver;
};

DeviceConfig with_ring(unsigned log2) {
  DeviceConfig c;
  c.ring_log2 = log2;
  return c;
}

}  // namespace

// ---- probe and remove

TEST_CASE("probe identifies, resets, sets up a ring per channel and starts the channels") {
  Rig rig(with_ring(3));
  rig.probe();
  CHECK(rig.driver.info().revision == 2);
  CHECK(rig.driver.info().channels == 1);
  CHECK(rig.hal.live_dma() == 1);
  CHECK(rig.hal.live_irqs() == 1);
  CHECK(rig.hal.trigger_of(0) == tce::Trigger::kLevelHigh);
  rig.finish();
}

TEST_CASE("probe of a 2-channel, 2-vector device routes each channel to its own vector") {
  Device dev;
  dev.caps_channels = dev.real_channels = 2;
  dev.vectors = 2;
  Rig rig({}, dev);
  rig.probe();
  CHECK(rig.driver.info().channels == 2);
  CHECK(rig.hal.live_dma() == 2);
  CHECK(rig.hal.live_irqs() == 2);
  rig.finish();
}

TEST_CASE("probe refuses what is not a TCE, or a removed device, touching nothing else") {
  Rig rig;
  SUBCASE("another device") {
    rig.hal.expect_read(r::ID::kOffset, 0x12345678);
    rig.hal.expect_read(r::VERSION::kOffset, 2);
  }
  SUBCASE("all ones") {
    rig.hal.expect_read(r::ID::kOffset, 0xFFFFFFFF);
  }
  CHECK(rig.driver.probe() == -ENODEV);
  rig.finish();
}

TEST_CASE("probe rejects a bad configuration before touching the device") {
  DeviceConfig cfg;
  SUBCASE("ring too large") {
    cfg.ring_log2 = 13;
  }
  SUBCASE("ring too small") {
    cfg.ring_log2 = 0;
  }
  SUBCASE("no channel allowed") {
    cfg.max_channels = 0;
  }
  // Zero periods let time stand still: a poll of a busy device, or the E2 flush timer
  // re-arming itself, would loop for ever at one instant (found by fuzz/driver_request).
  SUBCASE("a zero poll interval") {
    cfg.poll_interval_ns = 0;
  }
  SUBCASE("a zero flush period") {
    cfg.flush_ns = 0;
  }
  Rig rig(cfg);
  CHECK(rig.driver.probe() == -EINVAL);
  rig.finish();
}

TEST_CASE("a polling wait ends at its timeout even with a zero poll interval (the device never probed)") {
  DeviceConfig cfg;
  cfg.irq_mode = IrqMode::kPolling;
  cfg.poll_interval_ns = 0;
  Rig rig(cfg);
  CopyRequest req;
  CHECK(rig.driver.wait(req, 10'000) == -ETIMEDOUT);
  rig.finish();
}

TEST_CASE("probe unwinds completely when any step fails") {
  Device dev;
  dev.caps_channels = dev.real_channels = 2;
  dev.vectors = 2;
  SUBCASE("soft reset never finishes") {
    Rig rig({}, dev);
    rig.hal.expect_read(r::ID::kOffset, kId);
    rig.hal.expect_read(r::VERSION::kOffset, 2);
    rig.hal.expect_read(r::CAPS::kOffset, r::CAPS::kReset | 0x22);
    rig.hal.expect_write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
    for (int i = 0; i <= 10; ++i) rig.hal.expect_read(r::STATUS::kOffset, r::STATUS::RESET_BUSY::kMask);
    CHECK(rig.driver.probe() == -ETIMEDOUT);
    rig.finish();
  }
  SUBCASE("the first ring cannot be allocated") {
    Rig rig({}, dev);
    rig.hal.dma_alloc_rc = -ENOMEM;
    rig.expect_identify();
    CHECK(rig.driver.probe() == -ENOMEM);
    rig.finish();
  }
  SUBCASE("the second ring cannot be allocated: the first is freed") {
    Rig rig({}, dev);
    rig.hal.dma_alloc_rc = -ENOMEM;
    rig.hal.dma_alloc_fails_after = 1;
    rig.expect_identify();
    CHECK(rig.driver.probe() == -ENOMEM);
    rig.finish();
  }
  SUBCASE("the second vector cannot be requested: the first vector and both rings are freed") {
    Rig rig({}, dev);
    rig.hal.request_irq_rc = -EBUSY;
    rig.hal.request_irq_fails_from = 1;
    rig.expect_identify();
    CHECK(rig.driver.probe() == -EBUSY);
    rig.finish();
  }
}

TEST_CASE("quirk E1: on revision 1 the driver counts channels itself instead of trusting CAPS") {
  Device dev;
  dev.revision = 1;
  dev.caps_channels = 4;  // what revision 1 always says
  dev.real_channels = 2;
  dev.vectors = 1;
  Rig rig({}, dev);
  rig.probe();
  CHECK(rig.driver.info().channels == 2);
  CHECK(rig.driver.quirks().caps_channels_unreliable);
  CHECK(rig.hal.live_dma() == 2);
  rig.finish();
}

TEST_CASE("coalescing: revision 2 gets count and timer, revision 1 (E2) count only plus the driver's flush") {
  DeviceConfig cfg;
  cfg.coalesce_count = 4;
  cfg.coalesce_timer_cycles = 500;
  cfg.flush_ns = 5'000;
  SUBCASE("revision 2") {
    Rig rig(cfg);
    rig.probe();
    CHECK_FALSE(rig.driver.quirks().coalesce_timer_broken);
    rig.finish();
  }
  SUBCASE("revision 1: a completion short of the count is found by the flush, with no interrupt") {
    Device dev;
    dev.revision = 1;
    dev.caps_channels = 4;
    dev.real_channels = 1;
    Rig rig(cfg, dev);
    rig.probe();
    CopyRequest& req = rig.copy(64);
    rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
    REQUIRE(rig.driver.submit(req) == 0);
    rig.device_done(0, 0);
    rig.hal.advance_time(4'000);
    CHECK_FALSE(req.finished());
    rig.hal.advance_time(2'000);
    CHECK(req.state() == RequestState::kCompleted);
    rig.finish();
  }
}

// ---- requests

TEST_CASE("submit checks its arguments before any register access and maps nothing it refuses") {
  Rig rig;
  CopyRequest& req = rig.copy(64);
  CHECK(rig.driver.submit(req) == -EINVAL);  // not probed
  rig.probe();
  int stack_buffer[16];
  SUBCASE("empty source") {
    req.src.clear();
  }
  SUBCASE("zero-length segment") {
    req.dst[0].len = 0;
  }
  SUBCASE("lengths differ") {
    req.dst[0].len = 63;
  }
  SUBCASE("more descriptors than a ring holds") {
    req.src.assign(64, tce::Segment{req.src[0].cpu, 1});
    req.dst.assign(64, tce::Segment{req.dst[0].cpu, 1});
  }
  SUBCASE("memory the device cannot reach") {
    req.dst = {{stack_buffer, 64}};
    CHECK(rig.driver.submit(req) == -EFAULT);
    req.src.clear();  // the generic check below then sees -EINVAL
  }
  CHECK(rig.driver.submit(req) == -EINVAL);
  CHECK(req.state() == RequestState::kIdle);
  CHECK(rig.hal.live_mappings() == 0);
  rig.finish();
}

TEST_CASE("CRC on a device without CRC-32C is refused") {
  Device dev;
  dev.crc = false;
  Rig rig({}, dev);
  rig.probe();
  CopyRequest& req = rig.copy(8);
  req.crc = true;
  CHECK(rig.driver.submit(req) == -EOPNOTSUPP);
  CHECK(rig.hal.live_mappings() == 0);
  rig.finish();
}

TEST_CASE("scatter-gather lists become descriptors contiguous on both sides, chained, one interrupt at the end") {
  Rig rig;
  rig.probe();
  unsigned char* a = rig.hal.alloc_buffer(150);
  unsigned char* b = rig.hal.alloc_buffer(150);
  CopyRequest req;
  req.src = {{a, 100}, {a + 100, 50}};
  req.dst = {{b, 30}, {b + 30, 120}};
  rig.hal.expect_write(r::RING_TAIL::offset(0), 3);
  REQUIRE(rig.driver.submit(req) == 0);
  CHECK(req.state() == RequestState::kIssued);
  CHECK(rig.hal.barriers() == 1);  // one write barrier, before the doorbell
  const std::uint32_t lens[] = {30, 70, 50};
  const std::uint64_t src_off[] = {0, 30, 100}, dst_off[] = {0, 30, 100};
  std::uint64_t src_bus = 0, dst_bus = 0;
  for (unsigned i = 0; i < 3; ++i) {
    const unsigned char* d = rig.desc(0, i);
    if (i == 0) {
      src_bus = le64(d + r::desc::kSrcOffset);
      dst_bus = le64(d + r::desc::kDstOffset);
    }
    CAPTURE(i);
    CHECK(le64(d + r::desc::kSrcOffset) == src_bus + src_off[i]);
    CHECK(le64(d + r::desc::kDstOffset) == dst_bus + dst_off[i]);
    CHECK(le32(d + r::desc::kLenOffset) == lens[i]);
    const std::uint32_t ctrl = le32(d + r::desc::kCtrlOffset);
    CHECK(r::get<r::desc::CTRL::CHAIN>(ctrl) == (i < 2 ? 1u : 0u));
    CHECK(r::get<r::desc::CTRL::IRQ>(ctrl) == (i == 2 ? 1u : 0u));
    CHECK(r::get<r::desc::CTRL::RESERVED>(ctrl) == 0);
  }
  for (unsigned i = 0; i < 3; ++i) rig.device_done(0, i);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(req.state() == RequestState::kCompleted);
  CHECK(rig.hal.live_mappings() == 0);  // unmapped on completion
  rig.finish();
}

TEST_CASE("a segment longer than the device's limit is split at 16 MiB") {
  Rig rig;
  rig.probe();
  const std::size_t len = r::desc::kMaxLen + 10;
  CopyRequest& req = rig.copy(len);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 2);
  REQUIRE(rig.driver.submit(req) == 0);
  CHECK(le32(rig.desc(0, 0) + r::desc::kLenOffset) == r::desc::kMaxLen);
  CHECK(le32(rig.desc(0, 1) + r::desc::kLenOffset) == 10);
  CHECK(le64(rig.desc(0, 1) + r::desc::kSrcOffset) == le64(rig.desc(0, 0) + r::desc::kSrcOffset) + r::desc::kMaxLen);
  rig.device_done(0, 0);
  rig.device_done(0, 1);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(req.state() == RequestState::kCompleted);
  rig.finish();
}

TEST_CASE("a full ring queues the request, or answers -EBUSY when asked not to, and queued work goes out in order") {
  Rig rig(with_ring(1));  // 2 slots: one descriptor in flight at a time
  rig.probe();
  CopyRequest &a = rig.copy(8), &b = rig.copy(8), &c = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(a) == 0);
  CHECK(rig.driver.submit(b, tce::kSubmitNoWait) == -EBUSY);
  CHECK(b.state() == RequestState::kIdle);
  CHECK(rig.hal.live_mappings() == 2);  // only a's
  REQUIRE(rig.driver.submit(b) == 0);
  REQUIRE(rig.driver.submit(c) == 0);
  CHECK(b.state() == RequestState::kQueued);
  CHECK(rig.driver.submit(b) == -EBUSY);  // already in flight
  rig.device_done(0, 0);
  rig.hal.expect_read(r::IRQ_PENDING::kOffset, done_ev(0));
  rig.hal.expect_write(r::IRQ_STATUS::kOffset, done_ev(0));
  rig.hal.expect_write(r::RING_TAIL::offset(0), 0);  // b goes into slot 1; the tail wraps
  rig.hal.fire_irq(0);
  rig.hal.run_work();
  CHECK(a.state() == RequestState::kCompleted);
  CHECK(b.state() == RequestState::kIssued);
  CHECK(c.state() == RequestState::kQueued);
  rig.finish();
  CHECK(b.status == -ENODEV);  // remove fails what is unfinished
  CHECK(c.status == -ENODEV);
}

TEST_CASE("cancel takes back a queued request, not one on the ring") {
  Rig rig(with_ring(1));
  rig.probe();
  CopyRequest &a = rig.copy(8), &b = rig.copy(8);
  int cancelled = 0;
  b.on_complete = [&](CopyRequest& r) { cancelled += r.status == -ECANCELED; };
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(a) == 0);
  REQUIRE(rig.driver.submit(b) == 0);
  CHECK(rig.driver.cancel(a) == -EBUSY);
  CHECK(rig.driver.cancel(b) == 0);
  CHECK(b.state() == RequestState::kCancelled);
  CHECK(cancelled == 1);
  CHECK(rig.driver.cancel(b) == -EINVAL);
  CHECK(rig.hal.live_mappings() == 2);  // a's only
  rig.finish();
}

// ---- interrupts

TEST_CASE("the top half acknowledges exactly the pending events, and the bottom half completes") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(64);
  int callbacks = 0;
  bool lock_free = true;
  req.on_complete = [&](CopyRequest&) {
    ++callbacks;
    lock_free = lock_free && !rig.hal.lock_held();
  };
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);

  rig.hal.expect_read(r::IRQ_PENDING::kOffset, 0);  // not ours: nothing written
  CHECK(rig.hal.fire_irq(0) == IrqReturn::kNone);
  CHECK(rig.driver.stats().spurious_irqs == 1);

  rig.hal.expect_read(r::IRQ_PENDING::kOffset, done_ev(0));  // ours, but the device is not done yet
  rig.hal.expect_write(r::IRQ_STATUS::kOffset, done_ev(0));
  CHECK(rig.hal.fire_irq(0) == IrqReturn::kHandled);
  CHECK_FALSE(req.finished());  // completion is the bottom half's job
  rig.hal.run_work();
  CHECK_FALSE(req.finished());

  rig.device_done(0, 0);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(req.state() == RequestState::kCompleted);
  CHECK(req.status == 0);
  CHECK(callbacks == 1);
  CHECK(lock_free);
  rig.finish();
}

TEST_CASE("a completion callback may submit again: callbacks run with no driver lock held") {
  Rig rig;
  rig.probe();
  CopyRequest &first = rig.copy(8), &second = rig.copy(8);
  first.on_complete = [&](CopyRequest&) { CHECK(rig.driver.submit(second) == 0); };
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(first) == 0);
  rig.device_done(0, 0);
  rig.hal.expect_read(r::IRQ_PENDING::kOffset, done_ev(0));
  rig.hal.expect_write(r::IRQ_STATUS::kOffset, done_ev(0));
  rig.hal.expect_write(r::RING_TAIL::offset(0), 2);
  rig.hal.fire_irq(0);
  rig.hal.run_work();
  CHECK(second.state() == RequestState::kIssued);
  rig.finish();
}

TEST_CASE("read-to-clear mode reads IRQ_STATUS_RC and writes no acknowledge") {
  DeviceConfig cfg;
  cfg.read_to_clear = true;
  Rig rig(cfg);
  rig.probe();
  CopyRequest& req = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  rig.device_done(0, 0);
  rig.hal.expect_read(r::IRQ_STATUS_RC::kOffset, done_ev(0));
  CHECK(rig.hal.fire_irq(0) == IrqReturn::kHandled);
  rig.hal.run_work();
  CHECK(req.state() == RequestState::kCompleted);
  rig.finish();
}

TEST_CASE("each vector acknowledges only the events routed to it") {
  Device dev;
  dev.caps_channels = dev.real_channels = 2;
  dev.vectors = 2;
  Rig rig({}, dev);
  rig.probe();
  rig.hal.expect_read(r::IRQ_PENDING::kOffset, done_ev(0) | done_ev(1));
  rig.hal.expect_write(r::IRQ_STATUS::kOffset, done_ev(1));  // channel 0's event is vector 0's
  CHECK(rig.hal.fire_irq(1) == IrqReturn::kHandled);
  rig.hal.run_work();
  rig.finish();
}

TEST_CASE("pulse mode sets IRQ_MODE and asks the platform for edge-triggered lines") {
  DeviceConfig cfg;
  cfg.irq_mode = IrqMode::kPulse;
  Rig rig(cfg);
  rig.probe();
  CHECK(rig.hal.trigger_of(0) == tce::Trigger::kEdgeRising);
  rig.finish();
}

TEST_CASE("polling mode takes no interrupt and completes requests by looking") {
  DeviceConfig cfg;
  cfg.irq_mode = IrqMode::kPolling;
  Rig rig(cfg);
  rig.probe();
  CHECK(rig.hal.live_irqs() == 0);
  CopyRequest& req = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  // First look: not finished, so the driver checks the channel is not halted; the device
  // finishes meanwhile, and the next look retires it.
  rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::ACTIVE::kMask, [&] { rig.device_done(0, 0); });
  CHECK(rig.driver.wait(req, 10'000) == 0);
  CHECK(req.state() == RequestState::kCompleted);
  rig.finish();
}

TEST_CASE("CRC-32C of the stream comes back from the last descriptor") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(16);
  req.crc = true;
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  CHECK(r::get<r::desc::CTRL::CRC>(rig.ctrl(0, 0)) == 1);
  rig.device_done(0, 0, 0xE3069283);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(req.crc32c == 0xE3069283);
  rig.finish();
}

// ---- timeouts and recovery

TEST_CASE("watchdog: a lost interrupt costs no reset, and the finished request completes exactly once") {
  DeviceConfig cfg;
  cfg.watchdog_ns = 50'000;
  Rig rig(cfg);
  rig.probe();
  CopyRequest& req = rig.copy(8);
  int callbacks = 0;
  req.on_complete = [&](CopyRequest&) { ++callbacks; };
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  rig.device_done(0, 0);         // ... and its interrupt never arrives
  rig.hal.advance_time(60'000);  // the ring is empty once retired: no reset, no status read
  CHECK(req.state() == RequestState::kCompleted);
  CHECK(callbacks == 1);
  CHECK(rig.driver.stats().watchdog_resets == 0);
  CHECK(rig.hal.live_timers() == 0);  // nothing left on the ring: no watchdog
  rig.finish();
}

TEST_CASE("watchdog: a stuck channel is reset and its requests re-issued once per expiry, then fail -ETIMEDOUT") {
  DeviceConfig cfg;
  cfg.watchdog_ns = 50'000;
  cfg.max_retries = 2;
  Rig rig(cfg);
  rig.probe();
  CopyRequest &a = rig.copy(8), &b = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 2);
  REQUIRE(rig.driver.submit(a) == 0);
  REQUIRE(rig.driver.submit(b) == 0);
  const std::uint64_t a_src = le64(rig.desc(0, 0) + r::desc::kSrcOffset);
  for (int expiry = 1; expiry <= 2; ++expiry) {
    CAPTURE(expiry);
    rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::ACTIVE::kMask);
    rig.hal.expect_write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask);
    rig.hal.expect_write(r::RING_TAIL::offset(0), 2);  // both again, from slot 0, once each
    rig.hal.advance_time(50'000);
    CHECK(le64(rig.desc(0, 0) + r::desc::kSrcOffset) == a_src);  // oldest first
    CHECK(a.state() == RequestState::kIssued);
  }
  CHECK(rig.driver.stats().reissued == 4);
  // The third expiry is one past the limit: both fail, nothing is re-issued.
  rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::ACTIVE::kMask);
  rig.hal.expect_write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask);
  rig.hal.advance_time(50'000);
  CHECK(a.status == -ETIMEDOUT);
  CHECK(b.status == -ETIMEDOUT);
  CHECK(rig.driver.stats().watchdog_resets == 3);
  CHECK(rig.hal.live_mappings() == 0);
  rig.finish();
}

TEST_CASE("a channel error fails its request with -EIO and the code, and the channel resets and the rest go on") {
  Rig rig;
  rig.probe();
  CopyRequest &a = rig.copy(8), &b = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 2);
  REQUIRE(rig.driver.submit(a) == 0);
  REQUIRE(rig.driver.submit(b) == 0);
  const std::uint64_t b_src = le64(rig.desc(0, 1) + r::desc::kSrcOffset);
  SUBCASE("the device wrote the error back (code 3)") {
    rig.device_error(0, 0, 3);
    rig.hal.expect_read(r::IRQ_PENDING::kOffset, err_ev(0));
    rig.hal.expect_write(r::IRQ_STATUS::kOffset, err_ev(0));
    rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::HALTED::kMask | r::put<r::CH_STATUS::ERR_CODE>(3));
  }
  SUBCASE("the descriptor fetch failed: no write-back, only CH_STATUS says (code 1)") {
    rig.hal.expect_read(r::IRQ_PENDING::kOffset, err_ev(0));
    rig.hal.expect_write(r::IRQ_STATUS::kOffset, err_ev(0));
    rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::HALTED::kMask | r::put<r::CH_STATUS::ERR_CODE>(1));
  }
  rig.hal.expect_write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask | r::CH_CTRL::RUN::kMask);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);  // b alone, now at slot 0
  rig.hal.fire_irq(0);
  rig.hal.run_work();
  CHECK(a.status == -EIO);
  CHECK((a.err_code == r::ErrCode::kDstWrite || a.err_code == r::ErrCode::kDescFetch));
  CHECK(b.state() == RequestState::kIssued);
  CHECK(le64(rig.desc(0, 0) + r::desc::kSrcOffset) == b_src);
  rig.device_done(0, 0);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(b.state() == RequestState::kCompleted);
  CHECK(rig.driver.stats().channel_errors == 1);
  rig.finish();
}

// ---- power management

TEST_CASE(
    "suspend drains and enters D3, work submitted meanwhile waits, and resume programs as probe did and issues it") {
  Rig rig;
  rig.probe();
  rig.hal.expect_write(r::PM_CTRL::kOffset, 3);
  rig.hal.expect_read(r::PM_STATUS::kOffset, 3);
  REQUIRE(rig.driver.suspend() == 0);
  CHECK(rig.driver.suspended());

  CopyRequest& req = rig.copy(8);
  REQUIRE(rig.driver.submit(req) == 0);  // no doorbell: the device sleeps
  CHECK(req.state() == RequestState::kQueued);

  rig.hal.expect_write(r::PM_CTRL::kOffset, 0);
  rig.hal.expect_read(r::PM_STATUS::kOffset, r::PM_STATUS::TRANSITION_BUSY::kMask);
  rig.hal.expect_read(r::PM_STATUS::kOffset, 0);
  rig.expect_program();  // D3 lost it all: the same writes as probe's, nothing read back
  rig.hal.expect_write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::PM_DONE::kMask);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);  // the queued request, from slot 0
  REQUIRE(rig.driver.resume() == 0);
  CHECK(req.state() == RequestState::kIssued);
  rig.finish();
}

TEST_CASE("suspend answers -EBUSY when the device refuses D3 or the rings do not drain, and the driver runs on") {
  DeviceConfig cfg;
  cfg.pm_timeout_ns = 5'000;
  Rig rig(cfg);
  rig.probe();
  SUBCASE("refused") {
    rig.hal.expect_write(r::PM_CTRL::kOffset, 3);
    rig.hal.expect_read(r::PM_STATUS::kOffset, r::PM_STATUS::PM_REFUSED::kMask);
    CHECK(rig.driver.suspend() == -EBUSY);
    CHECK_FALSE(rig.driver.suspended());
    CopyRequest& req = rig.copy(8);
    rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
    CHECK(rig.driver.submit(req) == 0);
    CHECK(req.state() == RequestState::kIssued);
  }
  SUBCASE("not drained") {
    CopyRequest& req = rig.copy(8);
    rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
    REQUIRE(rig.driver.submit(req) == 0);
    CHECK(rig.driver.suspend() == -EBUSY);
    CHECK_FALSE(rig.driver.suspended());
  }
  rig.finish();
}

// ---- surprise removal

TEST_CASE("surprise removal: all-ones reads fail every request with -ENODEV, and nothing waits for ever") {
  Rig rig(with_ring(1));
  rig.probe();
  CopyRequest &a = rig.copy(8), &b = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(a) == 0);
  REQUIRE(rig.driver.submit(b) == 0);  // queued behind a
  SUBCASE("seen by the top half") {
    rig.hal.expect_read(r::IRQ_PENDING::kOffset, 0xFFFFFFFF);
    rig.hal.expect_read(r::ID::kOffset, 0xFFFFFFFF);
    CHECK(rig.hal.fire_irq(0) == IrqReturn::kNone);
    rig.hal.run_work();
  }
  SUBCASE("seen by a wait that timed out") {
    rig.hal.expect_read(r::ID::kOffset, 0xFFFFFFFF);
    CHECK(rig.driver.wait(a, 3'000) == 0);  // finished: it failed
  }
  CHECK(rig.driver.removed());
  CHECK(a.status == -ENODEV);
  CHECK(b.status == -ENODEV);
  CopyRequest& c = rig.copy(8);
  CHECK(rig.driver.submit(c) == -ENODEV);
  rig.finish();  // remove writes nothing to a device that is gone, and frees everything
}

TEST_CASE("a wait that times out on a live device answers -ETIMEDOUT") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  rig.hal.expect_read(r::ID::kOffset, kId);
  CHECK(rig.driver.wait(req, 3'000) == -ETIMEDOUT);
  CHECK(req.state() == RequestState::kIssued);
  rig.finish();
}

// ---- remove with work in flight, and limits

TEST_CASE("remove with copies in flight stops the channels and waits for idle before unmapping or freeing") {
  Device dev;
  dev.caps_channels = dev.real_channels = 2;
  dev.vectors = 2;
  Rig rig({}, dev);
  rig.probe();
  CopyRequest &a = rig.copy(4096), &b = rig.copy(4096);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(a) == 0);
  rig.hal.expect_write(r::RING_TAIL::offset(1), 1);
  REQUIRE(rig.driver.submit(b) == 0);
  // While the device may still reach them, buffers, rings and handlers must all be there.
  auto everything_held = [&] {
    CHECK(rig.hal.live_mappings() == 4);
    CHECK(rig.hal.live_dma() == 2);
    CHECK(rig.hal.live_irqs() == 2);
    CHECK(a.state() == RequestState::kIssued);
  };
  rig.expect_remove(1, true, everything_held);  // one look while the bursts drain (RESET_BUSY)
  rig.driver.remove();
  CHECK(a.status == -ENODEV);
  CHECK(b.status == -ENODEV);
  rig.finish();
}

TEST_CASE("remove waits for idle only so long, then stops the device and frees everything anyway") {
  Rig rig;
  rig.probe();
  CopyRequest& a = rig.copy(64);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(a) == 0);
  rig.expect_remove(11, false);  // a look per microsecond for 10 us, never idle
  rig.driver.remove();
  CHECK(a.status == -ENODEV);
  rig.finish();
}

TEST_CASE("a huge segment is refused after counting at most a ring's worth of pieces") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(64);
  // 2^40 pieces of 16 MiB: counting them all would take hours.
  req.src[0].len = req.dst[0].len = SIZE_MAX - 7;
  CHECK(rig.driver.submit(req) == -EINVAL);
  CHECK(req.state() == RequestState::kIdle);
  CHECK(rig.hal.live_mappings() == 0);
  rig.finish();
}

TEST_CASE("segment lengths whose sum wraps are refused before any register access") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(16);
  // (2^64 - 8) + 16 wraps to 8, the destination's length.
  req.src = {{req.src[0].cpu, SIZE_MAX - 7}, {rig.hal.alloc_buffer(16), 16}};
  req.dst[0].len = 8;
  CHECK(rig.driver.submit(req) == -EINVAL);
  CHECK(req.state() == RequestState::kIdle);
  CHECK(rig.hal.live_mappings() == 0);
  rig.finish();  // the strict mock saw no access
}

TEST_CASE("a polling wait with no time limit (UINT64_MAX) waits instead of timing out at once") {
  DeviceConfig cfg;
  cfg.irq_mode = IrqMode::kPolling;
  Rig rig(cfg);
  rig.probe();
  rig.hal.advance_time(5'000);  // now + UINT64_MAX wraps unless it saturates
  CopyRequest& req = rig.copy(8);
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  rig.hal.expect_read(r::CH_STATUS::offset(0), r::CH_STATUS::ACTIVE::kMask, [&] { rig.device_done(0, 0); });
  CHECK(rig.driver.wait(req, UINT64_MAX) == 0);
  CHECK(req.state() == RequestState::kCompleted);
  rig.finish();
}

TEST_CASE("the mock's wait_until with no time limit waits for its condition") {
  MockHal hal;
  hal.advance_time(5'000);
  int looks = 0;
  CHECK(hal.wait_until([&] { return ++looks == 3; }, UINT64_MAX) == 0);
  CHECK(looks == 3);
}

TEST_CASE("the mock refuses a buffer whose end wraps the address space") {
  MockHal hal;
  unsigned char* buf = hal.alloc_buffer(64);
  std::uint64_t bus = 0;
  CHECK(hal.dma_map(buf + 8, SIZE_MAX - 4, tce::DmaDir::kToDevice, &bus) == -EFAULT);  // buf + 8 + len wraps to buf + 3
  CHECK(hal.live_mappings() == 0);
  CHECK(hal.dma_map(buf + 8, 56, tce::DmaDir::kToDevice, &bus) == 0);
  hal.dma_unmap(bus, 56, tce::DmaDir::kToDevice);
  CHECK(hal.problems().empty());
}

TEST_CASE("an in-place copy maps one buffer twice, and each unmap releases its own mapping") {
  Rig rig;
  rig.probe();
  CopyRequest& req = rig.copy(64);
  req.dst = req.src;
  rig.hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(rig.driver.submit(req) == 0);
  CHECK(rig.hal.live_mappings() == 2);
  rig.device_done(0, 0);
  rig.interrupt(0, done_ev(0), done_ev(0));
  CHECK(req.state() == RequestState::kCompleted);
  rig.finish();  // no false "unmap of a mapping that does not exist"
}
