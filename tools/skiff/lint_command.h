// `skiff lint`: runs the checks and prints the report in the chosen format.
#pragma once

#include <string>
#include <vector>

#include "lint/lint.h"

namespace skiff {

struct LintCommandOptions {
  LintOptions lint;
  std::string format = "text";  // text, github, json, sarif
  bool fix = false;             // apply the unambiguous fixes, then lint again
  bool external = false;        // check http(s) links over the network
};

// Prints the report on stdout; returns the exit code: 0 no errors, 1 errors
// found, 2 usage or configuration errors.
int run_lint_command(const LintCommandOptions& options);

}  // namespace skiff
