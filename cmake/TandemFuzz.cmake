# The fuzzers (fuzz/): the libFuzzer targets need clang with libFuzzer, so they are built by
# clang in a sub-build of their own (build/fuzz) whatever compiler builds the rest; without
# such a clang they are left out with a note. The register-map generator's fuzz is Python
# and always runs. CTest gets, for each target, a replay of its checked-in corpus and a short
# seeded run; `make fuzz` runs each for FUZZ_SECONDS (fuzz/run.sh).
option(TANDEM_FUZZ "Build the libFuzzer targets when clang with libFuzzer is installed" ON)
set(TANDEM_FUZZ_DIR ${PROJECT_SOURCE_DIR}/fuzz)

tandem_command_test(fuzz/regtool/corpus ${Python3_EXECUTABLE} ${TANDEM_FUZZ_DIR}/regtool_fuzz.py --replay)
tandem_command_test(fuzz/regtool/short ${Python3_EXECUTABLE} ${TANDEM_FUZZ_DIR}/regtool_fuzz.py --runs 400 --seed 1)

set(TANDEM_FUZZ_TARGETS)
if(TANDEM_FUZZ AND NOT TANDEM_SANITIZE)
  find_program(TANDEM_CLANGXX NAMES clang++ clang++-14)
  if(TANDEM_CLANGXX)
    # Does this clang link a fuzz target? (Debian: libclang-rt-14-dev holds libFuzzer.)
    set(probe ${CMAKE_BINARY_DIR}/fuzz-probe.cpp)
    file(WRITE ${probe} "#include <cstddef>\n#include <cstdint>\n"
                        "extern \"C\" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n")
    execute_process(COMMAND ${TANDEM_CLANGXX} -fsanitize=fuzzer,address,undefined ${probe} -o ${probe}.out
                    RESULT_VARIABLE probe_rc OUTPUT_QUIET ERROR_QUIET)
    if(probe_rc EQUAL 0)
      set(TANDEM_FUZZ_TARGETS driver_request device_descriptor)
    endif()
  endif()
  if(NOT TANDEM_FUZZ_TARGETS)
    message(STATUS "fuzz: no clang with libFuzzer (scripts/setup.sh installs it): libFuzzer targets left out")
  endif()
endif()

if(TANDEM_FUZZ_TARGETS)
  include(ExternalProject)
  # The RTL's file list reaches the sub-build through its cache, forced, and a new list
  # configures it again (or its build would still depend on files since removed).
  set(init ${CMAKE_BINARY_DIR}/fuzz-init.cmake)
  file(WRITE ${init}.new "set(TCE_RTL_SOURCES \"${TCE_RTL_SOURCES}\" CACHE STRING \"\" FORCE)\n")
  configure_file(${init}.new ${init} COPYONLY)
  ExternalProject_Add(fuzzers
    SOURCE_DIR ${TANDEM_FUZZ_DIR}
    BINARY_DIR ${CMAKE_BINARY_DIR}/fuzz
    CMAKE_ARGS -C ${init} -DCMAKE_CXX_COMPILER=${TANDEM_CLANGXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
               -DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE} -DTANDEM_SOURCE_DIR=${PROJECT_SOURCE_DIR}
               -DTANDEM_GEN_DIR=${TANDEM_GEN_DIR} -DTANDEM_WERROR=${TANDEM_WERROR} -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    BUILD_ALWAYS ON
    INSTALL_COMMAND "")
  ExternalProject_Add_StepDependencies(fuzzers configure ${init} ${TANDEM_FUZZ_DIR}/CMakeLists.txt)
  foreach(target IN LISTS TANDEM_FUZZ_TARGETS)
    set(exe ${CMAKE_BINARY_DIR}/fuzz/${target}_fuzz)
    tandem_command_test(fuzz/${target}/corpus ${TANDEM_FUZZ_DIR}/run.sh --replay ${exe} ${TANDEM_FUZZ_DIR}/corpus/${target}
                        ${CMAKE_BINARY_DIR}/fuzz/work/${target})
    # Seeded and bounded by runs (deterministic), with a time cap as a safety net; new inputs
    # go to the build tree, never into the checked-in corpus.
    tandem_command_test(fuzz/${target}/short ${TANDEM_FUZZ_DIR}/run.sh --short ${exe} ${TANDEM_FUZZ_DIR}/corpus/${target}
                        ${CMAKE_BINARY_DIR}/fuzz/work/${target})
  endforeach()
endif()
