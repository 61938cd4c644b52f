#include "checked_copy.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>

#include "platform.hpp"

namespace tandem {
namespace {

constexpr std::size_t kGuard = 24;  // bytes before, between and after segments
constexpr std::uint8_t kGuardByte = 0xA5;

// Cuts `len` bytes into `parts` non-empty lengths at seeded points.
std::vector<std::size_t> cut(Rng& rng, std::size_t len, unsigned parts) {
  std::vector<std::size_t> points;
  while (points.size() + 1 < parts) {
    const std::size_t p = rng.range(1, len - 1);
    if (std::find(points.begin(), points.end(), p) == points.end()) points.push_back(p);
  }
  std::sort(points.begin(), points.end());
  std::vector<std::size_t> lens;
  std::size_t prev = 0;
  for (std::size_t p : points) {
    lens.push_back(p - prev);
    prev = p;
  }
  lens.push_back(len - prev);
  return lens;
}

}  // namespace

CopyShape random_shape(Rng& rng, std::size_t min_len, std::size_t max_len, unsigned max_segments) {
  CopyShape s;
  s.len = rng.range(min_len, max_len);
  const auto most = static_cast<unsigned>(std::min<std::size_t>(max_segments, s.len));
  s.src_segments = static_cast<unsigned>(rng.range(1, most));
  s.dst_segments = static_cast<unsigned>(rng.range(1, most));
  s.src_align = static_cast<unsigned>(rng.range(0, 7));
  s.dst_align = static_cast<unsigned>(rng.range(0, 7));
  return s;
}

CheckedCopy::CheckedCopy(ScenarioContext& ctx, const CopyShape& shape) : shape_(shape) {
  src_ = layout(ctx, shape.src_segments, shape.src_align);
  dst_ = layout(ctx, shape.dst_segments, shape.dst_align);
  expected_.resize(shape.len);
  for (auto& b : expected_) b = static_cast<std::uint8_t>(ctx.rng().next());
  std::size_t at = 0;
  for (std::size_t i = 0; i < src_.starts.size(); ++i) {
    std::copy_n(expected_.data() + at, src_.lens[i], src_.starts[i]);
    req_.src.push_back({src_.starts[i], src_.lens[i]});
    at += src_.lens[i];
  }
  for (std::size_t i = 0; i < dst_.starts.size(); ++i) req_.dst.push_back({dst_.starts[i], dst_.lens[i]});
}

// One buffer per side: guard, segment, guard, segment, ..., guard. The first segment
// starts at `align` within a word, each later one at a seeded alignment of its own.
CheckedCopy::Side CheckedCopy::layout(ScenarioContext& ctx, unsigned segments, unsigned align) {
  Side side;
  side.lens = cut(ctx.rng(), shape_.len, segments);
  const std::size_t total = shape_.len + (segments + 1) * (kGuard + 8) + 8;
  std::uint8_t* base = ctx.host_buffer(total);  // page aligned
  std::fill_n(base, total, kGuardByte);
  std::uint8_t* p = base + align;
  for (std::size_t i = 0; i < segments; ++i) {
    side.guards.push_back(p);
    p += kGuard;
    if (i > 0) p += ctx.rng().range(0, 7);
    side.starts.push_back(p);
    p += side.lens[i];
  }
  side.guards.push_back(p);
  return side;
}

std::string CheckedCopy::describe() const {
  return fmt::format("{} bytes, {} source segments at alignment {}, {} destination segments at alignment {}",
                     shape_.len, shape_.src_segments, shape_.src_align, shape_.dst_segments, shape_.dst_align);
}

bool CheckedCopy::guards_intact(ScenarioContext& ctx, const Side& side, const char* which) const {
  for (std::size_t g = 0; g < side.guards.size(); ++g) {
    for (std::size_t i = 0; i < kGuard; ++i) {
      if (side.guards[g][i] != kGuardByte) {
        ctx.fail(checker::kScoreboard, fmt::format("{} guard {} byte {} changed: expected 0x{:02x}, got 0x{:02x} ({})",
                                                   which, g, i, kGuardByte, side.guards[g][i], describe()));
        return false;
      }
    }
  }
  return true;
}

bool CheckedCopy::verify(ScenarioContext& ctx) const {
  std::size_t at = 0, wrong = 0, first = 0;
  std::uint8_t got = 0;
  for (std::size_t s = 0; s < dst_.starts.size(); ++s) {
    for (std::size_t i = 0; i < dst_.lens[s]; ++i, ++at) {
      if (dst_.starts[s][i] != expected_[at] && wrong++ == 0) {
        first = at;
        got = dst_.starts[s][i];
      }
    }
  }
  if (wrong != 0) {
    ctx.fail(checker::kScoreboard,
             fmt::format("{} of {} bytes differ; first at offset {}: expected 0x{:02x}, got 0x{:02x} ({})", wrong,
                         shape_.len, first, expected_[first], got, describe()));
  }
  const bool guards = guards_intact(ctx, dst_, "destination") && guards_intact(ctx, src_, "source");
  return wrong == 0 && guards;
}

bool finished_in_time(ScenarioContext& ctx, tce::TceDevice& dev, const tce::CopyRequest& req,
                      std::uint64_t timeout_ns) {
  const std::uint64_t start = ctx.platform().cycle();
  return dev.wait(req, timeout_ns) == 0 && req.finished() && ctx.platform().cycle() - start < timeout_ns;
}

bool injected_error(ScenarioContext& ctx, const tce::CopyRequest& req) {
  using tce::reg::ErrCode;
  const ErrCode code = req.err_code;
  if (req.status != -EIO || (code != ErrCode::kDescFetch && code != ErrCode::kSrcRead && code != ErrCode::kDstWrite &&
                             code != ErrCode::kWriteback)) {
    return false;
  }
  Platform& p = ctx.platform();
  for (const auto* side : {&req.src, &req.dst}) {
    for (const tce::Segment& seg : *side) {
      const std::uint64_t bus = p.memory().bus_of(seg.cpu, seg.len);
      if (bus != 0 && p.faults().descriptor_faulted(bus, seg.len)) return true;
    }
  }
  return false;
}

bool copy_and_check(ScenarioContext& ctx, tce::TceDevice& dev, CheckedCopy& copy, std::uint64_t timeout_ns) {
  tce::CopyRequest& req = copy.request();
  if (int rc = dev.submit(req); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("submit failed: {} ({})", rc, copy.describe()));
    return false;
  }
  if (!finished_in_time(ctx, dev, req, timeout_ns)) {
    ctx.fail(checker::kCompletion,
             fmt::format("the copy did not complete within {} ns ({})", timeout_ns, copy.describe()));
    return false;
  }
  if (injected_error(ctx, req)) return false;
  if (req.status != 0) {
    ctx.fail(checker::kCompletion, fmt::format("the copy failed: {} (device error {}; {})", req.status,
                                               tce::reg::to_string(req.err_code), copy.describe()));
    return false;
  }
  return copy.verify(ctx);
}

bool probe_or_fail(ScenarioContext& ctx, tce::TceDevice& dev) {
  if (int rc = dev.probe(); rc != 0) {
    ctx.fail(checker::kDriver, fmt::format("probe failed: {}", rc));
    return false;
  }
  return true;
}

}  // namespace tandem
