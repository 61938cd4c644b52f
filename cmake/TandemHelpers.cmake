# Project-wide helpers: warnings per target, and one-line test registration.

include(${CMAKE_CURRENT_LIST_DIR}/TandemWarnings.cmake)
function(tandem_warnings target)
  target_compile_options(${target} PRIVATE ${TANDEM_WARNING_FLAGS} ${ARGN})
endfunction()
# The same for sources of ours in a target of generated code (tandem_rtl), whose own options
# would reach Verilator's output too.
function(tandem_warnings_sources target)
  set_property(SOURCE ${ARGN} TARGET_DIRECTORY ${target} APPEND PROPERTY COMPILE_OPTIONS ${TANDEM_WARNING_FLAGS})
endfunction()

# A doctest case's time limit. The coverage build's models count every line and toggle and
# run about 12 times slower, so its limit is ten times the normal one.
if(TANDEM_COVERAGE)
  set(TANDEM_UNIT_TIMEOUT 1200)
else()
  set(TANDEM_UNIT_TIMEOUT 120)
endif()

# Generates a register description's artefacts (scripts/regtool.py) into OUTDIR now, at
# configure time, and again on any edit of the description or the generator. Once per
# description: a second call is an error, not a second generation.
function(tandem_regtool description outdir)
  get_property(done GLOBAL PROPERTY TANDEM_REGTOOL_DONE)
  if(description IN_LIST done)
    message(FATAL_ERROR "tandem_regtool: ${description} is generated twice; generate it in one place")
  endif()
  set_property(GLOBAL APPEND PROPERTY TANDEM_REGTOOL_DONE ${description})
  execute_process(COMMAND ${Python3_EXECUTABLE} ${TANDEM_REGTOOL} ${description} ${outdir} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "scripts/regtool.py failed on ${description}")
  endif()
  get_filename_component(scripts ${TANDEM_REGTOOL} DIRECTORY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${description} ${TANDEM_REGTOOL}
                                                           ${scripts}/regblock.py ${scripts}/regschema.py)
endfunction()

# doctest's main, compiled once for every unit test executable (tandem_doctest links it), so
# that no folder compiles a source of another's.
add_library(tandem_doctest_main OBJECT ${CMAKE_CURRENT_LIST_DIR}/../tests/doctest_main.cpp)
target_link_libraries(tandem_doctest_main PUBLIC doctest::doctest)
tandem_warnings(tandem_doctest_main)

# Generates from the port contract (scripts/portgen.py), now at configure time and again on
# any edit: tandem_portgen(OUTDIR) what every kind shares (bus_pins.hpp, probe_pins.hpp);
# tandem_portgen(OUTDIR DEVICE_TOP PROBES) a kind's platform top <dev>_platform_top.sv, its
# pin bundles and its SystemC signals, from its top <dev>_top.sv and its <dev>_probes.svh.
function(tandem_portgen outdir)
  if(ARGC EQUAL 1)
    set(args platform ${outdir})
  else()
    set(args device ${ARGV1} ${ARGV2} ${outdir})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ARGV1} ${ARGV2})
  endif()
  execute_process(COMMAND ${Python3_EXECUTABLE} ${TANDEM_PORTGEN} ${args} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "scripts/portgen.py failed: ${args}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${TANDEM_PORTGEN})
endfunction()

# A doctest executable whose cases become CTest tests one by one, named PREFIX/case.
function(tandem_doctest target prefix)
  add_executable(${target} ${ARGN})
  target_link_libraries(${target} PRIVATE tandem_doctest_main)
  tandem_warnings(${target})
  doctest_discover_tests(${target} TEST_PREFIX "${prefix}/" PROPERTIES TIMEOUT ${TANDEM_UNIT_TIMEOUT})
endfunction()

# A test that runs a command, with a name such as regress/dma_single_copy.
function(tandem_command_test name)
  add_test(NAME ${name} COMMAND ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES TIMEOUT 300)
endfunction()
