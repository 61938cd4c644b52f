#include "dma_throughput.hpp"

namespace tandem {

DmaThroughput::DmaThroughput(Platform& platform)
    : requests_([&platform](std::uint64_t addr, void* out, std::size_t len) {
        return platform.memory().read(addr, out, len);
      }) {
  constexpr EventKinds kinds = kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kMemBurst) |
                               kind_bit(EventKind::kDescFetch) | kind_bit(EventKind::kPowerState) |
                               kind_bit(EventKind::kDeviceIrq) | kind_bit(EventKind::kRunEnd);
  subscription_ = platform.events().subscribe(
      [this](const Event& e) {
        requests_.settle();
        switch (e.kind) {
          case EventKind::kCsrAccess:
            if (e.write && e.resp == 0) {
              requests_.csr_write(e.device, static_cast<std::uint32_t>(e.addr), static_cast<std::uint32_t>(e.data),
                                  e.cycle);
            }
            break;
          case EventKind::kMemBurst:
            if (e.write) requests_.device_write(e.device, e.addr, e.len, e.cycle);
            break;
          case EventKind::kDescFetch:
            requests_.fetched(e.device, e.line, static_cast<unsigned>(e.data), e.addr, e.cycle);
            break;
          case EventKind::kPowerState:
            if (e.data != 0) requests_.reset_device(e.device);  // D3 loses every ring register
            break;
          default: break;
        }
      },
      kinds);
}

}  // namespace tandem
