// Bug-zoo scenarios for requests and descriptor rings: splitting, ring space, publishing
// descriptors, ownership, and DMA mappings.
#include "zoo.hpp"

namespace tandem::zoo {
namespace {

// One copy of `len` bytes.
void single(ScenarioContext& ctx, std::uint32_t len, std::uint64_t timeout_ns = kTimeoutNs,
            const tce::DeviceConfig& cfg = {}) {
  Copies copies = seeded_copies(ctx, 1, len, len);
  run_copies(ctx, copies, cfg, timeout_ns);
}

// Single-descriptor copies submitted faster than a 4-slot ring (3 usable) drains, on
// one channel: the ring is full on every seed.
void full_ring(ScenarioContext& ctx, SimCpu&) {
  Copies copies = seeded_copies(ctx, 8, 1024, 4096);
  tce::DeviceConfig cfg;
  cfg.ring_log2 = 2;
  cfg.max_channels = 1;
  run_copies(ctx, copies, cfg);
}

// Once the device fetched a descriptor, its STATUS word is the device's until the
// write-back: here the device's side marks it in progress (neither DONE nor ERR), as a
// device may. A CPU store to that word, even of the 0 the driver filled in, then changes
// its bytes, and the store buffer sees it.
void mark_fetched_in_progress(ScenarioContext& ctx) {
  Platform& p = ctx.platform();
  ctx.keep(p.events().subscribe(
      [&p](const Event& e) {
        constexpr std::uint32_t kInProgress = 0xFFFF'0000;  // a TAG no write-back echoes yet, no DONE, no ERR
        const std::uint64_t status = e.addr + tce::reg::desc::kStatusOffset;  // 8-aligned: slots are 32 bytes
        std::uint8_t* word = p.memory().at(status, 4);
        for (unsigned b = 0; b < 4; ++b) word[b] = static_cast<std::uint8_t>(kInProgress >> (8 * b));
        if (StoreBuffer* sb = p.store_buffer()) sb->device_wrote(status, 0x0F);  // the CPU's view follows
      },
      kind_bit(EventKind::kDescFetch)));
}

// Several copies queued on one channel: every completion's bottom half finds the next
// descriptor still the device's, fetched already.
void queued(ScenarioContext& ctx, SimCpu&) {
  mark_fetched_in_progress(ctx);
  Copies copies = seeded_copies(ctx, 6, 2048, 8192);
  tce::DeviceConfig cfg;
  cfg.max_channels = 1;
  run_copies(ctx, copies, cfg);
}

constexpr std::uint32_t kMiB = 1u << 20;

// A segment of 16 MiB and a page: a full-length descriptor and a short one. A 16 MiB
// descriptor runs over two million cycles, past the default watchdog.
void huge_segment(ScenarioContext& ctx, SimCpu&) {
  tce::DeviceConfig cfg;
  cfg.watchdog_ns = 10'000'000;
  single(ctx, 16 * kMiB + 4096, 20'000'000, cfg);
}

const Registrar kSplit("sg_split_off_by_one",
                       "a segment over 16 MiB is split into descriptors one byte too long (16 MiB + 1)",
                       checker::kScoreboard, nullptr, huge_segment);
const Registrar kRingFull("ring_full_off_by_one",
                          "the ring-full check is off by one: the driver fills the slot kept empty, over the "
                          "descriptor the device is on",
                          checker::kDescOwnership, nullptr, full_ring);
const Registrar kDoorbell("doorbell_before_barrier",
                          "no barrier and no sync between writing descriptors and ringing the doorbell",
                          checker::kDescOwnership, nullptr, [](ScenarioContext& ctx, SimCpu&) { single(ctx, 4096); });
const Registrar kTouchOwned("touch_owned_descriptor",
                            "the bottom half zeroes the STATUS of a descriptor the device still owns",
                            checker::kDescOwnership, nullptr, queued);
const Registrar kUnmapped("dma_unmapped",
                          "submit unmaps the request's buffers as soon as its descriptors are on the ring",
                          checker::kDmaFault, nullptr, [](ScenarioContext& ctx, SimCpu&) { single(ctx, 65536); });

}  // namespace
}  // namespace tandem::zoo
