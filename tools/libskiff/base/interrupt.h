// Interrupts (SIGINT, SIGTERM) as a flag that a build polls, so that it
// stops at a safe point, removes what it wrote and leaves the previous
// output as it was (build.h). The handler only records the signal; a
// second signal of either kind ends the process at once (the handler puts
// both back to their defaults when the first one arrives), and the next build removes what
// that one left (output_dir.h).
//
// Forked workers inherit the handlers and keep their own flag: an
// interrupt typed at a terminal reaches the whole process group, and each
// worker stops between pages (process_pool.h).
#pragma once

namespace skiff {

// Installs the handlers for SIGINT and SIGTERM, and ignores SIGXFSZ so
// that a write past the file size limit fails with EFBIG (an error that
// names the file) instead of killing the build half-way. For commands
// that write output.
void catch_interrupts();

// The signal that arrived since catch_interrupts (SIGINT or SIGTERM), or 0.
int interrupted();

// "SIGINT", "SIGTERM", or "a signal".
const char* signal_name(int signal);

}  // namespace skiff
