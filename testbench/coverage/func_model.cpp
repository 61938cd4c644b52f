#include "func_model.hpp"

#include <fstream>
#include <sstream>

#include "tce_regs.hpp"

namespace tandem::cov {

namespace r = tce::reg;

bool readable(r::Access a) {
  return a == r::Access::RW || a == r::Access::RO || a == r::Access::W1C || a == r::Access::RC;
}
bool writable(r::Access a) {
  return a == r::Access::RW || a == r::Access::W1C || a == r::Access::W1S || a == r::Access::WO;
}

namespace {

std::vector<Bin> make_bins() {
  std::vector<Bin> bins;
  // Every field element the register description has, with each access its type allows.
  for (const r::RegInfo& reg : r::kRegisters) {
    for (std::size_t f = 0; f < reg.field_count; ++f) {
      const r::FieldInfo& field = reg.fields[f];
      if (readable(field.access)) bins.push_back({kRegister, register_bin(reg.name, field.name, false)});
      if (writable(field.access)) bins.push_back({kRegister, register_bin(reg.name, field.name, true)});
    }
  }
  for (const std::string& cause : irq_causes()) {
    for (const std::string& mode : irq_modes()) bins.push_back({kIrqCause, cause + ":" + mode});
  }
  // Every error code of the description's err_code enumeration but NONE.
  for (std::uint32_t v = 1; v < 16; ++v) {
    const std::string name = r::to_string(static_cast<r::ErrCode>(v));
    if (name == "?") continue;
    bins.push_back({kError, name + ":raised"});
    bins.push_back({kError, name + ":recovered"});
  }
  // Every change between two power states of the pm_state enumeration, and a refused D3.
  std::vector<std::string> states;
  for (std::uint32_t v = 0; v < 4; ++v) {
    const std::string name = r::to_string(static_cast<r::PmState>(v));
    if (name != "?") states.push_back(name);
  }
  for (const std::string& from : states) {
    for (const std::string& to : states) {
      if (from != to) bins.push_back({kPower, from + "->" + to});
    }
  }
  bins.push_back({kPower, "D3_refused"});
  // driver/quirks.cpp: an entry per revision, and the paths errata E1 and E2 take.
  for (const char* q : {"rev1_errata", "rev2_no_quirks", "other_revision", "E1_channels_by_readback",
                        "E1_missing_channel", "E2_timer_left_off", "E2_flush_timer"}) {
    bins.push_back({kQuirk, q});
  }
  return bins;
}

}  // namespace

const std::vector<Bin>& all_bins() {
  static const std::vector<Bin> bins = make_bins();
  return bins;
}

const std::vector<std::string>& groups() {
  static const std::vector<std::string> g = {kRegister, kIrqCause, kError, kPower, kQuirk};
  return g;
}

const std::vector<std::string>& irq_modes() {
  static const std::vector<std::string> m = {"level", "pulse", "rc", "polling", "coalesced"};
  return m;
}

const std::vector<std::string>& irq_causes() {
  static const std::vector<std::string> c = {"CH_DONE", "CH_ERR", "PM_DONE"};
  return c;
}

std::string register_bin(const std::string& reg, const std::string& field, bool write) {
  return reg + "." + field + (write ? ":write" : ":read");
}

bool write_counts(const std::string& path, const Counts& counts) {
  std::ofstream out(path);
  for (const auto& [key, n] : counts) out << key << ' ' << n << '\n';
  return static_cast<bool>(out);
}

bool read_counts(const std::string& path, Counts* counts) {
  std::ifstream in(path);
  if (!in) return true;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    std::uint64_t n = 0;
    if (!(fields >> key >> n)) return false;
    (*counts)[key] += n;
  }
  return true;
}

void merge(Counts& into, const Counts& from) {
  for (const auto& [key, n] : from) into[key] += n;
}

}  // namespace tandem::cov
