// The running program's GNU build ID: a hash the linker computes over the
// executable's contents (ld --build-id, Debian's default), so it changes
// with every relink that changes the code and is the same for every copy
// of one binary. An incremental build keys its record on it: a different
// skiff may render pages differently.
#pragma once

#include <string>

namespace skiff {

// Hex digits of the build ID, or "" when the executable has none.
std::string program_build_id();

// What the running program is made of: its build ID (or, without one, the
// executable's size and mtime) and the path, size and mtime of every
// shared library it loaded. Changes when skiff is rebuilt or a library it
// uses is upgraded; the same for every run in between.
std::string program_identity();

}  // namespace skiff
