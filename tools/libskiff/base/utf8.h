// UTF-8 helpers shared by the parsers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace skiff {

// Appends code point `cp` as UTF-8. Values that are not Unicode scalar
// values (surrogates, > U+10FFFF) become U+FFFD, as TextEncoder does.
void append_utf8(std::string& out, char32_t cp);

// The length of the well-formed UTF-8 sequence at the start of `s` (1 for
// ASCII, 2-4 otherwise), or 0 when none starts there: a stray continuation
// byte, an overlong form, a surrogate, a value past U+10FFFF, a truncated
// sequence (Unicode 15, table 3-7). `subpart` gets the bytes one U+FFFD
// stands for (at least 1): the "maximal subpart" that browsers and cmark
// replace. `s` must not be empty.
std::size_t utf8_sequence_length(std::string_view s, std::size_t& subpart);

// Whether all of `text` is well-formed UTF-8 (NUL is: it is U+0000). Runs
// of ASCII are checked eight bytes at a time; pages are mostly ASCII.
bool is_valid_utf8(std::string_view text);

// `text` with the maximal subpart of each ill-formed sequence replaced by
// U+FFFD, as a browser decodes it. Well-formed text comes back unchanged.
std::string to_valid_utf8(std::string text);

}  // namespace skiff
