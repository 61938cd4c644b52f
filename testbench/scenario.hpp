// Scenarios: named, seeded tests that run driver code on the simulated platform. A
// scenario passes when it ran to its end and no checker failed. A scenario that proves a
// checker (a seeded bug or injected fault) names that checker in `expect`: it passes only
// when that checker failed the run.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

#include "checkers/checker_names.hpp"
#include "platform.hpp"
#include "rng.hpp"

namespace tandem {

class ScenarioContext {
 public:
  ScenarioContext(Platform& platform, std::uint64_t seed) : platform_(platform), seed_(seed), rng_(seed) {}
  Platform& platform() { return platform_; }
  std::uint64_t seed() const { return seed_; }
  Rng& rng() { return rng_; }
  // `checker`: one of checkers/checker_names.hpp.
  void fail(std::string_view checker, const std::string& message) { platform_.fail(std::string(checker), message); }
  void note(const std::string& text) {
    if (!platform_.stopping()) platform_.log().line(platform_.cycle(), "scenario", text);  // not after a stop
  }
  // Keeps an observer subscribed until the run ends (what it refers to must live as long).
  void keep(EventBus::Subscription subscription) { kept_.push_back(std::move(subscription)); }
  // Memory of the scenario's own in simulated host memory (what a kernel client would
  // allocate); the driver maps it for the device. Lives until the run ends.
  std::uint8_t* host_buffer(std::size_t size) {
    const std::uint64_t bus = platform_.memory().alloc(size);
    return platform_.memory().at(bus, size);
  }
  // State the CPUs of one run share (a device, a count of finished CPUs, ...): one T per
  // run, made on first use and gone with the run, instead of a file-scope global.
  template <typename T>
  T& shared() {
    std::shared_ptr<void>& slot = shared_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }

 private:
  Platform& platform_;
  std::uint64_t seed_;
  Rng rng_;
  std::vector<EventBus::Subscription> kept_;
  std::map<std::type_index, std::shared_ptr<void>> shared_;
};

struct Scenario {
  std::string name;
  std::string summary;
  std::string_view expect;  // checker this scenario must trip first (checker_names.hpp); empty for an ordinary one
  // Adjusts the platform before elaboration (CPUs, memory latency, ...).
  std::function<void(PlatformConfig&)> configure;
  // Runs in process context on every CPU the configuration asks for (one by default).
  std::function<void(ScenarioContext&, SimCpu&)> body;
  // The RTL variants it runs on in the regression (`tandem run --variant` picks any).
  std::vector<std::string> variants = {"default"};
  // A racy path (ISR against submission, two CPUs, watchdog against completion...): the
  // regression explores its interleavings (`tandem explore`) under a fixed budget.
  bool explore = false;
  // How a seeded bug is proven: by plain seeded runs, or, for a race no plain run meets,
  // by `tandem explore` finding a schedule where `expect` fires first.
  enum class Proof { kSeeds, kExplore } proof = Proof::kSeeds;
  // The seeded driver bug it runs on: the class of the bug-zoo binary the runner hands it to
  // (testbench/zoo/, devices/<kind>/zoo/). Empty: `xfail_zoo_<class>` names it, else none.
  std::string_view driver = {};
};

std::vector<Scenario>& scenarios();
const Scenario* find_scenario(const std::string& name);

struct ScenarioRegistrar {
  explicit ScenarioRegistrar(Scenario s) { scenarios().push_back(std::move(s)); }
};

}  // namespace tandem
