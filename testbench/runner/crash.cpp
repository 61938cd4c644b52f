#include "crash.hpp"

#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "cli.hpp"

namespace tandem::crash {

namespace {

// Everything the handler reads is set up before any crash: it allocates nothing.
constexpr int kFaults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
constexpr int kMaxFrames = 64;
constexpr int kHandlerFrames = 2;       // on_fault and the kernel's signal trampoline: not the crash
char g_exe[PATH_MAX];                   // this executable, for addr2line
char g_crash_file[PATH_MAX];            // crash.txt
std::uintptr_t g_bias = 0;              // where the executable is loaded (PIE): addr2line wants addresses less it
std::uintptr_t g_begin = 0, g_end = 0;  // the executable's mapped range
void (*g_flush)(void*) = nullptr;
void* g_flush_context = nullptr;
alignas(16) char g_alt_stack[256 * 1024];  // a stack overflow leaves no stack to handle it on
volatile std::sig_atomic_t g_entered = 0;

void say(const char* text) {
  const std::size_t n = std::strlen(text);
  if (write(STDERR_FILENO, text, n) < 0) return;
}

// The executable's own mapping: the first object dl_iterate_phdr reports.
int find_executable(dl_phdr_info* info, std::size_t, void*) {
  g_bias = info->dlpi_addr;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD) continue;
    const std::uintptr_t begin = g_bias + ph.p_vaddr, end = begin + ph.p_memsz;
    if (g_begin == 0 || begin < g_begin) g_begin = begin;
    if (end > g_end) g_end = end;
  }
  return 1;  // the first is enough
}

// Function names and file:line of the frames inside this executable, from addr2line (binutils),
// started with fork and exec: nothing here may allocate.
void symbolize(void* const* frames, int n) {
  static char text[kMaxFrames][24];
  static char* argv[kMaxFrames + 8];
  int argc = 0;
  for (const char* a : {"addr2line", "-C", "-f", "-p", "-a", "-e"}) argv[argc++] = const_cast<char*>(a);
  argv[argc++] = g_exe;
  int exe_frames = 0;
  for (int i = kHandlerFrames; i < n; ++i) {
    const auto addr = reinterpret_cast<std::uintptr_t>(frames[i]);
    if (addr < g_begin || addr >= g_end) continue;
    // A return address points past its call: one byte back names the calling line.
    std::snprintf(text[exe_frames], sizeof text[0], "%#lx", static_cast<unsigned long>(addr - g_bias - 1));
    argv[argc++] = text[exe_frames++];
  }
  argv[argc] = nullptr;
  if (exe_frames == 0) return;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(STDERR_FILENO, STDOUT_FILENO);
    execvp("addr2line", argv);
    say("  (addr2line from binutils is not installed: no names)\n");
    _exit(127);
  }
  if (pid > 0) {
    int status = 0;
    waitpid(pid, &status, 0);
  }
}

void write_crash_file(int signal) {
  const int fd = open(g_crash_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  char text[64];
  const int n = std::snprintf(text, sizeof text, "signal=%d\n", signal);
  if (write(fd, text, static_cast<std::size_t>(n)) < 0) say("tandem: cannot write crash.txt\n");
  close(fd);
}

void on_fault(int signal, siginfo_t* info, void*) {
  if (g_entered) _exit(kExitCrashed);  // a fault while reporting one
  g_entered = 1;
  char text[160];
  const char* abbrev = sigabbrev_np(signal);
  std::snprintf(text, sizeof text, "\ntandem: crashed on SIG%s (signal %d, address %p)\n", abbrev ? abbrev : "?",
                signal, info != nullptr ? info->si_addr : nullptr);
  say(text);
  write_crash_file(signal);
  if (g_flush != nullptr) g_flush(g_flush_context);
  std::fflush(stdout);
  void* frames[kMaxFrames];
  const int n = backtrace(frames, kMaxFrames);
  say("backtrace, innermost first (this executable):\n");
  symbolize(frames, n);
  say("every frame:\n");
  if (n > kHandlerFrames) backtrace_symbols_fd(frames + kHandlerFrames, n - kHandlerFrames, STDERR_FILENO);
  _exit(kExitCrashed);
}

}  // namespace

void install(const std::string& crash_file) {
  std::snprintf(g_crash_file, sizeof g_crash_file, "%s", crash_file.c_str());
  const ssize_t len = readlink("/proc/self/exe", g_exe, sizeof g_exe - 1);
  g_exe[len > 0 ? len : 0] = '\0';
  dl_iterate_phdr(find_executable, nullptr);
  void* warm[1];
  backtrace(warm, 1);  // loads the unwinder now: the handler must not
  stack_t stack{};
  stack.ss_sp = g_alt_stack;
  stack.ss_size = sizeof g_alt_stack;
  sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_sigaction = on_fault;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (int s : kFaults) sigaction(s, &action, nullptr);
}

Flush::Flush(void (*flush)(void*), void* context) {
  g_flush_context = context;
  g_flush = flush;
}

Flush::~Flush() {
  g_flush = nullptr;
  g_flush_context = nullptr;
}

std::string signal_name(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

}  // namespace tandem::crash

namespace tandem::crash {

int read_crash_signal(const std::string& crash_file) {
  std::FILE* f = std::fopen(crash_file.c_str(), "r");
  if (f == nullptr) return 0;
  int signal = 0;
  if (std::fscanf(f, "signal=%d", &signal) != 1) signal = 0;
  std::fclose(f);
  return signal;
}

}  // namespace tandem::crash
