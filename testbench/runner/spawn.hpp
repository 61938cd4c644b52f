// Starting this executable again for one run (the runner's runs each get a process of
// their own: SystemC elaborates once per process).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace tandem {

// Starts this executable with `args` (after its name). With `output` set, its stdout and
// stderr go to that file; with `own_group`, it leads a process group of its own (so that
// the launcher stops it, and all it started, with one kill, and a Ctrl-C reaches only the
// launcher). Returns its pid, or -1.
pid_t spawn_self(const std::vector<std::string>& args, const std::string& output, bool own_group);

// Runs another program (`argv[0]` looked up on PATH) to its end, its stdout and stderr
// together into `output`. Returns its exit code, or -1 when it could not start or died on a
// signal.
int run_program(const std::vector<std::string>& argv, std::string* output);

}  // namespace tandem
