#include "power_contract.hpp"

#include <fmt/core.h>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

namespace {

// Registers that keep working in every power state.
bool always_accessible(std::uint32_t offset) {
  return offset == r::ID::kOffset || offset == r::VERSION::kOffset || offset == r::CAPS::kOffset ||
         offset == r::PM_CTRL::kOffset || offset == r::PM_STATUS::kOffset;
}

// The context D3 loses and software must restore (spec section 7): the bits of it that
// software can write and read back (W1S and self-clearing bits are actions, not state).
std::uint32_t context_mask(std::uint32_t offset) {
  unsigned index = 0;
  const r::RegInfo* info = r::find(offset, &index);
  if (info == nullptr) return 0;
  const std::uint32_t o = info->offset;
  const bool context = o == r::CTRL::kOffset || o == r::IRQ_ENABLE::kOffset || o == r::IRQ_VEC_MAP::kOffset ||
                       o == r::IRQ_MODE::kOffset || o == r::IRQ_COALESCE::offset(0) ||
                       o == r::RING_BASE_LO::offset(0) || o == r::RING_BASE_HI::offset(0) ||
                       o == r::RING_SIZE_LOG2::offset(0);
  if (!context) return 0;
  std::uint32_t mask = 0;
  for (std::size_t f = 0; f < info->field_count; ++f) {
    const r::FieldInfo& field = info->fields[f];
    if (field.access == r::Access::RW) mask |= ((std::uint64_t{1} << field.width) - 1) << field.lsb;
  }
  return mask;
}

// "RING_BASE_LO (0x148)": the name, and the offset that tells the array's instance.
std::string reg_name(std::uint32_t offset) {
  const r::RegInfo* info = r::find(offset);
  return fmt::format("{} (0x{:03x})", info != nullptr ? info->name : "no register", offset);
}

}  // namespace

void PowerContract::csr_access(const Event& e) {
  Device& d = devices_[e.device];
  const auto offset = static_cast<std::uint32_t>(e.addr);
  const auto value = static_cast<std::uint32_t>(e.data);
  if (d.state != State::kD0 && !always_accessible(offset)) {
    if (!d.reported) {
      static const char* const kStates[] = {"D0", "asked for D3", "D3", "waking from D3"};
      report_(fmt::format(
          "cpu{} {} {} of device {} while the device is {}: only ID, VERSION, CAPS, PM_CTRL and "
          "PM_STATUS may be accessed",
          e.cpu, e.write ? "writes" : "reads", reg_name(offset), e.device, kStates[static_cast<int>(d.state)]));
    }
    d.reported = true;
    return;
  }
  if (e.resp != 0) return;  // refused: it changed nothing
  if (offset == r::PM_STATUS::kOffset && !e.write) {
    const bool d3 = r::get<r::PM_STATUS::STATE>(value) == static_cast<std::uint32_t>(r::PmState::kD3);
    if (d3 && (d.state == State::kD0 || d.state == State::kD3Requested)) {
      if (d.resumed) judge_context(e.device, d, "when D3 was entered again");
      d.state = State::kD3;
      d.reported = false;
      d.before_d3.clear();
      for (const auto& [reg, held] : d.written) {
        if (held != 0) d.before_d3[reg] = held;  // 0 is every context register's reset value
      }
      d.written.clear();
      d.restored.clear();
      d.resumed = false;
    } else if (!d3 && r::get<r::PM_STATUS::TRANSITION_BUSY>(value) == 0 && d.state != State::kD0) {
      d.resumed = d.state != State::kD3Requested;  // a refused D3 lost nothing
      d.state = State::kD0;
    }
    return;
  }
  if (!e.write) return;
  if (offset == r::PM_CTRL::kOffset) {
    const bool d3 = r::get<r::PM_CTRL::STATE>(value) == static_cast<std::uint32_t>(r::PmState::kD3);
    if (d3 && d.state == State::kD0) d.state = State::kD3Requested;
    if (!d3 && d.state == State::kD3) d.state = State::kWaking;
    return;
  }
  if (offset == r::CTRL::kOffset && r::get<r::CTRL::SOFT_RESET>(value) != 0) {
    d.written.clear();  // a new start: nothing left to restore
    d.resumed = false;
    return;
  }
  if (const std::uint32_t mask = context_mask(offset); mask != 0) {
    d.written[offset] = value & mask;
    auto it = d.before_d3.find(offset);
    if (d.resumed && it != d.before_d3.end() && it->second == (value & mask)) d.restored[offset] = value & mask;
    return;
  }
  unsigned index = 0;
  const r::RegInfo* info = r::find(offset, &index);
  if (d.resumed && info != nullptr && info->offset == r::RING_TAIL::offset(0)) {
    judge_context(e.device, d, "at the first RING_TAIL doorbell after resume");
  }
}

void PowerContract::judge_context(unsigned device, Device& d, const char* when) {
  d.resumed = false;
  for (const auto& [reg, held] : d.before_d3) {
    auto now = d.written.find(reg);
    const std::uint32_t value = now == d.written.end() ? 0 : now->second;
    if (value == held) continue;
    report_(fmt::format("{} of device {} held 0x{:x} before D3 but 0x{:x} {}: the driver did not restore it",
                        reg_name(reg), device, held, value, when));
  }
}

void PowerContract::end_of_run() {
  for (auto& [device, d] : devices_) {
    if (!d.resumed) continue;
    d.written = d.restored;  // what was written back at some point after resume
    judge_context(device, d, "by the end of the run");
  }
}

}  // namespace tandem
