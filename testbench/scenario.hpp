// Scenarios: named, seeded tests that run driver code on the simulated platform. A
// scenario passes when it ran to its end and no checker failed. A scenario that proves a
// checker (a seeded bug or injected fault) names that checker in `expect`: it passes only
// when that checker failed the run.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "platform.hpp"
#include "rng.hpp"

namespace tandem {

class ScenarioContext {
 public:
  ScenarioContext(Platform& platform, std::uint64_t seed) : platform_(platform), seed_(seed), rng_(seed) {}
  Platform& platform() { return platform_; }
  std::uint64_t seed() const { return seed_; }
  Rng& rng() { return rng_; }
  void fail(const std::string& checker, const std::string& message) { platform_.fail(checker, message); }
  void note(const std::string& text) {
    if (!platform_.stopping()) platform_.log().line(platform_.cycle(), "scenario", text);  // not after a stop
  }
  // Memory of the scenario's own in simulated host memory (what a kernel client would
  // allocate); the driver maps it for the device. Lives until the run ends.
  std::uint8_t* host_buffer(std::size_t size) {
    const std::uint64_t bus = platform_.memory().alloc(size);
    return platform_.memory().at(bus, size);
  }

 private:
  Platform& platform_;
  std::uint64_t seed_;
  Rng rng_;
};

struct Scenario {
  std::string name;
  std::string summary;
  std::string expect;  // checker this scenario must trip; empty for an ordinary scenario
  // Adjusts the platform before elaboration (CPUs, memory latency, ...).
  std::function<void(PlatformConfig&)> configure;
  // Runs in process context on every CPU the configuration asks for (one by default).
  std::function<void(ScenarioContext&, SimCpu&)> body;
};

std::vector<Scenario>& scenarios();
const Scenario* find_scenario(const std::string& name);

struct ScenarioRegistrar {
  explicit ScenarioRegistrar(Scenario s) { scenarios().push_back(std::move(s)); }
};

}  // namespace tandem
