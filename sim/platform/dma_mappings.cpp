#include "dma_mappings.hpp"

#include "platform.hpp"

namespace tandem {

namespace {
Event dma_event(EventKind kind, int cpu, unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir,
                const char* call) {
  Event e{kind};
  e.what = call;
  e.cpu = cpu;
  e.device = device;
  e.addr = bus;
  e.len = len;
  e.data = static_cast<std::uint64_t>(dir);
  return e;
}
}  // namespace

void DmaMappings::mapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir, const char* call) {
  iommu_.map(bus, len, dir, platform_.cycle());
  platform_.publish(dma_event(EventKind::kDmaMap, platform_.current_cpu_id(), device, bus, len, dir, call));
}

void DmaMappings::unmapped(unsigned device, std::uint64_t bus, std::size_t len, tce::DmaDir dir, const char* call) {
  (void)iommu_.unmap(bus, len, dir);  // one not mapped is the driver's bug: the dma_api checker reports it
  platform_.publish(dma_event(EventKind::kDmaUnmap, platform_.current_cpu_id(), device, bus, len, dir, call));
}

bool DmaMappings::allows(unsigned device, std::uint64_t addr, std::uint64_t bytes, bool write) {
  if (iommu_.allows(addr, bytes, write)) return true;
  const unsigned channel = platform_.harness(device).dma_channel();
  Event e = memory_access_event(EventKind::kDmaFault, device, write, addr, bytes);
  e.data = channel;
  platform_.publish(e);
  return false;
}

}  // namespace tandem
