// libFuzzer target: the device's descriptor handling, on the Verilated RTL driven directly
// (BareDevice, no driver). The input picks the ring size, the memory's latency (within the
// 10 cycles the bound assumes), back-pressure and bus-error ranges, and up to four
// descriptors: raw bytes, or pointed into real buffers with any length and CTRL word, over
// any STATUS and CRC words. The device must end each published descriptor DONE or ERR within
// the documented bound (200 + 2 x (length / 8 + 2) cycles each, or halt the channel), write
// nothing outside the destinations of descriptors it copied and the STATUS/CRC words of
// published slots (nothing at all for a malformed or bad-length one), copy exactly on DONE,
// echo the tag, and fire no RTL assertion. A broken rule aborts with its reason.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "bare_device.hpp"
#include "tce_regs.hpp"

namespace {

namespace r = tce::reg;
using tandem::BareDevice;

constexpr std::size_t kBuffer = 8192;
constexpr unsigned kMaxDescriptors = 4;
constexpr std::uint64_t kCsrEvery = 32;  // cycles between looks at CH_STATUS while waiting

[[noreturn]] void broken(const char* rule, unsigned slot) {
  std::fprintf(stderr, "descriptor fuzz: %s (slot %u)\n", rule, slot);
  std::abort();
}

std::uint32_t le32(const std::uint8_t* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
std::uint64_t le64(const std::uint8_t* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The documented bound on one descriptor, with memory answering within 10 cycles.
std::uint64_t bound_of(std::uint32_t len) {
  const std::uint64_t copied = len >= 1 && len <= r::desc::kMaxLen ? len : 0;
  return 200 + 2 * (copied / 8 + 2);
}

// A region of host memory and what it held before the doorbell.
struct Region {
  std::uint64_t base;
  std::size_t size;
  std::vector<std::uint8_t> before;
};

class Episode {
 public:
  explicit Episode(FuzzedDataProvider& in) : in_(in), dev_(config(in)) {}

  void run() {
    const auto log2 = in_.ConsumeIntegralInRange<unsigned>(0, 13);  // 0 and 13 are invalid
    src_ = dev_.memory().alloc(kBuffer);
    dst_ = dev_.memory().alloc(kBuffer);
    fill(src_);
    fill(dst_);
    const std::uint64_t ring = dev_.setup_ring(0, log2);
    const unsigned slots = 1u << log2;
    const unsigned count = std::min<unsigned>(in_.ConsumeIntegralInRange<unsigned>(1, kMaxDescriptors), slots - 1);
    for (unsigned k = 0; k < count; ++k) write_descriptor(ring + std::uint64_t{k} * r::desc::kBytes);
    add_error_range(ring, std::size_t{slots} * r::desc::kBytes);
    regions_ = {snapshot(src_, kBuffer), snapshot(dst_, kBuffer), snapshot(ring, std::size_t{slots} * r::desc::kBytes)};
    const unsigned tail = in_.ConsumeIntegralInRange<int>(0, 7) == 0 ? in_.ConsumeIntegral<std::uint16_t>() : count;
    dev_.doorbell(0, tail);
    published_ = log2 >= 1 && log2 <= 12 && tail < slots ? std::min(tail, count) : 0;
    wait_all(ring, published_);
    dev_.harness().run(64);  // anything still on its way lands now, where the checks see it
    if (dev_.harness().rtl_error()) broken("an RTL assertion fired (its message is above)", 0);
    check_memory(ring, published_);
  }

 private:
  static tandem::HarnessConfig config(FuzzedDataProvider& in) {
    tandem::HarnessConfig c;
    c.mem.read_latency = in.ConsumeIntegralInRange<unsigned>(0, 10);
    c.mem.write_latency = in.ConsumeIntegralInRange<unsigned>(0, 10);
    c.mem.backpressure_percent = in.ConsumeIntegralInRange<unsigned>(0, 40);
    c.mem.seed = in.ConsumeIntegral<std::uint64_t>();
    return c;
  }

  void fill(std::uint64_t base) {
    std::uint8_t* p = dev_.memory().at(base, kBuffer);
    const auto seed = in_.ConsumeIntegral<std::uint8_t>();
    for (std::size_t i = 0; i < kBuffer; ++i) p[i] = static_cast<std::uint8_t>(seed + i * 131);
  }

  Region snapshot(std::uint64_t base, std::size_t size) {
    const std::uint8_t* p = dev_.memory().at(base, size);
    return {base, size, std::vector<std::uint8_t>(p, p + size)};
  }

  // Raw bytes, or a descriptor into the buffers with any length and CTRL word; its STATUS
  // and CRC words hold whatever the input says, as a ring reused without clearing would.
  void write_descriptor(std::uint64_t at) {
    std::array<std::uint8_t, r::desc::kBytes> d{};
    for (std::uint8_t& b : d) b = in_.ConsumeIntegral<std::uint8_t>();
    if (in_.ConsumeIntegralInRange<int>(0, 3) != 0) {
      const std::uint64_t src = src_ + in_.ConsumeIntegralInRange<std::uint64_t>(0, kBuffer - 1);
      const std::uint64_t dst = dst_ + in_.ConsumeIntegralInRange<std::uint64_t>(0, kBuffer - 1);
      const std::uint32_t len = in_.ConsumeBool() ? in_.ConsumeIntegralInRange<std::uint32_t>(0, kBuffer + 64)
                                                  : in_.ConsumeIntegral<std::uint32_t>();
      auto ctrl = in_.ConsumeIntegral<std::uint32_t>();
      if (in_.ConsumeBool()) ctrl &= ~0xFFF8u;  // reserved bits clear: a well-formed descriptor
      std::memcpy(&d[r::desc::kSrcOffset], &src, 8);
      std::memcpy(&d[r::desc::kDstOffset], &dst, 8);
      std::memcpy(&d[r::desc::kLenOffset], &len, 4);
      std::memcpy(&d[r::desc::kCtrlOffset], &ctrl, 4);
    }
    std::memcpy(dev_.memory().at(at, r::desc::kBytes), d.data(), d.size());
  }

  // A bus error (SLVERR) on part of a buffer or of the ring, for reads, writes or both.
  void add_error_range(std::uint64_t ring, std::size_t ring_bytes) {
    if (in_.ConsumeIntegralInRange<int>(0, 3) != 0) return;
    const int which = in_.ConsumeIntegralInRange<int>(0, 2);
    const std::uint64_t base = which == 0 ? src_ : which == 1 ? dst_ : ring;
    const std::size_t size = which == 2 ? ring_bytes : kBuffer;
    const std::uint64_t begin = base + in_.ConsumeIntegralInRange<std::uint64_t>(0, size - 1);
    const std::uint64_t end = begin + in_.ConsumeIntegralInRange<std::uint64_t>(1, size);
    const int dirs = in_.ConsumeIntegralInRange<int>(1, 3);
    dev_.harness().memory_port().error_range(begin, end, (dirs & 1) != 0, (dirs & 2) != 0);
  }

  std::uint32_t status_of(std::uint64_t ring, unsigned k) {
    return le32(dev_.memory().at(ring + std::uint64_t{k} * r::desc::kBytes + r::desc::kStatusOffset, 4));
  }

  // Each published descriptor ends DONE or ERR, or the channel halts (a failed fetch or
  // write-back leaves STATUS as it was), within the sum of the bounds so far.
  void wait_all(std::uint64_t ring, unsigned published) {
    const std::uint64_t start = dev_.cycle();
    std::uint64_t deadline = start;
    for (unsigned k = 0; k < published; ++k) {
      const std::uint8_t* d = dev_.memory().at(ring + std::uint64_t{k} * r::desc::kBytes, r::desc::kBytes);
      deadline += bound_of(le32(d + r::desc::kLenOffset));
      const std::uint32_t was = le32(&regions_[2].before[k * r::desc::kBytes + r::desc::kStatusOffset]);
      for (;;) {
        // Its write-back may equal what the slot held: RING_HEAD passing it says so too.
        const std::uint32_t st = status_of(ring, k);
        if (st != was && (st & (r::desc::STATUS::DONE::kMask | r::desc::STATUS::ERR::kMask)) != 0) break;
        if (dev_.read(r::RING_HEAD::offset(0)) > k) break;
        if (r::get<r::CH_STATUS::HALTED>(dev_.read(r::CH_STATUS::offset(0))) != 0) return;
        if (dev_.cycle() > deadline) broken("a descriptor did not end DONE or ERR within its bound", k);
        dev_.run_until([&] { return status_of(ring, k) != was; }, kCsrEvery);
      }
      ended_ = k + 1;
    }
  }

  // Every byte that changed lies in the destination of a descriptor the device took on
  // (one it did not reject as malformed or of bad length), or in a published slot's STATUS
  // or CRC word.
  void check_memory(std::uint64_t ring, unsigned published) {
    struct Range {
      std::uint64_t begin, end;
    };
    std::vector<Range> allowed;
    for (unsigned k = 0; k < published; ++k) {
      const std::uint64_t slot = ring + std::uint64_t{k} * r::desc::kBytes;
      allowed.push_back({slot + r::desc::kStatusOffset, slot + r::desc::kBytes});
      const std::uint8_t* d = dev_.memory().at(slot, r::desc::kBytes);
      const std::uint32_t status = le32(d + r::desc::kStatusOffset);
      const std::uint32_t code = r::get<r::desc::STATUS::CODE>(status);
      const bool rejected = (status & r::desc::STATUS::ERR::kMask) != 0 && (code == 4 || code == 5);
      if (!rejected) {
        const std::uint64_t dst = le64(d + r::desc::kDstOffset);
        allowed.push_back({dst, dst + le32(d + r::desc::kLenOffset)});
      }
      check_done(d, k);
    }
    for (const Region& region : regions_) {
      const std::uint8_t* now = dev_.memory().at(region.base, region.size);
      for (std::size_t i = 0; i < region.size; ++i) {
        if (now[i] == region.before[i]) continue;
        const std::uint64_t addr = region.base + i;
        const bool ok = std::any_of(allowed.begin(), allowed.end(),
                                    [&](const Range& a) { return addr >= a.begin && addr < a.end; });
        if (!ok) broken("a byte outside every destination and STATUS/CRC word changed", static_cast<unsigned>(i));
      }
    }
  }

  // DONE: the tag is echoed and, when no other destination overlaps its source, the
  // destination holds the source's bytes as they were.
  void check_done(const std::uint8_t* d, unsigned k) {
    const std::uint32_t status = le32(d + r::desc::kStatusOffset);
    if (k >= ended_ || (status & r::desc::STATUS::DONE::kMask) == 0) return;
    if ((status & r::desc::STATUS::ERR::kMask) != 0) broken("DONE and ERR together", k);
    if ((status >> 16) != (le32(d + r::desc::kCtrlOffset) >> 16)) broken("DONE without its tag", k);
    const std::uint64_t src = le64(d + r::desc::kSrcOffset), dst = le64(d + r::desc::kDstOffset);
    const std::uint32_t len = le32(d + r::desc::kLenOffset);
    if (src < src_ || src + len > src_ + kBuffer || dst < dst_ || dst + len > dst_ + kBuffer) return;
    const std::uint8_t* from = &regions_[0].before[src - src_];
    const std::uint8_t* to = dev_.memory().at(dst, len);
    const bool alone = published_ == 1;  // with one descriptor, no other destination can overlap
    if (alone && std::memcmp(from, to, len) != 0) broken("DONE but the destination differs from the source", k);
  }

  FuzzedDataProvider& in_;
  BareDevice dev_;
  std::uint64_t src_ = 0, dst_ = 0;
  std::vector<Region> regions_;
  unsigned published_ = 0;  // descriptors handed to the device by the doorbell
  unsigned ended_ = 0;      // of those, the ones that ended DONE or ERR, in order
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  Episode episode(in);
  episode.run();
  return 0;
}
