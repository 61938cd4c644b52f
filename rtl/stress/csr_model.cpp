#include "csr_model.hpp"

#include <cstring>

namespace tandem::stress {

namespace r = tce::reg;

namespace {

bool named(const r::RegInfo* info, const char* name) {
  return std::strcmp(info->name, name) == 0;
}

bool power_domain(const r::RegInfo* info) {
  return named(info, "ID") || named(info, "VERSION") || named(info, "CAPS") || named(info, "PM_CTRL") ||
         named(info, "PM_STATUS");
}

bool read_only(const r::RegInfo* info) {
  return info->access == r::Access::RO || info->access == r::Access::RC;
}

}  // namespace

CsrModel::Kind CsrModel::decode(std::uint32_t addr, const r::RegInfo** info, unsigned* index) const {
  *info = r::find(addr, index);
  if (*info == nullptr) return Kind::kNone;
  if ((*info)->count == 1) return Kind::kReg;
  const bool channel = (*info)->offset >= r::CH_CTRL::offset(0);
  const unsigned have = channel ? v_.channels : v_.vectors;
  if (*index < have) return Kind::kReg;
  // Erratum E1: revision 1 decodes all four channel blocks.
  return channel && v_.revision == 1 ? Kind::kPhantom : Kind::kNone;
}

AxiResp CsrModel::write_resp(std::uint32_t addr, std::uint32_t data, std::uint8_t strobes) const {
  const r::RegInfo* info = nullptr;
  unsigned i = 0;
  const Kind k = decode(addr, &info, &i);
  if (k == Kind::kNone) return AxiResp::kDecErr;
  if (strobes != 0xF) return AxiResp::kSlvErr;
  if (d3_ && !power_domain(info)) return AxiResp::kSlvErr;
  if (k == Kind::kPhantom) return AxiResp::kOkay;  // E1: silent, read-only ones included
  if (read_only(info)) return AxiResp::kSlvErr;
  if (named(info, "PM_CTRL") && ((data & 3) == 1 || (data & 3) == 2)) return AxiResp::kSlvErr;
  if (named(info, "RING_TAIL")) {
    const std::uint32_t log2 = ch_[i].size;
    const std::uint32_t max = (log2 == 0 || log2 > 12) ? 0xFFF : (1u << log2) - 1;
    if ((data & 0xFFF) > max || (data >> 12) != 0) return AxiResp::kSlvErr;
  }
  return AxiResp::kOkay;
}

void CsrModel::apply_write(std::uint32_t addr, std::uint32_t data, std::uint8_t strobes) {
  if (write_resp(addr, data, strobes) != AxiResp::kOkay) return;
  const r::RegInfo* info = nullptr;
  unsigned i = 0;
  if (decode(addr, &info, &i) != Kind::kReg) return;
  const std::uint32_t v = data & info->write_mask;
  if (named(info, "SCRATCH")) scratch_ = v;
  if (named(info, "CTRL")) {
    if ((v & r::CTRL::SOFT_RESET::kMask) != 0) {
      reset_context();
    } else {
      ctrl_ = v;
    }
  }
  if (named(info, "PM_CTRL") && !waking_) pm_req_ = v;
  if (named(info, "IRQ_ENABLE")) irq_enable_ = v;
  if (named(info, "IRQ_VEC_MAP")) vec_map_ = v;
  if (named(info, "IRQ_MODE")) mode_ = v;
  if (named(info, "IRQ_COALESCE")) coalesce_[i] = v;
  if (named(info, "CH_CTRL")) {
    ch_[i].run = v & r::CH_CTRL::RUN::kMask;
    if ((v & r::CH_CTRL::RESET::kMask) != 0) ch_[i].tail = 0;
  }
  if (named(info, "RING_BASE_LO")) ch_[i].base_lo = v;
  if (named(info, "RING_BASE_HI")) ch_[i].base_hi = v;
  if (named(info, "RING_SIZE_LOG2")) ch_[i].size = v;
  if (named(info, "RING_TAIL")) ch_[i].tail = v;
}

CsrModel::Read CsrModel::read(std::uint32_t addr) const {
  const r::RegInfo* info = nullptr;
  unsigned i = 0;
  const Kind k = decode(addr, &info, &i);
  if (k == Kind::kNone) return {AxiResp::kDecErr, 0};
  if (d3_ && !power_domain(info)) return {AxiResp::kSlvErr, 0xFFFFFFFF};
  if (k == Kind::kPhantom) return {AxiResp::kOkay, 0};
  std::optional<std::uint32_t> value;
  if (named(info, "ID")) value = r::ID::kReset;
  if (named(info, "VERSION")) value = v_.revision;
  if (named(info, "CAPS")) {
    value = r::CAPS::kReset | r::put<r::CAPS::CHANNELS>(v_.revision == 1 ? 4 : v_.channels) |
            r::put<r::CAPS::VECTORS>(v_.vectors);
  }
  if (named(info, "SCRATCH")) value = scratch_;
  if (named(info, "CTRL")) value = ctrl_;
  if (named(info, "PM_CTRL")) value = pm_req_;
  if (named(info, "IRQ_ENABLE")) value = irq_enable_;
  if (named(info, "IRQ_TEST")) value = 0;  // write-only
  if (named(info, "IRQ_VEC_MAP")) value = vec_map_;
  if (named(info, "IRQ_MODE")) value = mode_;
  if (named(info, "IRQ_COALESCE")) value = coalesce_[i];
  if (named(info, "CH_CTRL")) value = ch_[i].run;
  if (named(info, "RING_BASE_LO")) value = ch_[i].base_lo;
  if (named(info, "RING_BASE_HI")) value = ch_[i].base_hi;
  if (named(info, "RING_SIZE_LOG2")) value = ch_[i].size;
  if (named(info, "RING_TAIL")) value = ch_[i].tail;
  return {AxiResp::kOkay, value};
}

void CsrModel::reset_context() {
  scratch_ = ctrl_ = irq_enable_ = vec_map_ = mode_ = 0;
  for (auto& c : coalesce_) c = 0;
  for (auto& c : ch_) c = Channel{};
}

}  // namespace tandem::stress
