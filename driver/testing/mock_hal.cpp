#include "mock_hal.hpp"

#include <cerrno>
#include <cstdio>

#include "tce_regs.hpp"

namespace tce::testing {

std::string MockHal::describe(bool write, std::uint32_t offset, std::uint32_t value) const {
  unsigned index = 0;
  const reg::RegInfo* info = reg::find(offset, &index);
  std::string name = info == nullptr ? "?" : info->name;
  if (info != nullptr && info->count > 1) name += "[" + std::to_string(index) + "]";
  char text[96];
  std::snprintf(text, sizeof text, "%s %s (0x%03x) = 0x%08x", write ? "write" : "read", name.c_str(),
                static_cast<unsigned>(offset), static_cast<unsigned>(value));
  return text;
}

void MockHal::expect_read(std::uint32_t offset, std::uint32_t value) {
  expected_.push_back({false, offset, value});
}

void MockHal::expect_write(std::uint32_t offset, std::uint32_t value) {
  expected_.push_back({true, offset, value});
}

std::vector<std::string> MockHal::problems() const {
  std::vector<std::string> all = problems_;
  for (const Access& a : expected_) all.push_back("expected but not done: " + describe(a.write, a.offset, a.value));
  return all;
}

std::uint32_t MockHal::read32(std::uint32_t offset) {
  if (expected_.empty() || expected_.front().write || expected_.front().offset != offset) {
    problems_.push_back("unexpected " + describe(false, offset, 0) +
                        (expected_.empty() ? ""
                                           : "; expected " + describe(expected_.front().write, expected_.front().offset,
                                                                      expected_.front().value)));
    return 0;
  }
  const std::uint32_t value = expected_.front().value;
  expected_.pop_front();
  return value;
}

void MockHal::write32(std::uint32_t offset, std::uint32_t value) {
  if (expected_.empty() || !expected_.front().write || expected_.front().offset != offset ||
      expected_.front().value != value) {
    problems_.push_back("unexpected " + describe(true, offset, value) +
                        (expected_.empty() ? ""
                                           : "; expected " + describe(expected_.front().write, expected_.front().offset,
                                                                      expected_.front().value)));
    return;
  }
  expected_.pop_front();
}

int MockHal::dma_alloc(std::size_t size, DmaRegion* out) {
  if (dma_alloc_rc != 0) return dma_alloc_rc;
  auto memory = std::make_unique<unsigned char[]>(size);
  out->cpu = memory.get();
  out->bus = next_bus_;
  out->size = size;
  regions_[next_bus_] = std::move(memory);
  next_bus_ += (size + 0xFFF) & ~std::uint64_t{0xFFF};
  return 0;
}

unsigned char* MockHal::cpu_of(std::uint64_t bus) const {
  auto it = regions_.find(bus);
  return it == regions_.end() ? nullptr : it->second.get();
}

void MockHal::dma_free(DmaRegion& region) {
  if (regions_.erase(region.bus) == 0) problems_.push_back("dma_free of a region not allocated");
  region = DmaRegion{};
}

int MockHal::request_irq(unsigned vector, Trigger, IrqHandler handler) {
  if (request_irq_rc != 0) return request_irq_rc;
  if (handlers_.count(vector) != 0) return -EBUSY;
  handlers_[vector] = std::move(handler);
  return 0;
}

void MockHal::free_irq(unsigned vector) {
  if (handlers_.erase(vector) == 0) problems_.push_back("free_irq of a vector not requested");
}

IrqState MockHal::lock_irqsave(SpinLock& lock) {
  if (lock.owner != -1) problems_.push_back("spinlock taken twice (deadlock on real hardware)");
  lock.owner = 0;
  const IrqState was = irqs_enabled_;
  irqs_enabled_ = false;
  return was;
}

void MockHal::unlock_irqrestore(SpinLock& lock, IrqState state) {
  if (lock.owner != 0) problems_.push_back("spinlock released while not held");
  lock.owner = -1;
  irqs_enabled_ = state;
}

int MockHal::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  // Polls once per simulated microsecond; a test scripts the reads each poll makes.
  const std::uint64_t deadline = now_ns_ + timeout_ns;
  for (;;) {
    if (done()) return 0;
    if (now_ns_ >= deadline) return -ETIMEDOUT;
    now_ns_ += 1000;
  }
}

IrqReturn MockHal::fire_irq(unsigned vector) {
  auto it = handlers_.find(vector);
  if (it == handlers_.end()) {
    problems_.push_back("interrupt on vector " + std::to_string(vector) + " with no handler");
    return IrqReturn::kNone;
  }
  const bool was = irqs_enabled_;
  irqs_enabled_ = false;
  const IrqReturn ret = it->second();
  irqs_enabled_ = was;
  return ret;
}

void MockHal::run_work() {
  std::vector<std::function<void()>> work;
  work.swap(work_);
  for (auto& w : work) w();
}

void MockHal::log(LogLevel, const char* message) {
  log_lines.emplace_back(message);
}

}  // namespace tce::testing
