#include "platform_hal.hpp"

#include "cpu.hpp"
#include "irq_routing.hpp"

namespace tandem {

SimCpu& PlatformHal::cpu() {
  return platform_.current_cpu();
}

std::uint32_t PlatformHal::read32(std::uint32_t offset) {
  return cpu().csr_read(device_, offset);
}
void PlatformHal::write32(std::uint32_t offset, std::uint32_t value) {
  cpu().csr_write(device_, offset, value);
}
void PlatformHal::wmb() {
  cpu().wmb();
}
void PlatformHal::rmb() {
  cpu().rmb();
}
int PlatformHal::dma_alloc(std::size_t size, tce::DmaRegion* out) {
  return cpu().dma_alloc(device_, size, out);
}
void PlatformHal::dma_free(tce::DmaRegion& region) {
  cpu().dma_free(device_, region);
}
// The store buffer drains by CPU, not by range: the whole of it.
void PlatformHal::dma_sync_for_device(const tce::DmaRegion& region, std::size_t, std::size_t) {
  cpu().dma_sync_for_device(region);
}
// Device writes reach the CPU's view at once: nothing to do for any range.
void PlatformHal::dma_sync_for_cpu(const tce::DmaRegion& region, std::size_t, std::size_t) {
  cpu().dma_sync_for_cpu(region);
}
int PlatformHal::dma_map(void* p, std::size_t len, tce::DmaDir dir, std::uint64_t* bus) {
  return cpu().dma_map(device_, p, len, dir, bus);
}
void PlatformHal::dma_unmap(std::uint64_t bus, std::size_t len, tce::DmaDir dir) {
  cpu().dma_unmap(device_, bus, len, dir);
}
int PlatformHal::request_irq(unsigned vector, tce::Trigger trigger, IrqHandler handler) {
  return cpu().request_line(platform_.irq().line_of(device_, vector), trigger, std::move(handler), device_);
}
void PlatformHal::free_irq(unsigned vector) {
  cpu().free_line(platform_.irq().line_of(device_, vector), device_);
}
tce::IrqState PlatformHal::lock_irqsave(tce::SpinLock& lock) {
  return cpu().lock_irqsave(lock);
}
void PlatformHal::unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state) {
  cpu().unlock_irqrestore(lock, state);
}
void PlatformHal::schedule_work(std::function<void()> work) {
  cpu().schedule_work(std::move(work));
}
tce::TimerId PlatformHal::start_timer(std::uint64_t delay_ns, std::function<void()> work) {
  return cpu().start_timer(device_, delay_ns, std::move(work));
}
void PlatformHal::cancel_timer(tce::TimerId timer) {
  cpu().cancel_timer(timer);
}
int PlatformHal::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  return cpu().wait_until(done, timeout_ns);
}
void PlatformHal::wake_all() {
  cpu().wake_all();
}
std::uint64_t PlatformHal::now_ns() {
  return cpu().now_ns();
}
void PlatformHal::log(tce::LogLevel level, const char* message) {
  cpu().log(level, message);
}

}  // namespace tandem
