#include "base/interrupt.h"

#include <signal.h>

#include <atomic>

namespace skiff {
namespace {

// Read by the build's threads as well as written by the handler: an
// atomic, lock-free so that the handler may touch it.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

void on_signal(int signal) {
  int none = 0;
  g_signal.compare_exchange_strong(none, signal);
  // The next SIGINT or SIGTERM, of either kind, ends the process at once
  // (SA_RESETHAND resets only the signal delivered). sigaction is
  // async-signal-safe.
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(SIGINT, &fallback, nullptr);
  sigaction(SIGTERM, &fallback, nullptr);
}

}  // namespace

void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: system calls go on (reads, waits) and the build checks the
  // flag at its own safe points; a second signal ends it (on_signal).
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  signal(SIGXFSZ, SIG_IGN);
}

int interrupted() { return g_signal.load(); }

const char* signal_name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

}  // namespace skiff
