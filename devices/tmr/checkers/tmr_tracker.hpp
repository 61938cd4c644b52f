// Follows every TMR of a run with a reference model (tmr_ref_model.hpp) and finds the first
// place each device and its model part: an interrupt line that rises or falls when the
// model's does not (or not when it does), a register read that answers otherwise.
//
// A register access is published when its answer is taken, a few cycles after the edge it
// landed at; a line's change at once. So the tracker judges with a lag: an edge only once
// the run is kLag cycles past it, when every access that landed at or before it is known.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>

#include "events.hpp"
#include "tmr_ref_model.hpp"

namespace tandem {
class Platform;
}

namespace tandem::tmr_check {

struct Divergence {
  enum class What {
    kRise,   // a line rose where the model's did not, or the model's rose and it did not
    kFall,   // the same for a line falling
    kRead,   // a register read answered otherwise than the model holds
    kOrder,  // an access became known after the edge it landed at was judged (the lag too short)
  };
  What what = What::kRise;
  unsigned device = 0;
  unsigned vector = 0;       // kRise, kFall: the line's vector
  std::uint32_t offset = 0;  // kRead: the register
  std::uint32_t differ = 0;  // kRead: the bits that differ
  std::uint64_t cycle = 0;
  std::string message = {};
};

class TmrTracker {
 public:
  // Cycles an edge is judged after (register accesses are answered within 4 of their handshake).
  static constexpr std::uint64_t kLag = 64;
  // The events it needs, all of them about a TMR or about no device: what the device was
  // asked and answered, its lines, its removal, the run's end. Between them the tracker
  // wakes itself when something is due (arm()), so no other event need tick it.
  static constexpr EventKinds kEvents = kind_bit(EventKind::kCsrAccess) | kind_bit(EventKind::kDeviceIrq) |
                                        kind_bit(EventKind::kFault) | kind_bit(EventKind::kRunEnd);

  // `report`: each device's first divergence, once; the device is not judged after it.
  TmrTracker(Platform& platform, std::function<void(const Divergence&)> report)
      : platform_(platform), report_(std::move(report)) {}
  void on_event(const Event& e);

  // What the model expects next is judged in time even when nothing else happens then: the
  // tracker wakes itself (through the platform's scheduler) kLag cycles after it.

 private:
  struct Item {
    enum class Type { kWrite, kRead, kLine } type;
    std::uint32_t offset = 0;  // kWrite, kRead
    std::uint32_t value = 0;   // kWrite: written; kRead: answered
    unsigned vector = 0;       // kLine
    bool level = false;        // kLine
  };
  struct Device {
    TmrRefModel model;
    std::multimap<std::uint64_t, Item> items;  // by the edge they belong to
    bool seen[kVectors] = {};                  // each line as the device drives it
    bool agreed[kVectors] = {};                // ... and as it was when both last agreed
    bool diverged = false;
  };

  void judge(std::uint64_t cycle, bool end);
  void arm();
  void add(unsigned device, std::uint64_t edge, const Item& item);
  void catch_up(Device& d, unsigned device, std::uint64_t upto);
  void edge_at(Device& d, unsigned device, std::uint64_t edge);
  bool compare_lines(Device& d, unsigned device);
  void diverge(Device& d, const Divergence& v);
  std::string rise_message(const Device& d, unsigned vector, bool device_rose) const;
  std::string fall_message(const Device& d, unsigned vector, bool device_fell) const;

  Platform& platform_;
  std::function<void(const Divergence&)> report_;
  std::map<unsigned, Device> devices_;
  std::uint64_t last_cycle_ = 0;
  std::uint64_t wake_at_ = 0;  // 0: no wake-up scheduled
};

}  // namespace tandem::tmr_check
