#include "mock_hal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
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

void MockHal::expect_read(std::uint32_t offset, std::uint32_t value, std::function<void()> then) {
  expected_.push_back({false, offset, value, std::move(then)});
}

void MockHal::expect_write(std::uint32_t offset, std::uint32_t value) {
  expected_.push_back({true, offset, value, {}});
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
  auto then = std::move(expected_.front().then);
  expected_.pop_front();
  if (then) then();
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
  if (dma_alloc_rc != 0 && allocs_++ >= dma_alloc_fails_after) return dma_alloc_rc;
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
  if (regions_.erase(region.bus) == 0) problems_.emplace_back("dma_free of a region not allocated");
  region = DmaRegion{};
}

unsigned char* MockHal::alloc_buffer(std::size_t size) {
  buffers_.push_back(std::make_unique<unsigned char[]>(size));
  buffer_spans_.emplace_back(buffers_.back().get(), size);
  return buffers_.back().get();
}

int MockHal::dma_map(void* cpu, std::size_t len, DmaDir dir, std::uint64_t* bus) {
  if (len == 0) return -EINVAL;
  const auto addr = reinterpret_cast<std::uintptr_t>(cpu);
  if (len - 1 > UINTPTR_MAX - addr) {
    log_lines.emplace_back("dma_map: the buffer's end wraps the address space");
    return -EFAULT;
  }
  for (std::size_t i = 0; i < buffer_spans_.size(); ++i) {
    const auto begin = reinterpret_cast<std::uintptr_t>(buffer_spans_[i].first);
    const std::size_t size = buffer_spans_[i].second;
    // Offsets, not pointer sums: no pointer is ever formed past the buffer.
    if (addr >= begin && addr - begin <= size && len <= size - (addr - begin)) {
      // Bus addresses of buffer i live in their own 16 MiB window, at the same offset.
      *bus = 0x8000'0000ull + (std::uint64_t{i} << 24) + (addr - begin);
      mappings_.insert({*bus, {len, dir}});
      return 0;
    }
  }
  return -EFAULT;
}

// The same bytes may be mapped more than once (an in-place copy maps its buffer for
// reading and for writing): an unmap releases the one mapping it names.
void MockHal::dma_unmap(std::uint64_t bus, std::size_t len, DmaDir dir) {
  auto [first, last] = mappings_.equal_range(bus);
  auto it = std::find_if(first, last, [&](const auto& m) { return m.second == std::make_pair(len, dir); });
  if (it == last) {
    problems_.emplace_back("dma_unmap of a mapping that does not exist");
    return;
  }
  mappings_.erase(it);
}

TimerId MockHal::start_timer(std::uint64_t delay_ns, std::function<void()> work) {
  return timers_.start(now_ns_ + delay_ns, std::move(work));
}

void MockHal::advance_time(std::uint64_t ns) {
  const std::uint64_t end = now_ns_ + ns;
  while (auto timer = timers_.take_due(end)) {
    now_ns_ = std::max(now_ns_, timer->due_ns);
    timer->work();
  }
  now_ns_ = end;
}

int MockHal::request_irq(unsigned vector, Trigger trigger, IrqHandler handler) {
  if (request_irq_rc != 0 && vector >= request_irq_fails_from) return request_irq_rc;
  if (handlers_.count(vector) != 0) return -EBUSY;
  handlers_[vector] = std::move(handler);
  triggers_[vector] = trigger;
  return 0;
}

void MockHal::free_irq(unsigned vector) {
  if (handlers_.erase(vector) == 0) problems_.emplace_back("free_irq of a vector not requested");
}

IrqState MockHal::lock_irqsave(SpinLock& lock) {
  if (lock.owner != -1) problems_.emplace_back("spinlock taken twice (deadlock on real hardware)");
  lock.owner = 0;
  const IrqState was = irqs_enabled_;
  irqs_enabled_ = false;
  return was;
}

void MockHal::unlock_irqrestore(SpinLock& lock, IrqState state) {
  if (lock.owner != 0) problems_.emplace_back("spinlock released while not held");
  lock.owner = -1;
  irqs_enabled_ = state;
}

int MockHal::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  // Polls once per simulated microsecond; a test scripts the reads each poll makes.
  const std::uint64_t deadline = timeout_ns > UINT64_MAX - now_ns_ ? UINT64_MAX : now_ns_ + timeout_ns;  // saturates
  for (;;) {
    if (done()) return 0;
    if (now_ns_ >= deadline) return -ETIMEDOUT;
    advance_time(1000);
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
