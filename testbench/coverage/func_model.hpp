// Functional coverage of the hardware/software interface: the bins, and their counts.
// The register bins follow from the generated register description (rtl/tce_regs.toml via
// scripts/regtool.py), so a field added there brings its bins here without an edit.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tce_regs.hpp"

namespace tandem::cov {

// The groups, in report order.
inline constexpr const char* kRegister = "register";   // FIELD:read / FIELD:write the driver used
inline constexpr const char* kIrqCause = "irq_cause";  // an event seen by the driver, per interrupt mode
inline constexpr const char* kError = "error";         // an error code raised, and the channel recovered
inline constexpr const char* kPower = "power";         // power transitions
inline constexpr const char* kQuirk = "quirk";         // the driver's paths for each revision's errata

struct Bin {
  std::string group;
  std::string name;
  std::string key() const { return group + "/" + name; }
};

// Every bin of the model, grouped, in report order.
const std::vector<Bin>& all_bins();
const std::vector<std::string>& groups();

// The interrupt modes a cause is binned by, and the causes (IRQ_STATUS fields, channels folded).
const std::vector<std::string>& irq_modes();
const std::vector<std::string>& irq_causes();

// Whether a field of this access type is read (RW, RO, W1C, RC: WO and W1S read 0) or
// written (RW, W1C, W1S, WO: RO and RC answer SLVERR) by software that means it.
bool readable(tce::reg::Access access);
bool writable(tce::reg::Access access);

// Register bins: "REG.FIELD:read" / "REG.FIELD:write" (a field array's element as FIELD[i]).
std::string register_bin(const std::string& reg, const std::string& field, bool write);

// Hit counts by bin key ("group/name"); bins never hit are absent.
using Counts = std::map<std::string, std::uint64_t>;

// One "key count" a line. Returns false when the file cannot be written / read; reading a
// file that does not exist is not an error (a run that wrote none hit nothing).
bool write_counts(const std::string& path, const Counts& counts);
bool read_counts(const std::string& path, Counts* counts);
// Adds `from` into `into`.
void merge(Counts& into, const Counts& from);

}  // namespace tandem::cov
