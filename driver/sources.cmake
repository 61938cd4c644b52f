# The portable driver core's sources, for the driver library (CMakeLists.txt here) and the
# fuzzers' own build of it (fuzz/CMakeLists.txt), which compiles them with clang.
set(TANDEM_DRIVER_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/tce_device.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tce_device_requests.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tce_device_irq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tce_device_recovery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tce_device_power.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tce_ring.cpp
  ${CMAKE_CURRENT_LIST_DIR}/request_core.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quirks.cpp)
