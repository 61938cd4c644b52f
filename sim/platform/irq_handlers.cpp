#include "irq_handlers.hpp"

#include <algorithm>
#include <cerrno>

#include "platform.hpp"

namespace tandem {

int IrqHandlers::add(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler, unsigned owner) {
  Event e{EventKind::kIrqRegister};
  e.cpu = static_cast<int>(cpu);
  e.line = line;
  e.device = owner;
  e.data = static_cast<std::uint64_t>(trigger);
  const int rc =
      platform_.faults().take_irq_refusal(line) ? -EBUSY : insert(line, trigger, cpu, std::move(handler), owner);
  e.level = rc == 0;
  platform_.publish(e);
  return rc;
}

int IrqHandlers::insert(unsigned line, tce::Trigger trigger, unsigned cpu, tce::Hal::IrqHandler handler,
                        unsigned owner) {
  Pic& pic = platform_.pic();
  if (line >= pic.lines()) return -EINVAL;
  auto& list = handlers_[line];
  for (const auto& [who, h] : list) {
    if (who == owner) return -EBUSY;
  }
  list.emplace_back(owner, std::move(handler));
  if (list.size() == 1) {
    pic.configure(line, trigger, cpu);
    pic.enable(line, true);
  }
  return 0;
}

void IrqHandlers::remove(unsigned line, unsigned owner) {
  Event e{EventKind::kIrqFree};
  e.cpu = platform_.current_cpu_id();
  e.line = line;
  e.device = owner;
  platform_.publish(e);
  auto& list = handlers_[line];
  const auto before = list.size();
  list.erase(std::remove_if(list.begin(), list.end(), [owner](const auto& h) { return h.first == owner; }), list.end());
  if (list.size() != before && list.empty()) platform_.pic().enable(line, false);
}

// A copy of the list runs: a handler freed on another CPU meanwhile lives until it returns.
tce::IrqReturn IrqHandlers::dispatch(unsigned line) {
  tce::IrqReturn ret = tce::IrqReturn::kNone;
  Event e{EventKind::kHandlerEntry};
  e.cpu = platform_.current_cpu_id();
  e.line = line;
  ++running_[line];
  for (auto& [owner, handler] : std::vector(handlers_[line])) {
    e.kind = EventKind::kHandlerEntry;
    e.device = owner;
    e.cycle = 0;
    platform_.publish(e);
    e.level = handler() == tce::IrqReturn::kHandled;
    if (e.level) ret = tce::IrqReturn::kHandled;
    e.kind = EventKind::kHandlerReturn;
    e.cycle = 0;
    platform_.publish(e);
  }
  --running_[line];
  return ret;
}

}  // namespace tandem
