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

}  // namespace skiff
