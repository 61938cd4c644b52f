# The TMR's RTL, shared by its RTL tests (rtl/CMakeLists.txt here) and its platform variants
# (../variants.cmake). Its CSR port is the platform's device-neutral AXI4-Lite front end.
set(TMR_RTL_SOURCES
  ${TANDEM_GEN_DIR}/tmr/tmr_reg_pkg.sv
  ${PROJECT_SOURCE_DIR}/rtl/axil_reg_if.sv
  ${PROJECT_SOURCE_DIR}/rtl/axil_frontend.sv
  ${TANDEM_GEN_DIR}/tmr/tmr_reg_block.sv
  ${PROJECT_SOURCE_DIR}/devices/tmr/rtl/tmr_core.sv
  ${PROJECT_SOURCE_DIR}/devices/tmr/rtl/tmr_top.sv)
