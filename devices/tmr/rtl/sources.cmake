# The TMR's RTL, shared by its RTL tests (rtl/CMakeLists.txt here) and its platform variants
# (../variants.cmake). It reuses the TCE's device-neutral AXI4-Lite front end and its
# assertions (which take the response type from the TCE's register package).
set(TMR_RTL_SOURCES
  ${TANDEM_GEN_DIR}/tce_reg_pkg.sv
  ${TANDEM_GEN_DIR}/tmr/tmr_reg_pkg.sv
  ${PROJECT_SOURCE_DIR}/rtl/tce_axil_slave.sv
  ${PROJECT_SOURCE_DIR}/rtl/tce_axil_assert.sv
  ${TANDEM_GEN_DIR}/tmr/tmr_reg_block.sv
  ${PROJECT_SOURCE_DIR}/devices/tmr/rtl/tmr_core.sv
  ${PROJECT_SOURCE_DIR}/devices/tmr/rtl/tmr_top.sv)
