# The TMR's RTL variants, included by rtl/CMakeLists.txt (where tandem_rtl is defined). Its
# register artefacts and pin bundles must exist before Verilator runs at configure time, so
# they are generated here (devices/tmr/CMakeLists.txt generates the same files again).
set(TMR_GEN_DIR ${TANDEM_GEN_DIR}/tmr)
set(TMR_DIR ${PROJECT_SOURCE_DIR}/devices/tmr)
tandem_regtool(${TMR_DIR}/tmr_regs.toml ${TMR_GEN_DIR})
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${TANDEM_PORTGEN} ${TMR_DIR}/rtl/tmr_top.sv ${TMR_DIR}/tmr_platform_top.sv ${TMR_GEN_DIR}
  RESULT_VARIABLE portgen_rc)
if(portgen_rc)
  message(FATAL_ERROR "scripts/portgen.py failed on devices/tmr/rtl/tmr_top.sv")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${TMR_DIR}/rtl/tmr_top.sv ${TMR_DIR}/tmr_platform_top.sv)
# The contract's types and the probe pins are the platform's, one definition for every kind:
# the TMR's platform top must declare the same probes as sim/tandem_top.sv, and its copies go.
foreach(shared bus_pins.hpp probe_pins.hpp)
  file(STRINGS ${TANDEM_GEN_DIR}/${shared} platform_copy)
  file(STRINGS ${TMR_GEN_DIR}/${shared} tmr_copy)
  list(REMOVE_AT platform_copy 0)  # the banner, which names the source
  list(REMOVE_AT tmr_copy 0)
  if(NOT platform_copy STREQUAL tmr_copy)
    message(FATAL_ERROR "devices/tmr/tmr_platform_top.sv: its ${shared} differs from the platform's")
  endif()
  file(REMOVE ${TMR_GEN_DIR}/${shared})
endforeach()

include(${TMR_DIR}/rtl/sources.cmake)
# The model class finds its binding as tmr/tmr_pins_bind.hpp, beside the platform's probe pins.
target_include_directories(tandem_rtl PRIVATE ${TMR_DIR})
tandem_device_variant(tmr tmr "NUM_VEC=2" TOP tmr_platform_top CHANNELS 0 VECTORS 2
  SOURCES ${TMR_RTL_SOURCES} ${TMR_DIR}/tmr_platform_top.sv
  INCLUDE_DIRS ${TMR_GEN_DIR}
  MODEL tmr_model.hpp TmrModel)
# Its registration: in tandem_rtl too, which is linked whole.
target_sources(tandem_rtl PRIVATE ${TMR_DIR}/tmr_kind.cpp)

# Seeded RTL bugs for the TMR checkers' proofs: each rtl_bugs/<bug>.patch (its first line says
# what it breaks) applied to a copy of tmr_core.sv, Verilated as variant tmr_<bug>. The
# release RTL holds none of them; a patch that no longer applies fails the configure.
find_program(TANDEM_PATCH patch REQUIRED)
file(GLOB tmr_rtl_bugs CONFIGURE_DEPENDS ${TMR_DIR}/rtl_bugs/*.patch)
foreach(bug_patch IN LISTS tmr_rtl_bugs)
  get_filename_component(bug ${bug_patch} NAME_WE)
  set(bug_dir ${TMR_GEN_DIR}/rtl_bugs/${bug})
  file(MAKE_DIRECTORY ${bug_dir})
  execute_process(
    COMMAND ${TANDEM_PATCH} --batch --fuzz=0 --quiet -o ${bug_dir}/tmr_core.sv ${TMR_DIR}/rtl/tmr_core.sv ${bug_patch}
    RESULT_VARIABLE bug_rc)
  if(bug_rc)
    message(FATAL_ERROR "devices/tmr/rtl_bugs/${bug}.patch no longer applies to devices/tmr/rtl/tmr_core.sv")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${bug_patch} ${TMR_DIR}/rtl/tmr_core.sv)
  file(STRINGS ${bug_patch} bug_summary LIMIT_COUNT 1)
  string(REPLACE "\"" "'" bug_summary "seeded bug: ${bug_summary}")
  list(TRANSFORM TMR_RTL_SOURCES REPLACE ".*/tmr_core\\.sv$" ${bug_dir}/tmr_core.sv OUTPUT_VARIABLE bug_sources)
  tandem_device_variant(tmr_${bug} tmr "${bug_summary}" TOP tmr_platform_top CHANNELS 0 VECTORS 2
    SOURCES ${bug_sources} ${TMR_DIR}/tmr_platform_top.sv
    INCLUDE_DIRS ${TMR_GEN_DIR}
    MODEL tmr_model.hpp TmrModel)
endforeach()
