# The TMR's generated artefacts, into gen/tmr/ of the build tree now, at configure time, and
# again on any edit: its register description's (scripts/regtool.py) and its port list's
# (scripts/portgen.py: its platform top, pin bundles and SystemC signals). Included by
# variants.cmake (its RTL variants need them before Verilator runs) and by CMakeLists.txt (a
# driver-only build needs the register header), whichever comes first: generated once.
include_guard(GLOBAL)
set(tmr_dir ${PROJECT_SOURCE_DIR}/devices/tmr)
tandem_regtool(${tmr_dir}/tmr_regs.toml ${TANDEM_GEN_DIR}/tmr)
tandem_portgen(${TANDEM_GEN_DIR}/tmr ${tmr_dir}/rtl/tmr_top.sv ${tmr_dir}/tmr_probes.svh)
