// doctest's main for every unit test executable, compiled once (cmake/TandemHelpers.cmake).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
