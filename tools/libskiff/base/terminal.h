// What the user's terminal can show: colour only on a terminal and never
// when NO_COLOR is set (https://no-color.org).
#pragma once

#include <cstdio>

namespace skiff {

bool is_terminal(std::FILE* stream);
bool use_colour(std::FILE* stream);

}  // namespace skiff
