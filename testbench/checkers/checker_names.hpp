// Every name a run can fail under: the checkers that watch every run (testbench/checkers/)
// and the checks scenarios make of their own results. Scenario::expect and every report of
// a failure use these constants, never a string of their own.
#pragma once

#include <string_view>

namespace tandem::checker {

// Checkers that watch every run, one file each in this folder.
inline constexpr std::string_view kCsrBus = "csr_bus";
inline constexpr std::string_view kDmaApi = "dma_api";
inline constexpr std::string_view kDmaFault = "dma_fault";
inline constexpr std::string_view kDmaLeak = "dma_leak";
inline constexpr std::string_view kHang = "hang";
inline constexpr std::string_view kIrqApi = "irq_api";
inline constexpr std::string_view kIrqStorm = "irq_storm";
inline constexpr std::string_view kLocking = "locking";
inline constexpr std::string_view kLostIrq = "lost_irq";
inline constexpr std::string_view kRtlAssertion = "rtl_assertion";
// Agreed names of checkers being written (their catalog lines say so until they exist).
inline constexpr std::string_view kRegUsage = "reg_usage";
inline constexpr std::string_view kIrqContract = "irq_contract";
inline constexpr std::string_view kDescOwnership = "desc_ownership";
inline constexpr std::string_view kLockDiscipline = "lock_discipline";
inline constexpr std::string_view kPower = "power";
inline constexpr std::string_view kResources = "resources";

// Checks a scenario makes of its own results.
inline constexpr std::string_view kScoreboard = "scoreboard";
inline constexpr std::string_view kCompletion = "completion";
inline constexpr std::string_view kDriver = "driver";
inline constexpr std::string_view kFaultHandling = "fault_handling";
inline constexpr std::string_view kFaultInjection = "fault_injection";
inline constexpr std::string_view kObservers = "observers";
inline constexpr std::string_view kSharedLine = "shared_line";

}  // namespace tandem::checker
