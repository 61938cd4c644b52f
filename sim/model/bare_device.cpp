#include "bare_device.hpp"

#include <cstring>

#include "tce_regs.hpp"

namespace tandem {

namespace r = tce::reg;

BareDevice::BareDevice(const HarnessConfig& config) : harness_(memory_, config) {
  harness_.run(harness_.reset_cycles());
}

void BareDevice::issue(std::initializer_list<CsrRequest*> requests) {
  for (CsrRequest* q : requests) harness_.csr().submit(q);
  while (!harness_.csr().idle()) harness_.run(1);  // the master times out: bounded
  harness_.csr().completed().clear();
}

AxiResp BareDevice::read(std::uint32_t addr, std::uint32_t* value) {
  CsrRequest q;
  q.addr = addr;
  issue({&q});
  *value = q.data;
  return q.resp;
}

std::uint32_t BareDevice::read(std::uint32_t addr) {
  std::uint32_t v = 0;
  return read(addr, &v) == AxiResp::kOkay ? v : 0xDEADBEEF;
}

AxiResp BareDevice::write(std::uint32_t addr, std::uint32_t value, std::uint8_t strobes) {
  CsrRequest q;
  q.write = true;
  q.addr = addr;
  q.data = value;
  q.strobes = strobes;
  issue({&q});
  return q.resp;
}

std::uint64_t BareDevice::setup_ring(unsigned c, unsigned log2) {
  const std::uint64_t bus = memory_.alloc((std::size_t{1} << log2) * r::desc::kBytes);
  rings_[c] = bus;
  write(r::RING_BASE_LO::offset(c), static_cast<std::uint32_t>(bus));
  write(r::RING_BASE_HI::offset(c), static_cast<std::uint32_t>(bus >> 32));
  write(r::RING_SIZE_LOG2::offset(c), log2);
  write(r::CTRL::kOffset, r::CTRL::ENABLE::kMask | r::CTRL::BUS_MASTER::kMask);
  write(r::CH_CTRL::offset(c), r::CH_CTRL::RUN::kMask);
  return bus;
}

void BareDevice::put(unsigned c, unsigned slot, const Descriptor& d) {
  std::uint8_t* p = memory_.at(rings_[c] + std::uint64_t{slot} * r::desc::kBytes, r::desc::kBytes);
  std::memcpy(p + r::desc::kSrcOffset, &d.src, 8);
  std::memcpy(p + r::desc::kDstOffset, &d.dst, 8);
  std::memcpy(p + r::desc::kLenOffset, &d.len, 4);
  std::memcpy(p + r::desc::kCtrlOffset, &d.ctrl, 4);
  std::memset(p + r::desc::kStatusOffset, 0, 8);
}

Descriptor BareDevice::get(unsigned c, unsigned slot) {
  return decode_descriptor(memory_.at(rings_[c] + std::uint64_t{slot} * r::desc::kBytes, r::desc::kBytes));
}

void BareDevice::doorbell(unsigned c, unsigned tail) {
  write(r::RING_TAIL::offset(c), tail);
}

bool BareDevice::run_until(const std::function<bool()>& done, std::uint64_t bound) {
  for (std::uint64_t i = 0; i < bound; ++i) {
    if (done()) return true;
    harness_.run(1);
  }
  return done();
}

bool BareDevice::wait_descriptor(unsigned c, unsigned slot, std::uint64_t bound) {
  return run_until(
      [&] {
        const std::uint32_t st = get(c, slot).status;
        return (st & (r::desc::STATUS::DONE::kMask | r::desc::STATUS::ERR::kMask)) != 0;
      },
      bound);
}

}  // namespace tandem
