// Child processes of the runner: each `tandem run` of a regression or an exploration is a
// process of its own (SystemC elaborates once per process), several at once.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace tandem {

// Starts `exe` with `args` (args[0] is the name it sees), its stdout and stderr into
// `output`. Returns its pid, or -1 when it could not start.
pid_t spawn_child(const std::string& exe, std::vector<std::string> args, const std::string& output);

struct ChildEnd {
  int status = 0;       // as waitpid gives it
  bool killed = false;  // ran past its time limit and was killed
  double seconds = 0;
};

// Runs `start(i)` for i in 0..count-1, at most `parallel` children at once; a child still
// running after `limit_seconds` is killed. `end(i, how)` as each ends. `start` returns the
// child's pid or -1 (then `end` sees status -1). Returns when every child has ended.
void run_children(std::size_t count, unsigned parallel, double limit_seconds,
                  const std::function<pid_t(std::size_t)>& start,
                  const std::function<void(std::size_t, const ChildEnd&)>& end);

}  // namespace tandem
