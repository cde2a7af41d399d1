// Escaping for text that lands in HTML. Every string from content, props,
// frontmatter or UI strings goes through one of these before output.
#pragma once

#include <string>
#include <string_view>

namespace skiff {

// Escapes & < > for element content.
std::string escape_html_text(std::string_view text);
// Escapes & < > " ' for a double- or single-quoted attribute value.
std::string escape_html_attribute(std::string_view text);
// Appends the escaped text to `out` (the hot-path form).
void append_escaped(std::string& out, std::string_view text, bool attribute);

}  // namespace skiff
