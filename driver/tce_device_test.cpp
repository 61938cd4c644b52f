#include "tce_device.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>

#include "tce_regs.hpp"
#include "testing/mock_hal.hpp"

namespace r = tce::reg;
using tce::CopyRequest;
using tce::IrqReturn;
using tce::TceDevice;
using tce::testing::MockHal;

namespace {

constexpr std::uint32_t kId = (std::uint32_t{r::kVendorId} << 16) | r::kDeviceId;
constexpr std::uint32_t kCaps = r::CAPS::kReset | r::put<r::CAPS::CHANNELS>(1) | r::put<r::CAPS::VECTORS>(1);
constexpr std::uint64_t kFirstBus = 0x1000'0000;  // MockHal's first DMA bus address
constexpr std::uint32_t kEvents = r::IRQ_STATUS::CH0_DONE::kMask | r::IRQ_STATUS::CH0_ERR::kMask;

void expect_identify(MockHal& hal) {
  hal.expect_read(r::ID::kOffset, kId);
  hal.expect_read(r::CAPS::kOffset, kCaps);
  hal.expect_read(r::VERSION::kOffset, 2);
  hal.expect_write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
  hal.expect_read(r::STATUS::kOffset, r::STATUS::IDLE::kMask);
}

void expect_start(MockHal& hal, unsigned ring_log2) {
  hal.expect_write(r::RING_BASE_LO::offset(0), static_cast<std::uint32_t>(kFirstBus));
  hal.expect_write(r::RING_BASE_HI::offset(0), 0);
  hal.expect_write(r::RING_SIZE_LOG2::offset(0), ring_log2);
  hal.expect_write(r::IRQ_ENABLE::kOffset, kEvents);
  hal.expect_write(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask);
  hal.expect_write(r::CH_CTRL::offset(0), r::CH_CTRL::RUN::kMask);
}

void expect_stop(MockHal& hal) {
  hal.expect_write(r::IRQ_ENABLE::kOffset, 0);
  hal.expect_write(r::CH_CTRL::offset(0), r::CH_CTRL::RESET::kMask);
  hal.expect_write(r::CTRL::kOffset, 0);
}

std::uint32_t le32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

tce::DeviceConfig ring(unsigned log2) {
  tce::DeviceConfig config;
  config.ring_log2 = log2;
  return config;
}

// Where the device would write STATUS of ring slot `slot`: the ring is the first region.
unsigned char* slot_status(MockHal& hal, unsigned slot) {
  return hal.cpu_of(kFirstBus) + slot * r::desc::kBytes + r::desc::kStatusOffset;
}

}  // namespace

TEST_CASE("probe identifies, resets, sets up the ring and starts channel 0") {
  MockHal hal;
  TceDevice dev(hal, ring(3));
  expect_identify(hal);
  expect_start(hal, 3);
  REQUIRE(dev.probe() == 0);
  CHECK(dev.info().revision == 2);
  CHECK(dev.info().channels == 1);
  CHECK(hal.live_dma() == 1);
  CHECK(hal.live_irqs() == 1);
  expect_stop(hal);
  dev.remove();
  CHECK(hal.problems().empty());
  CHECK(hal.live_dma() == 0);
  CHECK(hal.live_irqs() == 0);
}

TEST_CASE("probe refuses a device that is not a TCE, touching nothing else") {
  MockHal hal;
  TceDevice dev(hal);
  hal.expect_read(r::ID::kOffset, 0x12345678);
  CHECK(dev.probe() == -ENODEV);
  CHECK(hal.problems().empty());
  CHECK(hal.live_dma() == 0);
}

TEST_CASE("probe recognises a removed device by its all-ones ID") {
  MockHal hal;
  TceDevice dev(hal);
  hal.expect_read(r::ID::kOffset, 0xFFFFFFFF);
  CHECK(dev.probe() == -ENODEV);
  CHECK(hal.problems().empty());
}

TEST_CASE("probe rejects a bad ring size before touching the device") {
  MockHal hal;
  TceDevice dev(hal, ring(13));
  CHECK(dev.probe() == -EINVAL);
  CHECK(hal.problems().empty());
}

TEST_CASE("probe unwinds completely when a step fails") {
  SUBCASE("ring allocation fails") {
    MockHal hal;
    hal.dma_alloc_rc = -ENOMEM;
    TceDevice dev(hal);
    expect_identify(hal);
    CHECK(dev.probe() == -ENOMEM);
    CHECK(hal.problems().empty());
    CHECK(hal.live_dma() == 0);
    CHECK(hal.live_irqs() == 0);
  }
  SUBCASE("interrupt request fails: the ring is freed") {
    MockHal hal;
    hal.request_irq_rc = -EBUSY;
    TceDevice dev(hal);
    expect_identify(hal);
    CHECK(dev.probe() == -EBUSY);
    CHECK(hal.problems().empty());
    CHECK(hal.live_dma() == 0);
    CHECK(hal.live_irqs() == 0);
  }
  SUBCASE("soft reset never finishes") {
    MockHal hal;
    TceDevice dev(hal);
    hal.expect_read(r::ID::kOffset, kId);
    hal.expect_read(r::CAPS::kOffset, kCaps);
    hal.expect_read(r::VERSION::kOffset, 2);
    hal.expect_write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
    for (int i = 0; i <= 10; ++i) hal.expect_read(r::STATUS::kOffset, r::STATUS::RESET_BUSY::kMask);
    CHECK(dev.probe() == -ETIMEDOUT);
    CHECK(hal.problems().empty());
    CHECK(hal.live_dma() == 0);
  }
}

