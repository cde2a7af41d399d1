// `skiff build`: runs the build and reports it on the terminal.
#pragma once

#include "build/build.h"

namespace skiff {

struct BuildCommandOptions {
  BuildOptions build;
  bool quiet = false;
  bool timings = false;  // print each phase's wall time (stderr)
};

// Prints diagnostics and the summary; returns the process exit code
// (0 success, 1 errors in the site or a refused output, 128 + N when
// signal N (SIGINT, SIGTERM) stopped the build: 130, 143).
int run_build_command(const BuildCommandOptions& options);

}  // namespace skiff
