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
