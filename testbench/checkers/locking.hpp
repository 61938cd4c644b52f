// locking: a spinlock taken by the CPU that holds it, released by one that does not, held
// so long that the platform had to break the deadlock, or a wait with interrupts disabled
// (a lock held across a wait never sees the interrupt it waits for).
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <map>

#include "checker.hpp"
#include "checker_names.hpp"

namespace tandem {

class LockingChecker : public Checker {
 public:
  explicit LockingChecker(Platform& p) : Checker(checker::kLocking, p) {
    on(kind_bit(EventKind::kLock) | kind_bit(EventKind::kUnlock) | kind_bit(EventKind::kWait),
       [this](const Event& e) { judge(e); });
  }

 private:
  void judge(const Event& e) {
    if (e.kind == EventKind::kWait) {
      if (!e.level) fail(fmt::format("cpu{} waits with interrupts disabled (a lock held across a wait?)", e.cpu));
      return;
    }
    auto it = holder_.find(e.addr);
    const bool mine = it != holder_.end() && it->second == e.cpu;
    if (e.kind == EventKind::kUnlock) {
      if (!mine) fail(fmt::format("cpu{} releases a spinlock it does not hold", e.cpu));
      if (it != holder_.end()) holder_.erase(it);
      return;
    }
    if (e.level) {
      fail(fmt::format("cpu{} spun {} cycles on a lock held by cpu{}", e.cpu, e.data, e.line));
    } else if (mine) {
      fail(fmt::format("cpu{} takes a spinlock it already holds", e.cpu));
    }
    holder_[e.addr] = e.cpu;
  }

  std::map<std::uint64_t, int> holder_;  // by lock: the CPU that holds it
};

}  // namespace tandem
