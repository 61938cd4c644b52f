#include "children.hpp"

#include <fcntl.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() is POSIX, not <csignal>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <thread>

extern char** environ;  // NOLINT(readability-redundant-declaration): no POSIX header must declare it

namespace tandem {

pid_t spawn_child(const std::string& exe, std::vector<std::string> args, const std::string& output) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

void run_children(std::size_t count, unsigned parallel, double limit_seconds,
                  const std::function<pid_t(std::size_t)>& start,
                  const std::function<void(std::size_t, const ChildEnd&)>& end) {
  using Clock = std::chrono::steady_clock;
  struct Running {
    std::size_t index;
    Clock::time_point since;
    bool killed;
  };
  std::map<pid_t, Running> running;
  std::size_t next = 0;
  if (parallel == 0) parallel = 1;
  while (next < count || !running.empty()) {
    while (running.size() < parallel && next < count) {
      const std::size_t i = next++;
      const pid_t pid = start(i);
      if (pid < 0) {
        end(i, ChildEnd{-1, false, 0});
        continue;
      }
      running[pid] = {i, Clock::now(), false};
    }
    if (running.empty()) continue;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid > 0) {
      auto it = running.find(pid);
      if (it == running.end()) continue;
      const Running r = it->second;
      running.erase(it);
      end(r.index, ChildEnd{status, r.killed, std::chrono::duration<double>(Clock::now() - r.since).count()});
      continue;
    }
    if (pid < 0) {  // no child left to wait for (cannot happen while any runs): give up on them
      for (const auto& [p, r] : running) end(r.index, ChildEnd{-1, r.killed, 0});
      running.clear();
      continue;
    }
    // Every wait is bounded: a child past its limit is killed and reported so.
    for (auto& [p, r] : running) {
      if (!r.killed && limit_seconds > 0 &&
          std::chrono::duration<double>(Clock::now() - r.since).count() > limit_seconds) {
        kill(p, SIGKILL);
        r.killed = true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace tandem
