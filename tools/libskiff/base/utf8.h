// UTF-8 helpers shared by the parsers.
#pragma once

#include <string>

namespace skiff {

// Appends code point `cp` as UTF-8. Values that are not Unicode scalar
// values (surrogates, > U+10FFFF) become U+FFFD, as TextEncoder does.
void append_utf8(std::string& out, char32_t cp);

}  // namespace skiff
