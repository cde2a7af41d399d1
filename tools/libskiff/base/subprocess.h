// Running a program and collecting what it prints: for the few tools skiff
// drives (git). No shell is involved: arguments are passed as they are.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

struct ProcessResult {
  bool started = false;  // false: the program could not be run (see `error`)
  int exit_code = -1;    // the exit status; 128 + N when killed by signal N
  std::string out;       // everything it wrote to stdout
  std::string err;       // everything it wrote to stderr
  std::string error;     // why it could not be run
};

// Runs `argv` (argv[0] looked up on PATH) in `cwd` and waits for it. Its
// stdin is `input` (empty: nothing, then end of file). Input and both
// outputs are moved as the child is ready for them, so large amounts in
// either direction cannot stall it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                          std::string_view input = {});

}  // namespace skiff
