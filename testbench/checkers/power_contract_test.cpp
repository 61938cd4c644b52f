// The power contract on synthetic register traffic: accesses in D3, and the context a
// resume must restore.
#include "power_contract.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tce_regs.hpp"

namespace tandem {
namespace {

namespace r = tce::reg;

struct Bus {
  std::vector<std::string> reports;
  PowerContract contract{[this](const std::string& m) { reports.push_back(m); }};
  void access(bool write, std::uint32_t offset, std::uint32_t data, std::uint8_t resp = 0) {
    Event e{EventKind::kCsrAccess};
    e.cpu = 0;
    e.write = write;
    e.addr = offset;
    e.data = data;
    e.resp = resp;
    contract.csr_access(e);
  }
  void write(std::uint32_t offset, std::uint32_t value) { access(true, offset, value); }
  void read(std::uint32_t offset, std::uint32_t value) { access(false, offset, value); }
  void suspend() {
    write(r::PM_CTRL::kOffset, 3);
    read(r::PM_STATUS::kOffset, 3);
  }
  void resume() {
    write(r::PM_CTRL::kOffset, 0);
    read(r::PM_STATUS::kOffset, 3 | r::PM_STATUS::TRANSITION_BUSY::kMask);  // still waking
    read(r::PM_STATUS::kOffset, 0);
  }
  void program() {
    write(r::RING_BASE_LO::offset(0), 0x1000);
    write(r::IRQ_ENABLE::kOffset, 0xF);
    write(r::CTRL::kOffset, 3);
  }
};

TEST_CASE("only the power registers may be touched in D3 or on the way there") {
  Bus bus;
  bus.program();
  bus.read(r::ID::kOffset, 0);
  CHECK(bus.reports.empty());
  bus.write(r::PM_CTRL::kOffset, 3);
  SUBCASE("before PM_STATUS says where the request went") {
    bus.read(r::IRQ_PENDING::kOffset, 0);
    REQUIRE(bus.reports.size() == 1);
    CHECK(bus.reports[0].find("IRQ_PENDING") != std::string::npos);
  }
  SUBCASE("in D3, once per stay") {
    bus.read(r::PM_STATUS::kOffset, 3);
    bus.read(r::VERSION::kOffset, 2);
    bus.read(r::CAPS::kOffset, 0);
    CHECK(bus.reports.empty());
    bus.access(false, r::CH_STATUS::offset(1), 0xFFFFFFFF, 2);
    bus.write(r::RING_TAIL::offset(1), 1);
    REQUIRE(bus.reports.size() == 1);
    CHECK(bus.reports[0].find("CH_STATUS (0x144)") != std::string::npos);
  }
  SUBCASE("a refused D3 is D0 again") {
    bus.read(r::PM_STATUS::kOffset, r::PM_STATUS::PM_REFUSED::kMask);
    bus.read(r::IRQ_PENDING::kOffset, 0);
    bus.write(r::RING_TAIL::offset(0), 1);
    CHECK(bus.reports.empty());
  }
}

TEST_CASE("a resume restores the context by the first doorbell") {
  Bus bus;
  bus.program();
  bus.suspend();
  bus.resume();
  SUBCASE("everything restored") {
    bus.write(r::RING_BASE_LO::offset(0), 0x1000);
    bus.write(r::IRQ_ENABLE::kOffset, 0xF);
    bus.write(r::CTRL::kOffset, 3);
    bus.write(r::RING_TAIL::offset(0), 1);
    bus.contract.end_of_run();
    CHECK(bus.reports.empty());
  }
  SUBCASE("IRQ_ENABLE forgotten") {
    bus.write(r::RING_BASE_LO::offset(0), 0x1000);
    bus.write(r::CTRL::kOffset, 3);
    bus.write(r::RING_TAIL::offset(0), 1);
    REQUIRE(bus.reports.size() == 1);
    CHECK(bus.reports[0].find("IRQ_ENABLE") != std::string::npos);
    CHECK(bus.reports[0].find("first RING_TAIL doorbell") != std::string::npos);
  }
  SUBCASE("restored with another value") {
    bus.write(r::RING_BASE_LO::offset(0), 0x2000);
    bus.write(r::IRQ_ENABLE::kOffset, 0xF);
    bus.write(r::CTRL::kOffset, 3);
    bus.write(r::RING_TAIL::offset(0), 1);
    REQUIRE(bus.reports.size() == 1);
    CHECK(bus.reports[0].find("RING_BASE_LO") != std::string::npos);
  }
  SUBCASE("no doorbell: judged at the end, from what was written back since resume") {
    bus.write(r::IRQ_ENABLE::kOffset, 0xF);
    bus.write(r::CTRL::kOffset, 3);
    bus.write(r::IRQ_ENABLE::kOffset, 0);  // remove quiesces the device: restored all the same
    bus.contract.end_of_run();
    REQUIRE(bus.reports.size() == 1);
    CHECK(bus.reports[0].find("RING_BASE_LO") != std::string::npos);
  }
  SUBCASE("a soft reset starts afresh") {
    bus.write(r::CTRL::kOffset, r::CTRL::SOFT_RESET::kMask);
    bus.write(r::RING_TAIL::offset(0), 1);
    bus.contract.end_of_run();
    CHECK(bus.reports.empty());
  }
}

}  // namespace
}  // namespace tandem
