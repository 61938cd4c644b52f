// What `tandem run` leaves when it dies on a fault (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
// SIGABRT): the run log written so far (flushed), a symbolized backtrace on stderr, a
// crash.txt in the run's folder naming the signal (for the regression), and exit code 4.
#pragma once

#include <string>

namespace tandem::crash {

// Installs the handlers; `crash_file` is where the signal gets written (crash.txt).
void install(const std::string& crash_file);

// While one lives, a crash first calls flush(context) (e.g. to write out a buffered log).
class Flush {
 public:
  Flush(void (*flush)(void*), void* context);
  ~Flush();
  Flush(const Flush&) = delete;
  Flush& operator=(const Flush&) = delete;
};

// "SIGSEGV" for 11, and so on; "signal N" for one without a name here.
std::string signal_name(int signal);

}  // namespace tandem::crash

namespace tandem::crash {

// The signal a crash.txt names; 0 when there is none.
int read_crash_signal(const std::string& crash_file);

}  // namespace tandem::crash
