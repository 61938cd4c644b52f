#include "dma_requests.hpp"

#include <algorithm>
#include <cstring>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {

// A CPU reports its register write when it takes the response, a few cycles after the
// device acted on it: a doorbell may come that much after the fetch it allowed.
constexpr std::uint64_t kDoorbellSlack = 64;
constexpr std::size_t kDoorbellsKept = 64;  // per channel; also the requests awaiting their STATUS

bool publishes(unsigned old_tail, unsigned tail, unsigned slot) {
  if (old_tail <= tail) return old_tail <= slot && slot < tail;
  return slot >= old_tail || slot < tail;  // wrapped around the ring's end
}

std::uint32_t le32(const unsigned char* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

}  // namespace

DmaRequests::DmaRequests(ReadMemory read, std::size_t max_samples)
    : read_(std::move(read)), max_samples_(max_samples) {}

void DmaRequests::csr_write(unsigned device, std::uint32_t offset, std::uint32_t value, std::uint64_t cycle) {
  unsigned c = 0;
  const r::RegInfo* info = r::find(offset, &c);
  if (info != nullptr && info->offset == r::CTRL::kOffset && r::get<r::CTRL::SOFT_RESET>(value) != 0) {
    reset_device(device);
  } else if (info != nullptr && info->offset == r::CH_CTRL::offset(0) && r::get<r::CH_CTRL::RESET>(value) != 0) {
    drop_channel({device, c});
  }
  if (const std::optional<Doorbell> d = ledger_.csr_write(device, offset, value, cycle)) {
    auto& list = doorbells_[{device, d->channel}];
    list.push_back(Published{d->old_tail, d->tail, cycle});
    if (list.size() > kDoorbellsKept) list.pop_front();
  }
}

void DmaRequests::reset_device(unsigned device) {
  ledger_.reset_device(device);
  for (unsigned c = 0; c < 4; ++c) drop_channel({device, c});
}

void DmaRequests::drop_channel(const Channel& ch) {
  open_.erase(ch);
  doorbells_.erase(ch);
  auto on_channel = [&ch](const Request& q) { return q.device == ch.first && q.channel == ch.second; };
  writing_.erase(std::remove_if(writing_.begin(), writing_.end(), on_channel), writing_.end());
}

void DmaRequests::fetched(unsigned device, unsigned channel, unsigned index, std::uint64_t addr, std::uint64_t cycle) {
  unsigned char desc[r::desc::kBytes];
  if (!read_(addr, desc, sizeof desc)) return;
  const std::uint32_t len = le32(desc + r::desc::kLenOffset), ctrl = le32(desc + r::desc::kCtrlOffset);
  auto [it, fresh] = open_.try_emplace({device, channel});
  Request& q = it->second;
  if (fresh) {
    q.device = device;
    q.channel = channel;
    q.first_slot = index;
    q.first_fetch = cycle;
  }
  q.bytes += len;
  if (r::get<r::desc::CTRL::CHAIN>(ctrl) != 0) return;
  q.status_addr = addr + r::desc::kStatusOffset;
  q.tag = r::get<r::desc::CTRL::TAG>(ctrl);
  writing_.push_back(q);
  open_.erase(it);
}

void DmaRequests::device_write(unsigned device, std::uint64_t addr, std::uint64_t len, std::uint64_t cycle) {
  for (auto it = writing_.begin(); it != writing_.end();) {
    if (it->device == device && addr <= it->status_addr && it->status_addr < addr + len) {
      it->end = cycle;
      // A write-back that never lands (its own bus error) must not be read for ever.
      if (landing_.size() == kDoorbellsKept) landing_.erase(landing_.begin());
      landing_.push_back(*it);
      it = writing_.erase(it);
    } else {
      ++it;
    }
  }
}

void DmaRequests::settle() {
  for (auto it = landing_.begin(); it != landing_.end();) {
    unsigned char word[4];
    if (!read_(it->status_addr, word, sizeof word)) {  // freed before anyone looked: nothing to say
      it = landing_.erase(it);
      continue;
    }
    const std::uint32_t status = le32(word);
    if (r::get<r::desc::STATUS::DONE>(status) == 0 && r::get<r::desc::STATUS::ERR>(status) == 0) {
      ++it;  // not landed yet
      continue;
    }
    const bool done = r::get<r::desc::STATUS::ERR>(status) == 0 && r::get<r::desc::STATUS::TAG>(status) == it->tag;
    if (done && samples_.size() < max_samples_) samples_.push_back(DmaSample{it->bytes, it->end - start_of(*it)});
    it = landing_.erase(it);
  }
}

// The doorbell that published the request's first descriptor: the latest one covering its
// slot, rung no later than just after the fetch (a slot is published again only once retired).
std::uint64_t DmaRequests::start_of(const Request& q) const {
  std::uint64_t start = q.first_fetch;
  const auto it = doorbells_.find({q.device, q.channel});
  if (it == doorbells_.end()) return start;
  for (auto d = it->second.rbegin(); d != it->second.rend(); ++d) {
    if (d->cycle <= q.first_fetch + kDoorbellSlack && publishes(d->old_tail, d->tail, q.first_slot)) {
      return std::min(start, d->cycle);
    }
  }
  return start;
}

}  // namespace tandem
