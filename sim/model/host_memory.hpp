// Host memory as the device sees it over the bus: separate regions, each mapped in whole
// 4 KiB pages as an IOMMU maps them, with an unmapped page between neighbours, so an access
// past a region's pages answers an error instead of touching the next region.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace tandem {

// What the device's memory port reaches: 8-byte beats at 8-aligned addresses.
class MemoryBus {
 public:
  virtual ~MemoryBus() = default;
  // False (and nothing read or written) when the beat cannot be served.
  virtual bool read_beat(std::uint64_t addr, std::uint64_t* data) = 0;
  virtual bool write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) = 0;
};

class HostMemory : public MemoryBus {
 public:
  // Bus addresses start above 4 GiB so that 48-bit addressing is exercised.
  static constexpr std::uint64_t kFirstAddress = 0x1'0000'0000;
  static constexpr std::uint64_t kPage = 0x1000;

  // A new zeroed region of `size` bytes rounded up to whole pages; returns its bus address.
  std::uint64_t alloc(std::size_t size);
  // Returns false if no region starts at base.
  bool free(std::uint64_t base);
  // CPU pointer to the byte at a bus address, valid for `len` bytes; nullptr if unmapped.
  std::uint8_t* at(std::uint64_t addr, std::size_t len = 1);
  // The bus address of [cpu, cpu + len) if all of it lies in one region; 0 otherwise.
  std::uint64_t bus_of(const void* cpu, std::size_t len) const;

  // Whole accesses: false (and nothing done) if any byte is unmapped.
  bool read(std::uint64_t addr, void* out, std::size_t len);
  bool write(std::uint64_t addr, const void* in, std::size_t len);
  // One 8-byte bus beat at an 8-aligned address with byte strobes.
  bool read_beat(std::uint64_t addr, std::uint64_t* data) override;
  bool write_beat(std::uint64_t addr, std::uint64_t data, std::uint8_t strobes) override;

  std::size_t regions() const { return regions_.size(); }
  // A digest of every region's address and bytes (FNV-1a): equal memories, equal digests.
  std::uint64_t digest() const;

 private:
  std::map<std::uint64_t, std::vector<std::uint8_t>> regions_;  // by base address
  // The two regions the last lookups found, the most recent first: a copy reads one region
  // and writes another, beat by beat, so nearly every lookup finds its region here without
  // a search of the map. alloc() leaves them valid (a region's bytes never move); free()
  // forgets them.
  struct Found {
    std::uint64_t base = 0, size = 0;
    std::uint8_t* data = nullptr;
  };
  Found found_[2];
  std::uint64_t next_ = kFirstAddress;
};

}  // namespace tandem
