// Recovery from every channel error the platform can provoke: a bus error on the source
// (code 2), the destination (3), the descriptor fetch (1) and the status write-back (7).
// Each failed request must end -EIO with its code, and the next copy ON THE SAME CHANNEL
// must succeed: a driver whose recovery does not restart the channel fails here. Codes 4
// and 5 (malformed descriptor, bad length) cannot be reached: submit refuses them first.
#include <fmt/core.h>

#include <cerrno>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scenario.hpp"
#include "support/checked_copy.hpp"
#include "tce_device.hpp"
#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;
constexpr std::uint64_t kTimeoutNs = 200'000;

enum class Where { kSource, kDestination, kFetch, kWriteBack };
constexpr r::ErrCode kCode[] = {r::ErrCode::kSrcRead, r::ErrCode::kDstWrite, r::ErrCode::kDescFetch,
                                r::ErrCode::kWriteback};
const char* const kName[] = {"source read", "destination write", "descriptor fetch", "status write-back"};

// Arms a bus error for `where` of `copy`, on channel 0.
void arm(Platform& p, tce::Hal& hal, Where where, CheckedCopy& copy) {
  const tce::CopyRequest& req = copy.request();
  const tce::Segment& seg = where == Where::kSource ? req.src.back() : req.dst.back();
  const std::uint64_t buf = p.memory().bus_of(seg.cpu, seg.len);
  const std::uint64_t ring =
      (std::uint64_t{hal.read32(r::RING_BASE_HI::offset(0))} << 32) | hal.read32(r::RING_BASE_LO::offset(0));
  switch (where) {
    case Where::kSource: p.faults().bus_error(0, buf, buf + seg.len, true, false); break;
    case Where::kDestination: p.faults().bus_error(0, buf, buf + seg.len, false, true); break;
    case Where::kFetch: p.faults().bus_error(0, ring, ring + 4096, true, false); break;
    case Where::kWriteBack: p.faults().bus_error(0, ring, ring + 4096, false, true); break;
  }
}

void recovery(ScenarioContext& ctx, std::vector<Where> order, tce::DeviceConfig cfg) {
  Platform& p = ctx.platform();
  std::vector<std::unique_ptr<CheckedCopy>> copies;  // outlive the device's use of them
  cfg.max_channels = 1;                              // every copy on channel 0: the failed one and the one after it
  tce::TceDevice dev(p.hal(), cfg);
  if (!probe_or_fail(ctx, dev)) return;
  // Each error twice, in a seeded order, each followed by a good copy.
  order.insert(order.end(), order.begin(), order.end());
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[ctx.rng().range(0, i - 1)]);
  for (Where where : order) {
    const auto w = static_cast<unsigned>(where);
    copies.push_back(std::make_unique<CheckedCopy>(ctx, random_shape(ctx.rng(), 64, 8192, 3)));
    CheckedCopy& bad = *copies.back();
    arm(p, p.hal(), where, bad);
    if (int rc = dev.submit(bad.request()); rc != 0) {
      ctx.fail(checker::kDriver, fmt::format("submit failed: {}", rc));
      return;
    }
    if (!finished_in_time(ctx, dev, bad.request(), kTimeoutNs)) {
      ctx.fail(checker::kCompletion, fmt::format("the copy with a {} bus error never finished", kName[w]));
      return;
    }
    p.faults().clear_bus_errors(0);
    if (bad.request().status != -EIO || bad.request().err_code != kCode[w]) {
      ctx.fail(checker::kCompletion,
               fmt::format("a {} bus error ended with {} ({}), not -EIO ({})", kName[w], bad.request().status,
                           r::to_string(bad.request().err_code), r::to_string(kCode[w])));
    }
    copies.push_back(std::make_unique<CheckedCopy>(ctx, random_shape(ctx.rng(), 1, 8192, 3)));
    if (!copy_and_check(ctx, dev, *copies.back(), kTimeoutNs)) {
      ctx.fail(checker::kCompletion, fmt::format("channel 0 did not work again after a {} bus error", kName[w]));
      return;
    }
    ctx.note(
        fmt::format("{} bus error: -EIO {}, then a good copy on the same channel", kName[w], r::to_string(kCode[w])));
  }
  if (dev.stats().channel_errors != order.size()) {
    ctx.fail(checker::kCompletion,
             fmt::format("{} channel errors counted, {} provoked", dev.stats().channel_errors, order.size()));
  }
  dev.remove();
}

Scenario make(const char* name, const char* summary, const std::vector<Where>& kinds, const tce::DeviceConfig& cfg = {},
              std::vector<std::string> variants = {"default", "rev1", "ch1", "ch4"}) {
  Scenario s{name, summary, "", nullptr, [kinds, cfg](ScenarioContext& ctx, SimCpu&) { recovery(ctx, kinds, cfg); }};
  s.variants = std::move(variants);
  return s;
}

const std::vector<Where> kEveryWhere = {Where::kSource, Where::kDestination, Where::kFetch, Where::kWriteBack};

const ScenarioRegistrar kRecovery(make("error_recovery",
                                       "bus errors on source, destination, descriptor fetch and write-back: each "
                                       "-EIO with its code, then a good copy on the same channel",
                                       kEveryWhere));

// The same recovery with the error reaching the driver in each other interrupt mode: the
// CH_ERR event on a pulse, read to clear, coalesced (by count and timer; on revision 1 the
// timer is broken and the driver's flush finds it, erratum E2), or not signalled at all (polling).
tce::DeviceConfig mode(tce::IrqMode irq, bool rc, unsigned count) {
  tce::DeviceConfig cfg;
  cfg.irq_mode = irq;
  cfg.read_to_clear = rc;
  cfg.coalesce_count = count;
  cfg.coalesce_timer_cycles = count > 1 ? 1500 : 0;
  return cfg;
}
const ScenarioRegistrar kPulse(make("error_recovery_pulse", "error_recovery with pulse interrupts", kEveryWhere,
                                    mode(tce::IrqMode::kPulse, false, 0), {"default", "rev1"}));
const ScenarioRegistrar kReadToClear(make("error_recovery_rc", "error_recovery with read-to-clear status", kEveryWhere,
                                          mode(tce::IrqMode::kLevel, true, 0), {"default", "rev1"}));
const ScenarioRegistrar kCoalesced(make("error_recovery_coalesced",
                                        "error_recovery with coalescing (3 events or 1500 cycles)", kEveryWhere,
                                        mode(tce::IrqMode::kLevel, false, 3), {"default", "rev1"}));
const ScenarioRegistrar kPolling(make("error_recovery_polling", "error_recovery with interrupts off, polled",
                                      kEveryWhere, mode(tce::IrqMode::kPolling, false, 0), {"default", "rev1"}));

}  // namespace
}  // namespace tandem
