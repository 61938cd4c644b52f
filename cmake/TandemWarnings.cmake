# The warnings for code of ours (never for Verilator's generated sources, nor for the headers
# of Verilator, SystemC and other libraries, which are system includes), as errors: for the
# main build (TandemHelpers.cmake) and the fuzzers' own (fuzz/CMakeLists.txt).
option(TANDEM_WERROR "Treat warnings in code of ours as errors" ON)
set(TANDEM_WARNING_FLAGS -Wall -Wextra $<$<BOOL:${TANDEM_WERROR}>:-Werror>)
