#include "device_facts.hpp"

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {
constexpr std::uint64_t kDescriptorBytes = 32;
}  // namespace

bool DeviceFacts::csr_access(bool write, std::uint32_t offset, std::uint32_t data, unsigned* state) {
  unsigned c = 0;
  const r::RegInfo* info = r::find(offset, &c);
  if (info == nullptr) return false;
  if (write) {
    if (info->offset == r::CTRL::kOffset && r::get<r::CTRL::SOFT_RESET>(data) != 0) rings_ = {};
    if (info->offset == r::RING_BASE_LO::offset(0)) {
      rings_[c].base = (rings_[c].base & ~std::uint64_t{0xFFFFFFFF}) | (data & r::RING_BASE_LO::ADDR::kMask);
    }
    if (info->offset == r::RING_BASE_HI::offset(0)) {
      rings_[c].base = (rings_[c].base & 0xFFFFFFFF) | std::uint64_t{r::get<r::RING_BASE_HI::ADDR>(data)} << 32;
    }
    if (info->offset == r::RING_SIZE_LOG2::offset(0)) rings_[c].log2 = r::get<r::RING_SIZE_LOG2::LOG2>(data);
    return false;
  }
  if (info->offset != r::PM_STATUS::kOffset) return false;
  const unsigned now = r::get<r::PM_STATUS::STATE>(data);
  if (now == pm_state_) return false;
  pm_state_ = now;
  *state = now;
  return true;
}

bool DeviceFacts::descriptor_fetch(std::uint64_t addr, std::uint64_t bytes, unsigned* channel, unsigned* index) const {
  if (bytes != kDescriptorBytes) return false;
  for (unsigned c = 0; c < rings_.size(); ++c) {
    const Ring& ring = rings_[c];
    // Sizes outside 1..12 halt the channel: it fetches nothing.
    if (ring.log2 < 1 || ring.log2 > 12 || addr < ring.base) continue;
    const std::uint64_t slot = (addr - ring.base) / kDescriptorBytes;
    if (slot < (std::uint64_t{1} << ring.log2) && (addr - ring.base) % kDescriptorBytes == 0) {
      *channel = c;
      *index = static_cast<unsigned>(slot);
      return true;
    }
  }
  return false;
}

}  // namespace tandem
