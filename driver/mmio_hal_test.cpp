// MmioHal on ordinary files standing in for /dev/uio0 and a DMA buffer: registers land at
// their offsets, the pool hands out device-reachable memory, the UIO interrupt protocol
// works, and the whole driver probes and copies through it.
#include "mmio_hal.hpp"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace r = tce::reg;

namespace {

// A temporary file of `size` zero bytes, removed at the end of the test.
struct TempFile {
  explicit TempFile(std::size_t size) {
    char name[] = "/tmp/tandem-mmio-XXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    REQUIRE(ftruncate(fd, static_cast<off_t>(size)) == 0);
    close(fd);
    path = name;
  }
  ~TempFile() { unlink(path.c_str()); }
  std::uint32_t word(std::uint32_t offset) const {
    std::uint32_t v = 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    std::fseek(f, static_cast<long>(offset), SEEK_SET);
    REQUIRE(std::fread(&v, 4, 1, f) == 1);
    std::fclose(f);
    return v;
  }
  void set_word(std::uint32_t offset, std::uint32_t v) const {
    FILE* f = std::fopen(path.c_str(), "r+b");
    std::fseek(f, static_cast<long>(offset), SEEK_SET);
    std::fwrite(&v, 4, 1, f);
    std::fclose(f);
  }
  std::string path;
};

constexpr std::uint64_t kPoolBus = 0x8000'0000;

tce::MmioConfig config(const TempFile& csr, const TempFile& pool, int irq_fd = -1) {
  tce::MmioConfig c;
  c.csr_path = csr.path;
  c.dma_path = pool.path;
  c.dma_size = 64 * 1024;
  c.dma_bus = kPoolBus;
  c.irq_fd = irq_fd;
  return c;
}

}  // namespace

TEST_CASE("registers are 32-bit accesses at their offsets of the mapping") {
  TempFile csr(4096), pool(64 * 1024);
  std::unique_ptr<tce::MmioHal> hal;
  REQUIRE(tce::MmioHal::open(config(csr, pool), &hal) == 0);
  hal->write32(r::SCRATCH::kOffset, 0xCAFEF00D);
  CHECK(csr.word(r::SCRATCH::kOffset) == 0xCAFEF00D);
  csr.set_word(r::ID::kOffset, 0x12345678);
  CHECK(hal->read32(r::ID::kOffset) == 0x12345678);
  CHECK(hal->read32(4096) == 0xFFFFFFFF);  // outside the window
  CHECK(hal->read32(2) == 0xFFFFFFFF);     // unaligned
}

TEST_CASE("a missing device file is an error with nothing left open") {
  TempFile pool(4096);
  tce::MmioConfig c;
  c.csr_path = "/nonexistent/uio0";
  std::unique_ptr<tce::MmioHal> hal;
  CHECK(tce::MmioHal::open(c, &hal) == -ENOENT);
  CHECK(hal == nullptr);
}

TEST_CASE("the DMA pool gives aligned device-reachable memory, and nothing else can be mapped") {
  TempFile csr(4096), pool(64 * 1024);
  std::unique_ptr<tce::MmioHal> hal;
  REQUIRE(tce::MmioHal::open(config(csr, pool), &hal) == 0);
  tce::DmaRegion a, b;
  REQUIRE(hal->dma_alloc(100, &a) == 0);
  REQUIRE(hal->dma_alloc(100, &b) == 0);
  CHECK(a.bus == kPoolBus);
  CHECK(b.bus % 64 == 0);
  CHECK(b.bus >= a.bus + 100);
  tce::DmaRegion huge;
  CHECK(hal->dma_alloc(1 << 20, &huge) == -ENOMEM);
  std::uint64_t bus = 0;
  CHECK(hal->dma_map(static_cast<unsigned char*>(b.cpu) + 8, 16, tce::DmaDir::kToDevice, &bus) == 0);
  CHECK(bus == b.bus + 8);
  hal->dma_unmap(bus, 16, tce::DmaDir::kToDevice);
  int on_stack = 0;
  CHECK(hal->dma_map(&on_stack, sizeof on_stack, tce::DmaDir::kToDevice, &bus) == -EFAULT);
  hal->dma_free(a);
  tce::DmaRegion c;
  REQUIRE(hal->dma_alloc(64, &c) == 0);
  CHECK(c.bus == kPoolBus);  // the freed space is used again
  hal->dma_free(b);
  hal->dma_free(c);
  CHECK(hal->live_dma() == 0);
}

