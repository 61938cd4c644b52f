# Sanitizer builds: -DTANDEM_SANITIZE=address,undefined (or thread) instruments every target
# of ours, the Verilated models included, and makes CTest run every test with the options and
# suppressions in sanitize/. `make test SAN=address,undefined` configures such a build in a
# folder of its own (build-san-address-undefined) and runs the subset of tests it names.
set(TANDEM_SANITIZE "" CACHE STRING "Sanitizers to build with, as for -fsanitize= (empty: none)")

if(TANDEM_SANITIZE)
  # -fno-sanitize-recover: a UBSan finding in code of ours stops the program, so it fails its
  # test (an unrecoverable check stops before it reads any suppression).
  add_compile_options(-fsanitize=${TANDEM_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${TANDEM_SANITIZE})
  # The options reach every test through CTest's own environment: the file below runs first
  # in the top-level CTestTestfile, before any test is discovered or run.
  set(TANDEM_SANITIZE_DIR ${PROJECT_SOURCE_DIR}/sanitize)
  # detect_stack_use_after_return=0: SystemC runs each process on a coroutine stack of its own
  # and switches stacks by hand; ASan's fake stacks for returned frames do not follow that.
  set(TANDEM_SANITIZE_ASAN_OPTIONS "detect_stack_use_after_return=0:detect_leaks=1:check_initialization_order=1:strict_string_checks=1")
  set(TANDEM_SANITIZE_UBSAN_OPTIONS "halt_on_error=1:print_stacktrace=1:suppressions=${TANDEM_SANITIZE_DIR}/ubsan.supp")
  set(TANDEM_SANITIZE_LSAN_OPTIONS "suppressions=${TANDEM_SANITIZE_DIR}/lsan.supp")
  configure_file(${TANDEM_SANITIZE_DIR}/environment.cmake.in ${CMAKE_BINARY_DIR}/sanitize_environment.cmake @ONLY)
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_BINARY_DIR}/sanitize_environment.cmake)
endif()

# Verilator's runtime (GTKWave's FST writer, fstapi.c, compiled into it) and the trace code
# Verilator generates (verilated_trace.h inlined) are third party: their UBSan findings
# recover, so that sanitize/ubsan.supp can name them by file; halt_on_error=1 still stops at
# any finding there that it does not name. Call after the target's verilate().
function(tandem_sanitize_third_party target)
  if(NOT TANDEM_SANITIZE)
    return()
  endif()
  get_target_property(sources ${target} SOURCES)
  foreach(src IN LISTS sources)
    if(src MATCHES "^${VERILATOR_ROOT}/include/" OR src MATCHES "__Trace__[^/]*\\.cpp$")
      # Set, not appended: the runtime sources are listed once per verilate() call.
      set_property(SOURCE ${src} TARGET_DIRECTORY ${target} PROPERTY COMPILE_OPTIONS -fsanitize-recover=all)
    endif()
  endforeach()
endfunction()
