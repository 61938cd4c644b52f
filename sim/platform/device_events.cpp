#include "device_events.hpp"

#include "platform.hpp"

namespace tandem {

void DeviceEvents::attach(unsigned device) {
  if (!platform_.harness(device).has_memory_port()) return;  // no bursts to publish
  platform_.harness(device).memory_port().on_burst = [this, device](bool write, std::uint64_t addr, std::uint64_t bytes,
                                                                    std::uint64_t at) {
    Event e = memory_access_event(EventKind::kMemBurst, device, write, addr, bytes);
    e.cycle = at;
    platform_.publish(e);
    unsigned channel = 0, index = 0;
    const DeviceExtension* ext = platform_.harness(device).extension();
    if (!write && platform_.events().wanted(EventKind::kDescFetch) && ext != nullptr &&
        ext->descriptor_fetch(addr, bytes, &channel, &index)) {
      e.kind = EventKind::kDescFetch;
      e.line = channel;
      e.data = index;
      platform_.publish(e);
    }
  };
  platform_.harness(device).memory_port().on_response =
      [this, device](bool write, std::uint64_t addr, std::uint64_t bytes, std::uint8_t resp, std::uint64_t at) {
        if (!platform_.events().wanted(EventKind::kMemResponse)) return;
        Event e = memory_access_event(EventKind::kMemResponse, device, write, addr, bytes);
        e.cycle = at;
        e.resp = resp;
        // The engine serves one descriptor at a time, from its fetch to its write-back's
        // response, so every burst answered now belongs to the channel it serves now.
        e.line = platform_.harness(device).dma_channel();
        platform_.publish(e);
      };
}

void DeviceEvents::csr_completed(Event e) {
  platform_.publish(e);
  unsigned state = 0;
  DeviceExtension* ext = platform_.harness(e.device).extension();
  if (e.resp == static_cast<std::uint8_t>(AxiResp::kOkay) && ext != nullptr &&
      ext->csr_access(e.write, static_cast<std::uint32_t>(e.addr), static_cast<std::uint32_t>(e.data), &state)) {
    Event pm{EventKind::kPowerState};
    pm.cpu = e.cpu;
    pm.device = e.device;
    pm.data = state;
    platform_.publish(pm);
  }
}

}  // namespace tandem