TEST_CASE("the UIO interrupt: unmask on request, handler on a count, unmask again") {
  TempFile csr(4096), pool(4096);
  int fds[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
  std::unique_ptr<tce::MmioHal> hal;
  REQUIRE(tce::MmioHal::open(config(csr, pool, fds[0]), &hal) == 0);
  int handled = 0;
  REQUIRE(hal->request_irq(0, tce::Trigger::kLevelHigh, [&] {
    ++handled;
    return tce::IrqReturn::kHandled;
  }) == 0);
  std::uint32_t word = 0;
  REQUIRE(read(fds[1], &word, 4) == 4);
  CHECK(word == 1);  // unmasked
  const std::uint32_t count = 1;
  REQUIRE(write(fds[1], &count, 4) == 4);
  CHECK(hal->wait_until([&] { return handled == 1; }, 2'000'000'000) == 0);
  REQUIRE(read(fds[1], &word, 4) == 4);
  CHECK(word == 1);  // unmasked again after the handler
  CHECK(hal->wait_until([] { return false; }, 1'000'000) == -ETIMEDOUT);
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("the driver probes and copies through MmioHal on a register file with a TCE's identity") {
  TempFile csr(4096), pool(64 * 1024);
  csr.set_word(r::ID::kOffset, r::ID::kReset);
  csr.set_word(r::VERSION::kOffset, 2);
  csr.set_word(r::CAPS::kOffset, r::CAPS::kReset | r::put<r::CAPS::CHANNELS>(1) | r::put<r::CAPS::VECTORS>(1));
  csr.set_word(r::STATUS::kOffset, r::STATUS::IDLE::kMask);
  std::unique_ptr<tce::MmioHal> hal;
  REQUIRE(tce::MmioHal::open(config(csr, pool), &hal) == 0);
  tce::DeviceConfig cfg;
  cfg.irq_mode = tce::IrqMode::kPolling;
  cfg.ring_log2 = 2;
  {
    tce::TceDevice dev(*hal, cfg);
    REQUIRE(dev.probe() == 0);
    CHECK(csr.word(r::RING_BASE_LO::offset(0)) == static_cast<std::uint32_t>(kPoolBus));
    CHECK(csr.word(r::RING_SIZE_LOG2::offset(0)) == 2);
    CHECK(csr.word(r::CTRL::kOffset) == (r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask));
    CHECK(csr.word(r::CH_CTRL::offset(0)) == r::CH_CTRL::RUN::kMask);

    // Request buffers come from the pool: only it is reachable without an IOMMU.
    tce::DmaRegion src, dst;
    REQUIRE(hal->dma_alloc(256, &src) == 0);
    REQUIRE(hal->dma_alloc(256, &dst) == 0);
    tce::CopyRequest req;
    req.src = {{src.cpu, 256}};
    req.dst = {{dst.cpu, 256}};
    REQUIRE(dev.submit(req) == 0);
    CHECK(csr.word(r::RING_TAIL::offset(0)) == 1);
    unsigned char* desc = hal->dma_pool();  // the ring is the pool's first allocation
    std::uint64_t src_bus = 0;
    std::memcpy(&src_bus, desc + r::desc::kSrcOffset, 8);
    CHECK(src_bus == src.bus);
    // Play the device: mark the descriptor done with its tag.
    std::uint32_t ctrl = 0;
    std::memcpy(&ctrl, desc + r::desc::kCtrlOffset, 4);
    const std::uint32_t status =
        r::desc::STATUS::DONE::kMask | r::put<r::desc::STATUS::TAG>(r::get<r::desc::CTRL::TAG>(ctrl));
    std::memcpy(desc + r::desc::kStatusOffset, &status, 4);
    CHECK(dev.wait(req, 1'000'000'000) == 0);
    CHECK(req.state() == tce::RequestState::kCompleted);
    dev.remove();
    hal->dma_free(src);
    hal->dma_free(dst);
  }
  CHECK(hal->live_dma() == 0);
  CHECK(csr.word(r::CTRL::kOffset) == 0);  // remove stopped the device
}
