# The TMR's RTL variants, included by rtl/CMakeLists.txt (where tandem_rtl is defined). Its
# generated artefacts (generate.cmake) must exist before Verilator runs at configure time.
set(TMR_GEN_DIR ${TANDEM_GEN_DIR}/tmr)
set(TMR_DIR ${PROJECT_SOURCE_DIR}/devices/tmr)
include(${TMR_DIR}/generate.cmake)

include(${TMR_DIR}/rtl/sources.cmake)
# The model class finds its binding as tmr/tmr_pins_bind.hpp, beside the platform's probe pins.
target_include_directories(tandem_rtl PRIVATE ${TMR_DIR})
# The platform top is generated (scripts/portgen.py): tmr_top, the platform's ports and the
# TMR's probes (tmr_probes.svh).
tandem_device_variant(tmr tmr "NUM_VEC=2" TOP tmr_platform_top CHANNELS 0 VECTORS 2
  SOURCES ${TMR_RTL_SOURCES} ${TMR_GEN_DIR}/tmr_platform_top.sv
  MODEL tmr_model.hpp TmrModel)
# Its registration: in tandem_rtl too, which is linked whole.
target_sources(tandem_rtl PRIVATE ${TMR_DIR}/tmr_kind.cpp)
tandem_warnings_sources(tandem_rtl ${TMR_DIR}/tmr_kind.cpp)

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
    SOURCES ${bug_sources} ${TMR_GEN_DIR}/tmr_platform_top.sv
    MODEL tmr_model.hpp TmrModel)
endforeach()
