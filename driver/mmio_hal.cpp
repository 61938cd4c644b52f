#include "mmio_hal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace tce {
namespace {

int map_file(const std::string& path, std::uint64_t offset, std::size_t size, int* fd, void** base) {
  *fd = ::open(path.c_str(), O_RDWR | O_SYNC | O_CLOEXEC);
  if (*fd < 0) return -errno;
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, static_cast<off_t>(offset));
  if (p == MAP_FAILED) {
    const int rc = -errno;
    ::close(*fd);
    *fd = -1;
    return rc;
  }
  *base = p;
  return 0;
}

}  // namespace

int MmioHal::open(const MmioConfig& config, std::unique_ptr<MmioHal>* out) {
  std::unique_ptr<MmioHal> hal(new MmioHal());
  hal->config_ = config;
  void* base = nullptr;
  if (int rc = map_file(config.csr_path, config.csr_offset, config.csr_size, &hal->csr_fd_, &base); rc != 0) {
    std::fprintf(stderr, "tce mmio: cannot map the CSR window of %s: %s\n", config.csr_path.c_str(),
                 std::strerror(-rc));
    return rc;
  }
  hal->csr_ = static_cast<volatile std::uint32_t*>(base);
  if (config.dma_size != 0) {
    if (int rc = map_file(config.dma_path, config.dma_offset, config.dma_size, &hal->dma_fd_, &base); rc != 0) {
      std::fprintf(stderr, "tce mmio: cannot map the DMA pool of %s: %s\n", config.dma_path.c_str(),
                   std::strerror(-rc));
      return rc;  // the destructor unmaps the CSR window
    }
    hal->dma_ = static_cast<unsigned char*>(base);
  }
  *out = std::move(hal);
  return 0;
}

MmioHal::~MmioHal() {
  if (csr_ != nullptr) ::munmap(const_cast<std::uint32_t*>(csr_), config_.csr_size);
  if (dma_ != nullptr) ::munmap(dma_, config_.dma_size);
  if (csr_fd_ >= 0) ::close(csr_fd_);
  if (dma_fd_ >= 0) ::close(dma_fd_);
}

std::uint32_t MmioHal::read32(std::uint32_t offset) {
  if (offset % 4 != 0 || offset + 4 > config_.csr_size) {
    log(LogLevel::kError, "read32 outside the CSR window: reads all ones");
    return 0xFFFFFFFFu;
  }
  return csr_[offset / 4];
}

void MmioHal::write32(std::uint32_t offset, std::uint32_t value) {
  if (offset % 4 != 0 || offset + 4 > config_.csr_size) {
    log(LogLevel::kError, "write32 outside the CSR window: ignored");
    return;
  }
  csr_[offset / 4] = value;
}

// Memory writes before the fence reach memory before any later store, including the
// device register store of a doorbell.
void MmioHal::wmb() {
  std::atomic_thread_fence(std::memory_order_seq_cst);
}
void MmioHal::rmb() {
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

int MmioHal::dma_alloc(std::size_t size, DmaRegion* out) {
  if (size == 0) return -EINVAL;
  // First fit, 64-byte aligned (the device's ring alignment).
  const std::size_t need = (size + 63) & ~std::size_t{63};
  std::size_t at = 0;
  for (const auto& [off, len] : allocs_) {
    if (off - at >= need) break;
    at = (off + len + 63) & ~std::size_t{63};
  }
  if (at + need > config_.dma_size) return -ENOMEM;
  allocs_[at] = need;
  out->cpu = dma_ + at;
  out->bus = config_.dma_bus + at;
  out->size = size;
  return 0;
}

void MmioHal::dma_free(DmaRegion& region) {
  if (region.cpu != nullptr) allocs_.erase(static_cast<std::size_t>(static_cast<unsigned char*>(region.cpu) - dma_));
  region = DmaRegion{};
}

int MmioHal::dma_map(void* cpu, std::size_t len, DmaDir, std::uint64_t* bus) {
  if (len == 0) return -EINVAL;
  const auto* p = static_cast<unsigned char*>(cpu);
  if (dma_ == nullptr || p < dma_ || p + len > dma_ + config_.dma_size) return -EFAULT;  // no IOMMU
  *bus = config_.dma_bus + static_cast<std::uint64_t>(p - dma_);
  ++mappings_;
  return 0;
}

void MmioHal::dma_unmap(std::uint64_t, std::size_t, DmaDir) {
  --mappings_;
}

int MmioHal::request_irq(unsigned vector, Trigger, IrqHandler handler) {
  if (vector != 0 || config_.irq_fd < 0) return -EINVAL;  // UIO gives one interrupt
  if (handler_) return -EBUSY;
  handler_ = std::move(handler);
  const std::uint32_t unmask = 1;
  if (::write(config_.irq_fd, &unmask, sizeof unmask) != sizeof unmask) return -EIO;
  return 0;
}

void MmioHal::free_irq(unsigned) {
  handler_ = nullptr;
}

IrqState MmioHal::lock_irqsave(SpinLock& lock) {
  mutex_.lock();
  lock.owner = 0;
  return true;
}

void MmioHal::unlock_irqrestore(SpinLock& lock, IrqState) {
  lock.owner = -1;
  mutex_.unlock();
}

void MmioHal::schedule_work(std::function<void()> work) {
  work_.push_back(std::move(work));
}

TimerId MmioHal::start_timer(std::uint64_t delay_ns, std::function<void()> work) {
  return timers_.start(now_ns() + delay_ns, std::move(work));
}

void MmioHal::cancel_timer(TimerId timer) {
  timers_.cancel(timer);
}

std::uint64_t MmioHal::now_ns() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

void MmioHal::run_pending() {
  const std::uint64_t now = now_ns();
  while (auto timer = timers_.take_due(now)) work_.push_back(std::move(timer->work));
  while (!work_.empty()) {
    auto w = std::move(work_.front());
    work_.pop_front();
    w();
  }
}

void MmioHal::take_interrupt() {
  std::uint32_t count = 0;
  if (::read(config_.irq_fd, &count, sizeof count) != sizeof count) return;
  if (handler_) handler_();
  const std::uint32_t unmask = 1;
  (void)::write(config_.irq_fd, &unmask, sizeof unmask);
}

int MmioHal::wait_until(const std::function<bool()>& done, std::uint64_t timeout_ns) {
  const std::uint64_t deadline = now_ns() + timeout_ns;
  for (;;) {
    run_pending();
    if (done()) return 0;
    const std::uint64_t now = now_ns();
    if (now >= deadline) return -ETIMEDOUT;
    const std::uint64_t wake = timers_.next_due(deadline);
    const int ms = static_cast<int>(std::min<std::uint64_t>((wake > now ? wake - now : 0) / 1'000'000 + 1, 100));
    if (config_.irq_fd >= 0 && handler_) {
      pollfd p{config_.irq_fd, POLLIN, 0};
      if (::poll(&p, 1, ms) > 0 && (p.revents & POLLIN)) take_interrupt();
    } else {
      ::usleep(static_cast<useconds_t>(std::min(ms * 1000, 1000)));
    }
  }
}

void MmioHal::log(LogLevel level, const char* message) {
  static const char* const kLevels[] = {"debug", "info", "warn", "error"};
  std::fprintf(stderr, "tce %s: %s\n", kLevels[static_cast<int>(level)], message);
}

}  // namespace tce
