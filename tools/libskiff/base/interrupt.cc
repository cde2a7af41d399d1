#include "base/interrupt.h"

#include <signal.h>

namespace skiff {
namespace {

volatile sig_atomic_t g_signal = 0;

void on_signal(int signal) {
  if (g_signal == 0) g_signal = signal;
}

}  // namespace

void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: system calls go on (reads, waits) and the build checks the
  // flag at its own safe points; SA_RESETHAND: a second signal ends it.
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  signal(SIGXFSZ, SIG_IGN);
}

int interrupted() { return g_signal; }

const char* signal_name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

}  // namespace skiff
