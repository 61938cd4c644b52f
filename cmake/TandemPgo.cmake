# Profile-guided optimisation with gcc: -DTANDEM_PGO=generate builds every target of ours
# (the Verilated models included) to write profiles when it runs; -DTANDEM_PGO=use rebuilds
# them, in the same build folder, optimised with the profiles the training runs left beside
# the objects. `make PGO=1` does both in a folder of its own (scripts/pgo_build.sh), trained on
# a regression subset, never on the benchmark it is measured with.
set(TANDEM_PGO "" CACHE STRING "gcc profile-guided optimisation: generate, use, or empty (none)")

if(TANDEM_PGO STREQUAL "generate")
  # Atomic counters: the runner's threads (its progress, its child processes' waits) would
  # otherwise race on them.
  add_compile_options(-fprofile-generate -fprofile-update=atomic)
  add_link_options(-fprofile-generate)
elseif(TANDEM_PGO STREQUAL "use")
  # Code the training never ran (other tools, error paths) is optimised as without profiles,
  # and says nothing about its missing profile.
  add_compile_options(-fprofile-use -fprofile-partial-training -Wno-missing-profile)
  add_link_options(-fprofile-use)
elseif(TANDEM_PGO)
  message(FATAL_ERROR "TANDEM_PGO must be generate, use or empty, not '${TANDEM_PGO}'")
endif()