TEST_CASE("submit checks its arguments before any register access") {
  MockHal hal;
  TceDevice dev(hal);
  CopyRequest req;
  req.len = 64;
  CHECK(dev.submit(req) == -EINVAL);  // not probed
  expect_identify(hal);
  expect_start(hal, 6);
  REQUIRE(dev.probe() == 0);
  req.len = 0;
  CHECK(dev.submit(req) == -EINVAL);
  req.len = r::desc::kMaxLen + 1;
  CHECK(dev.submit(req) == -EINVAL);
  CHECK(hal.problems().empty());
  expect_stop(hal);
}

TEST_CASE("submit writes the descriptor, then a barrier, then the doorbell, and a full ring answers -EBUSY") {
  MockHal hal;
  TceDevice dev(hal, ring(1));  // 2 slots: one usable
  expect_identify(hal);
  expect_start(hal, 1);
  REQUIRE(dev.probe() == 0);
  CopyRequest a;
  a.src = 0x1122334455;
  a.dst = 0x2000;
  a.len = 100;
  hal.expect_write(r::RING_TAIL::offset(0), 1);
  REQUIRE(dev.submit(a) == 0);
  CHECK(hal.barriers() == 1);
  const auto* d = hal.cpu_of(kFirstBus);
  CHECK(le32(d + r::desc::kSrcOffset) == 0x22334455);
  CHECK(le32(d + r::desc::kSrcOffset + 4) == 0x11);
  CHECK(le32(d + r::desc::kDstOffset) == 0x2000);
  CHECK(le32(d + r::desc::kLenOffset) == 100);
  CHECK(r::get<r::desc::CTRL::IRQ>(le32(d + r::desc::kCtrlOffset)) == 1);
  CHECK(r::get<r::desc::CTRL::RESERVED>(le32(d + r::desc::kCtrlOffset)) == 0);
  CopyRequest b;
  b.len = 8;
  CHECK(dev.submit(b) == -EBUSY);
  CHECK(hal.problems().empty());
  expect_stop(hal);
}

TEST_CASE("top half acknowledges exactly the pending events, and the bottom half completes in order") {
  MockHal hal;
  TceDevice dev(hal, ring(2));
  expect_identify(hal);
  expect_start(hal, 2);
  REQUIRE(dev.probe() == 0);
  CopyRequest a, b;
  a.len = b.len = 16;
  int callbacks = 0;
  a.on_complete = [&](CopyRequest&) { ++callbacks; };
  hal.expect_write(r::RING_TAIL::offset(0), 1);
  hal.expect_write(r::RING_TAIL::offset(0), 2);
  REQUIRE(dev.submit(a) == 0);
  REQUIRE(dev.submit(b) == 0);
  const std::uint32_t tag_a = r::get<r::desc::CTRL::TAG>(le32(slot_status(hal, 0) - 4));

  SUBCASE("nothing pending: not mine, nothing written") {
    hal.expect_read(r::IRQ_PENDING::kOffset, 0);
    CHECK(hal.fire_irq(0) == IrqReturn::kNone);
    hal.run_work();
    CHECK_FALSE(a.done);
  }
  SUBCASE("first descriptor done, second not yet") {
    const std::uint32_t done = r::desc::STATUS::DONE::kMask | r::put<r::desc::STATUS::TAG>(tag_a);
    std::memcpy(slot_status(hal, 0), &done, 4);
    hal.expect_read(r::IRQ_PENDING::kOffset, r::IRQ_STATUS::CH0_DONE::kMask);
    hal.expect_write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH0_DONE::kMask);
    CHECK(hal.fire_irq(0) == IrqReturn::kHandled);
    CHECK_FALSE(a.done);  // completion is the bottom half's job
    hal.run_work();
    CHECK(a.done);
    CHECK(a.status == 0);
    CHECK(callbacks == 1);
    CHECK_FALSE(b.done);
  }
  SUBCASE("an error completes the request with -EIO and the device's code") {
    const std::uint32_t err =
        r::desc::STATUS::ERR::kMask | r::put<r::desc::STATUS::CODE>(3) | r::put<r::desc::STATUS::TAG>(tag_a);
    std::memcpy(slot_status(hal, 0), &err, 4);
    hal.expect_read(r::IRQ_PENDING::kOffset, r::IRQ_STATUS::CH0_ERR::kMask);
    hal.expect_write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH0_ERR::kMask);
    hal.fire_irq(0);
    hal.run_work();
    CHECK(a.done);
    CHECK(a.status == -EIO);
    CHECK(a.err_code == 3);
  }
  SUBCASE("a STATUS with another request's tag is an error") {
    const std::uint32_t wrong = r::desc::STATUS::DONE::kMask | r::put<r::desc::STATUS::TAG>(tag_a + 7);
    std::memcpy(slot_status(hal, 0), &wrong, 4);
    hal.expect_read(r::IRQ_PENDING::kOffset, r::IRQ_STATUS::CH0_DONE::kMask);
    hal.expect_write(r::IRQ_STATUS::kOffset, r::IRQ_STATUS::CH0_DONE::kMask);
    hal.fire_irq(0);
    hal.run_work();
    CHECK(a.status == -EIO);
  }
  CHECK(hal.problems().empty());
  expect_stop(hal);
}
