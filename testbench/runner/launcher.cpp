#include "launcher.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <ctime>
#include <map>

#include "outcome.hpp"
#include "spawn.hpp"

namespace tandem {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
  g_interrupted = 1;
}

// Kills a run and whatever it started (it leads its own process group), and reaps it.
void stop(Job& job) {
  kill(-job.pid, SIGKILL);
  waitpid(job.pid, &job.status, 0);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_interrupted = 0;
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &old_int_);
  sigaction(SIGTERM, &action, &old_term_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

bool interrupt_requested() {
  return g_interrupted != 0;
}

LaunchEnd launch(std::vector<Job>& jobs, const LaunchOptions& options) {
  std::map<pid_t, Job*> running;
  std::size_t next = 0;
  LaunchEnd end = LaunchEnd::kAll;
  const auto limit = std::chrono::seconds(options.timeout_seconds);
  while (end == LaunchEnd::kAll && (next < jobs.size() || !running.empty())) {
    if (g_interrupted) {
      end = LaunchEnd::kInterrupted;
      break;
    }
    while (running.size() < options.parallel && next < jobs.size()) {
      Job& j = jobs[next++];
      if (!make_dirs(j.dir)) return LaunchEnd::kCannotStart;
      std::vector<std::string> args = run_arguments(j.spec);
      args.insert(args.end(), j.extra_args.begin(), j.extra_args.end());
      j.start = std::chrono::steady_clock::now();
      j.pid = spawn_self(args, j.dir + "/stdout.txt", true);
      if (j.pid < 0) {
        end = LaunchEnd::kCannotStart;
        break;
      }
      j.started = true;
      running[j.pid] = &j;
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    const auto now = std::chrono::steady_clock::now();
    if (pid > 0 && running.count(pid) != 0) {
      Job& j = *running[pid];
      running.erase(pid);
      j.status = status;
      j.finished = true;
      j.seconds = std::chrono::duration<double>(now - j.start).count();
      if (!options.on_done(j) && options.fail_fast) end = LaunchEnd::kFailFast;
      continue;
    }
    for (auto it = running.begin(); it != running.end();) {
      Job& j = *it->second;
      if (now - j.start < limit) {
        ++it;
        continue;
      }
      stop(j);
      j.timed_out = j.finished = true;
      j.seconds = std::chrono::duration<double>(now - j.start).count();
      it = running.erase(it);
      if (!options.on_done(j) && options.fail_fast) end = LaunchEnd::kFailFast;
    }
    if (pid <= 0 && end == LaunchEnd::kAll) {
      const timespec pause{0, 5'000'000};  // 5 ms: runs take 0.05 s and more
      nanosleep(&pause, nullptr);
    }
  }
  for (auto& [pid, job] : running) stop(*job);  // fail-fast or interrupted: the rest stops
  return end;
}

}  // namespace tandem
