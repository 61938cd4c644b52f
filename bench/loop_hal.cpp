#include "loop_hal.hpp"

#include <cerrno>

namespace tandem {

void LoopHal::advance(std::uint64_t cycles) {
  const std::uint64_t end = h_.cycle() + cycles;
  while (h_.cycle() < end) h_.run(end - h_.cycle());
  h_.csr().completed().clear();
}

void LoopHal::begin_call() {
  advance(call_cycles_);
  take_interrupts();
}

std::uint32_t LoopHal::access(bool write, std::uint32_t offset, std::uint32_t value) {
  begin_call();
  CsrRequest req;
  req.write = write;
  req.addr = offset;
  req.data = value;
  h_.csr().submit(&req);
  while (!h_.csr().idle()) h_.run(1u << 16);
  h_.csr().completed().clear();
  return write ? 0 : req.data;
}

void LoopHal::take_interrupts() {
  // Level lines, lowest first, while interrupts are enabled; a line still high after its
  // handler is taken again, as the platform's interrupt controller does.
  while (irqs_enabled_ && !in_isr_) {
    auto it = handlers_.begin();
    while (it != handlers_.end() && (h_.irq_lines() >> it->first & 1) == 0) ++it;
    if (it == handlers_.end()) break;
    in_isr_ = true;
    irqs_enabled_ = false;
    it->second();
    irqs_enabled_ = true;
    in_isr_ = false;
    run_work();
  }
}

void LoopHal::run_work() {
  if (in_work_ || in_isr_) return;
  in_work_ = true;
  while (!work_.empty()) {
    auto w = std::move(work_.front());
    work_.pop_front();
    w();
  }
  in_work_ = false;
}

int LoopHal::dma_alloc(std::size_t size, tce::DmaRegion* out) {
  begin_call();
  out->bus = mem_.alloc(size);
  out->cpu = mem_.at(out->bus, size);
  out->size = size;
  return 0;
}

void LoopHal::dma_free(tce::DmaRegion& region) {
  begin_call();
  mem_.free(region.bus);
  region = tce::DmaRegion{};
}

int LoopHal::dma_map(void* cpu, std::size_t len, tce::DmaDir, std::uint64_t* bus) {
  begin_call();
  if (len == 0) return -EINVAL;
  *bus = mem_.bus_of(cpu, len);
  return *bus == 0 ? -EFAULT : 0;
}

tce::TimerId LoopHal::start_timer(std::uint64_t, std::function<void()>) {
  begin_call();
  return next_timer_++;
}

int LoopHal::request_irq(unsigned vector, tce::Trigger, IrqHandler handler) {
  begin_call();
  if (vector >= 4) return -EINVAL;
  if (handlers_.count(vector) != 0) return -EBUSY;
  handlers_[vector] = std::move(handler);
  return 0;
}

void LoopHal::free_irq(unsigned vector) {
  begin_call();
  handlers_.erase(vector);
}

tce::IrqState LoopHal::lock_irqsave(tce::SpinLock& lock) {
  begin_call();
  const tce::IrqState was = irqs_enabled_;
  irqs_enabled_ = false;
  lock.owner = 0;
  return was;
}

void LoopHal::unlock_irqrestore(tce::SpinLock& lock, tce::IrqState state) {
  begin_call();
  lock.owner = -1;
  irqs_enabled_ = state;
}

void LoopHal::schedule_work(std::function<void()> work) {
  begin_call();
  work_.push_back(std::move(work));
}

int LoopHal::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  begin_call();
  const std::uint64_t deadline = h_.cycle() + timeout_ns;
  for (;;) {
    run_work();
    if (done()) return 0;
    if (h_.cycle() >= deadline) return -ETIMEDOUT;
    bool pending = false;
    for (const auto& [line, handler] : handlers_) pending = pending || (h_.irq_lines() >> line & 1) != 0;
    if (!(irqs_enabled_ && pending)) {
      h_.run(deadline - h_.cycle());  // stops early when the interrupt line changes
      h_.csr().completed().clear();
    }
    take_interrupts();
  }
}

}  // namespace tandem
